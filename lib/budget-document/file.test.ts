import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { damaged, PDF } from '@/test/pdf-fixtures';
import { parseBudgetFile, readBudgetFile } from './file';
import { BudgetDocumentError, formatIssue, type DocumentIssue } from './parse';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, 'fixtures', name)));
const expected = (name: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'fixtures', `${name}.expected.json`), 'utf8'));

async function issuesOf(name: string, bytes: Uint8Array): Promise<DocumentIssue[]> {
  const error = await parseBudgetFile({ name, bytes }).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BudgetDocumentError)) throw new Error(`expected a BudgetDocumentError, got ${String(error)}`);
  return error.issues;
}

/** A one-page PDF with the given lines of text, as a word processor without tables would write it. */
async function textPdf(lines: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - 16 * i, size: 11, font }));
  return document.save();
}

describe('parseBudgetFile with the generated fixtures', () => {
  it.each([
    ['htk-2026-portrait.pdf', 'htk-2026-portrait'],
    ['vestera-2027-landscape.pdf', 'vestera-2027-landscape'],
    ['vestera-2027-landscape.docx', 'vestera-2027-landscape'],
  ])('reads %s: lists, proposals, lines and totals as the document was written', async (file, name) => {
    const { format, document } = await parseBudgetFile({ name: file, bytes: fixture(file) });
    expect(format).toBe(file.split('.').pop());
    expect(document).toEqual(expected(name));
  });

  it('takes the years from the header and reads codes with a lowercase suffix and other committee prefixes', async () => {
    const { document } = await parseBudgetFile({ name: 'vestera.pdf', bytes: fixture('vestera-2027-landscape.pdf') });
    expect(document.years).toEqual([2027, 2028, 2029, 2030]);
    expect(document.lists[0]!.proposals.map((p) => [p.code, p.committeeCode]).slice(0, 2)).toEqual([['BUU03', 'BUU'], ['KFU12b', 'KFU']]);
  });

  it('refuses a wrong printed total, naming page, row, list, year, kind and difference', async () => {
    const issues = await issuesOf('htk-2026-wrong-total.pdf', fixture('htk-2026-wrong-total.pdf'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'TOTALS_MISMATCH', list: 'Indarbejdes ikke, men sendes i høring', kind: 'SERVICE', year: 2028, difference: -100 });
    expect(formatIssue(issues[0]!)).toMatch(/^Side \d+, række \d+: Summen for "Indarbejdes ikke, men sendes i høring", serviceudgifter 2028, er -4\.690, men dokumentet angiver -4\.590 \(forskel -100\)\.$/u);
  });

  it('reads pre-extracted text as before', async () => {
    const { format, document } = await parseBudgetFile({ name: 'dokument.txt', bytes: fixture('other-municipality.txt') });
    expect(format).toBe('txt');
    expect(document.years).toEqual([2027, 2028, 2029]);
  });
});

describe('parseBudgetFile with bad input', () => {
  it('refuses a file whose content is not what its name says', async () => {
    const zip = await issuesOf('referat.pdf', fixture('vestera-2027-landscape.docx'));
    expect(zip.map(formatIssue)).toEqual(['Filen hedder .pdf, men indholdet er et Word-dokument (DOCX). Vælg den rigtige fil, eller gem den igen i det format, navnet angiver.']);
    const text = await issuesOf('referat.pdf', new TextEncoder().encode('Referat af budgetseminar'));
    expect(text[0]).toMatchObject({ code: 'FILE_MISMATCH', text: 'txt' });
    const pdf = await issuesOf('referat.docx', fixture('htk-2026-portrait.pdf'));
    expect(pdf[0]).toMatchObject({ code: 'FILE_MISMATCH', text: 'pdf' });
  });

  it('refuses binary content it cannot read', async () => {
    expect((await issuesOf('referat', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).map((i) => i.code)).toEqual(['UNKNOWN_FORMAT']);
  });

  it('refuses a damaged PDF, an encrypted one, and one without a text layer, each with its own message', async () => {
    expect((await issuesOf('a.pdf', await damaged())).map((i) => i.code)).toEqual(['PDF_DAMAGED']);
    const truncated = fixture('htk-2026-portrait.pdf').subarray(0, 4000);
    expect((await issuesOf('b.pdf', truncated)).map((i) => i.code)).toEqual(['PDF_DAMAGED']);
    const encrypted = Buffer.from(PDF.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'), 'latin1');
    expect((await issuesOf('c.pdf', encrypted)).map((i) => i.code)).toEqual(['PDF_ENCRYPTED']);
    expect((await issuesOf('c.pdf', fixture('htk-2026-encrypted.pdf'))).map(formatIssue)).toEqual(['PDF-filen er beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.']);
    const scanned = await issuesOf('d.pdf', PDF);
    expect(scanned.map((i) => i.code)).toEqual(['NO_TEXT_LAYER']);
    expect(formatIssue(scanned[0]!)).toContain('regnearksskabelonen');
  });

  it('refuses a PDF with text but no table', async () => {
    const issues = await issuesOf('brev.pdf', await textPdf(['Kære borger', 'Tak for din henvendelse af 2. september.', 'Med venlig hilsen']));
    expect(issues.map((i) => i.code)).toEqual(['NO_LISTS']);
  });

  it('refuses a damaged DOCX', async () => {
    const docx = fixture('vestera-2027-landscape.docx');
    expect((await issuesOf('e.docx', docx.subarray(0, docx.length / 2))).map((i) => i.code)).toEqual(['DOCX_DAMAGED']);
  });
});

describe('readBudgetFile with a misread amount', () => {
  it.each([
    ['htk-2026-misread.pdf', { page: 1, row: 2 }],
    ['htk-2026-misread.docx', { table: 1, row: 2 }],
  ])('gives the row of %s as an unread row at its place, leaves it out and sums the list without it', async (file, at) => {
    const { document, unread, issues } = await readBudgetFile({ name: file, bytes: fixture(file) });
    expect(unread).toEqual([expect.objectContaining({ at, list: 'Indarbejdes og sendes i høring', listPosition: 0, code: 'ØU01', issues: ['BAD_AMOUNTS'] })]);
    expect(unread[0]!.text).toMatch(/^ØU01 Mindre nyindkøb, mere genbrug Kommunen har længe [\s\S]* -500 -5OO -500 -500 Effektivisering$/u);
    expect(document.lists.map((l) => l.proposals.map((p) => p.code))).toEqual([['ISU02', 'ØU04'], ['BU11', 'SSU03']]);
    expect(document.lists[0]!.computedTotals.filter((t) => t.kind === 'SERVICE').map((t) => t.amount)).toEqual([-6349, -5417, -4164, -3510]);
    expect(issues).toEqual([{ code: 'BAD_AMOUNTS', ...at, proposal: 'ØU01', list: 'Indarbejdes og sendes i høring', expected: 4, actual: 3 }]);
  });

  it('is refused by the strict reading, as the import script uses it', async () => {
    expect((await issuesOf('htk-2026-misread.pdf', fixture('htk-2026-misread.pdf'))).map(formatIssue)).toEqual(['Side 1, række 2: Der står 3 beløb for forslag ØU01, men tabellen har 4 år.']);
  });
});
