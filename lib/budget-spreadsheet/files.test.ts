import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseBudgetDocument } from '../budget-document/parse';
import { readBudgetCsv, writeBudgetCsv } from './csv';
import { SpreadsheetError, type SheetIssue } from './sheet';
import { readBudgetXlsx, writeBudgetXlsx } from './xlsx';

const seed = parseBudgetDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/seed-data/budget-seminar-2025-08-29.txt'), 'utf8'));
const INCORPORATED = 'Indarbejdes og sendes i høring';

async function issuesOf(read: () => unknown): Promise<SheetIssue[]> {
  try {
    await read();
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.issues;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('the demo document', () => {
  it('round-trips through CSV', () => {
    expect(seed.lists.flatMap((l) => l.proposals)).toHaveLength(31);
    expect(readBudgetCsv(writeBudgetCsv(seed))).toEqual(seed);
  });

  it('round-trips through XLSX', async () => {
    expect(await readBudgetXlsx(await writeBudgetXlsx(seed))).toEqual(seed);
  });
});

describe('CSV', () => {
  it('is written for Danish Excel: byte order mark, semicolons, Danish amounts, CRLF', () => {
    const csv = writeBudgetCsv(seed);
    expect(csv.startsWith('\uFEFF"Liste";"Kode";"Titel";"Resumé";"Type";"Art";"2026";"2027";"2028";"2029"\r\n')).toBe(true);
    expect(csv).toContain(`"${INCORPORATED}";"I alt";;;;"Service";-9.082;-8.470;-7.767;-7.663\r\n`);
  });

  it('keeps texts that look like formulas text, and amounts numbers, through a round trip', () => {
    const proposal = seed.lists[0]!.proposals[0]!;
    const hostile = { ...seed, lists: [{ ...seed.lists[0]!, proposals: [{ ...proposal, title: '=HYPERLINK("https://evil.example")', summary: '-600 kr. mindre' }, ...seed.lists[0]!.proposals.slice(1)] }, ...seed.lists.slice(1)] };
    const csv = writeBudgetCsv(hostile);
    expect(csv).toContain(`;"'=HYPERLINK(""https://evil.example"")";"'-600 kr. mindre";`);
    expect(csv).toMatch(/;"Service";-\d/);
    expect(readBudgetCsv(csv)).toEqual(hostile);
  });

  it('reads comma-separated files without a byte order mark, with quoted cells', () => {
    const document = readBudgetCsv(`Liste,Kode,Titel,Resumé,Type,Art,2026\n"${INCORPORATED}",ØU01,"Titel, med komma","Resumé på
to linjer",Besparelse,Service,-1234\n`);
    expect(document.lists[0]!.proposals[0]).toMatchObject({ title: 'Titel, med komma', summary: 'Resumé på\nto linjer', lines: [{ amounts: [{ year: 2026, amount: -1234 }] }] });
  });

  it('reports rows by their number in the spreadsheet and refuses an unclosed quote', async () => {
    const csv = `Liste;Kode;Titel;Resumé;Type;Art;2026\n${INCORPORATED};ØU01;T;R;Besparelse;Service;-1,5\n`;
    expect(await issuesOf(() => readBudgetCsv(csv))).toEqual([
      { code: 'BAD_AMOUNT', row: 2, column: 'G', header: '2026', list: INCORPORATED, proposal: 'ØU01', year: 2026, text: '-1,5' },
    ]);
    expect((await issuesOf(() => readBudgetCsv('Liste;Kode\n"åben;x\n'))).map((i) => i.code)).toEqual(['UNREADABLE']);
  });
});

describe('XLSX', () => {
  async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Ark1').addRows(rows);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('reads formulas by their result and text amounts the Danish way, and rejects decimals', async () => {
    const header = ['Liste', 'Kode', 'Titel', 'Resumé', 'Type', 'Art', 2026, 2027];
    const good = await workbook([header, [INCORPORATED, 'ØU01', { richText: [{ text: 'Ti' }, { text: 'tel' }] }, 'R', 'Merindtægt', 'Service', { formula: '-2*500', result: -1000 }, '-1.234']]);
    expect((await readBudgetXlsx(good)).lists[0]!.proposals[0]).toMatchObject({ title: 'Titel', lines: [{ type: 'EXTRA_REVENUE', amounts: [{ amount: -1000 }, { amount: -1234 }] }] });

    const decimal = await workbook([header, [INCORPORATED, 'ØU01', 'T', 'R', 'Merindtægt', 'Service', 12.5, 1]]);
    expect((await issuesOf(() => readBudgetXlsx(decimal))).map((i) => [i.code, i.row, i.column])).toEqual([['BAD_AMOUNT', 2, 'G']]);
  });

  it('refuses a file that is not a workbook', async () => {
    expect((await issuesOf(() => readBudgetXlsx(new TextEncoder().encode('Liste;Kode')))).map((i) => i.code)).toEqual(['UNREADABLE']);
  });
});
