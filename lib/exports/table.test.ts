import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvStream, xlsxStream } from './table';

async function* batchesOf(batches: string[][][], counter: { pulled: number }) {
  for (const batch of batches) {
    counter.pulled++;
    yield batch;
  }
}

describe('table downloads', () => {
  it('writes CSV for Danish Excel, and asks for a batch only when the reader wants more', async () => {
    const counter = { pulled: 0 };
    const stream = csvStream(['Navn', 'Tekst'], batchesOf([[['Åse', 'a;b']], [['Bo', 'linje 1\nlinje 2']], [['=HYPERLINK("x")', '-1']]], counter));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(counter.pulled).toBe(0);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    expect(counter.pulled).toBe(3);
    // Text is quoted (a bare line feed too), and what a spreadsheet would evaluate is neutralised.
    expect(text).toBe('\uFEFF"Navn";"Tekst"\r\n"Åse";"a;b"\r\n"Bo";"linje 1\nlinje 2"\r\n"\'=HYPERLINK(""x"")";"\'-1"\r\n');
  });

  it('writes every XLSX cell as text, a formula-like one too', async () => {
    const stream = xlsxStream(['Tekst'], batchesOf([[['=HYPERLINK("https://evil.example","x")'], ['ok\u0007']]], { pulled: 0 }), { sheetName: 'Ark', widths: [40] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await new Response(stream).arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Ark')!;
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("https://evil.example","x")');
    expect(sheet.getCell('A3').value).toBe('ok');
  });
});
