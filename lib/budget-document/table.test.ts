import { describe, expect, it } from 'vitest';
import { BudgetDocumentError, documentFrom, formatIssue, readLayoutDocument, type DocumentIssue } from './parse';
import { readTable, type SourceLine } from './table';

// Column positions of a small A4 table: code, title, summary, two years, type.
const X = { code: 50, title: 90, summary: 200, y1: 400, y2: 440, type: 480 };
type Part = [keyof typeof X | number, string];
const line = (page: number, y: number, ...parts: Part[]): SourceLine => ({
  page,
  y,
  fragments: parts.map(([at, text]) => {
    const x0 = typeof at === 'number' ? at : X[at];
    return { x0, x1: x0 + 4.5 * text.length, text };
  }),
});
const header = (page: number, y: number, summary: string | undefined = 'Resume'): SourceLine =>
  line(page, y, ['code', 'Nr.'], ['title', 'Titel'], ...(summary ? [['summary', summary] as Part] : []), ['y1', '2027'], ['y2', '2028'], ['type', 'Type']);
const furniture = (page: number): SourceLine[] => [line(page, 20, [50, 'Vesterå Kommune'], [420, 'Sag 26/1187']), line(page, 800, [420, `Side ${page} af 2`])];

function issuesOf(lines: SourceLine[]): DocumentIssue[] {
  try {
    documentFrom(readTable(lines, 'page'));
  } catch (error) {
    if (error instanceof BudgetDocumentError) return error.issues;
    throw error;
  }
  throw new Error('expected a BudgetDocumentError');
}

describe('readTable', () => {
  it('joins a row continued on the next page, skipping page furniture and the repeated header, and undoing hyphenation', () => {
    const lines = [
      ...furniture(1),
      line(1, 60, [40, 'Forslag der indarbejdes']),
      header(1, 80),
      line(1, 100, ['code', 'BUU03'], ['title', 'Samling af dag-'], ['summary', 'Dagplejens administration er'], ['y1', '-1.100'], ['y2', '-1.450'], ['type', 'Effektivise-']),
      line(1, 110, ['title', 'plejens administration'], ['summary', 'fordelt på tre distrikter med va-'], ['type', 'ring']),
      ...furniture(2),
      header(2, 80),
      line(2, 100, ['summary', 'righed og egen visitation.']),
      line(2, 120, ['code', 'BUU03'], ['title', '(overførsler)'], ['y1', '-20'], ['y2', '-25'], ['type', 'Merindtægt']),
      line(2, 140, ['code', 'I alt, serviceudgifter'], ['y1', '-1.100'], ['y2', '-1.450']),
      line(2, 150, ['code', 'I alt, overførselsudgifter'], ['y1', '-20'], ['y2', '-25']),
    ];
    const document = documentFrom(readTable(lines, 'page'));
    expect(document.years).toEqual([2027, 2028]);
    expect(document.lists).toHaveLength(1);
    expect(document.lists[0]!.heading).toBe('Forslag der indarbejdes');
    expect(document.lists[0]!.proposals).toEqual([
      {
        code: 'BUU03',
        committeeCode: 'BUU',
        title: 'Samling af dagplejens administration',
        summary: 'Dagplejens administration er fordelt på tre distrikter med varighed og egen visitation.',
        lines: [
          { kind: 'SERVICE', type: 'EFFICIENCY', amounts: [{ year: 2027, amount: -1100 }, { year: 2028, amount: -1450 }] },
          { kind: 'TRANSFER', type: 'EXTRA_REVENUE', amounts: [{ year: 2027, amount: -20 }, { year: 2028, amount: -25 }] },
        ],
      },
    ]);
  });

  it('finds the summary column of a header without "Resume" from the rows below it, and totals in the title column', () => {
    const lines = [
      line(1, 60, [40, 'Forslag der ikke indarbejdes']),
      header(1, 80, undefined),
      line(1, 100, ['code', 'KFU12b'], ['title', 'Biblioteksbus'], ['summary', 'Bogbussen erstattes af'], ['y1', '-320'], ['y2', '-410'], ['type', 'Besparelse']),
      line(1, 110, ['title', 'Nord'], ['summary', 'afhentningsskabe.']),
      line(1, 130, ['code', 'KFU13'], ['title', 'Færre'], ['summary', 'Sommeråbent kun i juli.'], ['y1', '-10'], ['y2', '-10'], ['type', 'Besparelse']),
      line(1, 150, ['title', 'I alt, serviceudgifter'], ['y1', '-330'], ['y2', '-420']),
    ];
    const document = documentFrom(readTable(lines, 'page'));
    const [first, second] = document.lists[0]!.proposals;
    expect([first!.title, first!.summary]).toEqual(['Biblioteksbus Nord', 'Bogbussen erstattes af afhentningsskabe.']);
    expect([second!.title, second!.summary]).toEqual(['Færre', 'Sommeråbent kun i juli.']);
    expect(document.lists[0]!.printedTotals.map((t) => t.amount)).toEqual([-330, -420]);
  });

  it('names page and row in its issues: an unknown type, a missing amount, a transfer row without its proposal', () => {
    const issues = issuesOf([
      line(1, 60, [40, 'Forslag']),
      header(1, 80),
      line(1, 100, ['code', 'ØU01'], ['title', 'Titel'], ['summary', 'Resumé.'], ['y1', '-1'], ['y2', '-1'], ['type', 'Spareforslag']),
      line(1, 120, ['code', 'ØU02'], ['title', 'Titel'], ['summary', 'Resumé.'], ['y1', '-1'], ['type', 'Besparelse']),
      line(1, 140, ['code', 'ØU03'], ['title', '(overførsler)'], ['y1', '-1'], ['y2', '-1'], ['type', 'Besparelse']),
      line(1, 160, ['code', 'I alt, serviceudgifter'], ['y1', '-2'], ['y2', '-1']),
    ]);
    expect(issues.map(formatIssue)).toEqual([
      'Side 1, række 1: Ukendt type "Spareforslag" for forslag ØU01; forventede Effektivisering, Besparelse, Merindtægt eller Merudgift.',
      'Side 1, række 2: Der står 1 beløb for forslag ØU02, men tabellen har 2 år.',
      'Side 1, række 3: Overførselslinjen for ØU03 står ikke under et forslag med samme nummer i listen "Forslag".',
    ]);
  });

  it('reports stray text inside a list instead of dropping it', () => {
    const issues = issuesOf([
      line(1, 60, [40, 'Forslag']),
      header(1, 80),
      line(1, 100, ['code', 'ØU01'], ['title', 'Titel'], ['summary', 'Resumé.'], ['y1', '-1'], ['y2', '-1'], ['type', 'Besparelse']),
      line(1, 120, ['code', 'ØU 02 Titel uden nummer']),
      line(1, 140, ['code', 'I alt, serviceudgifter'], ['y1', '-1'], ['y2', '-1']),
    ]);
    expect(issues).toEqual([{ code: 'UNEXPECTED_LINE', page: 1, row: 2, list: 'Forslag', text: 'ØU 02 Titel uden nummer' }]);
  });

  it('does not take a line with years that do not follow each other for a header', () => {
    const issues = issuesOf([line(1, 60, [40, 'Tidsplan']), line(1, 80, ['code', 'Nr.'], ['title', 'Titel'], ['y1', '2027'], ['y2', '2029'])]);
    expect(issues.map((i) => i.code)).toEqual(['NO_LISTS']);
  });
});

describe('readLayoutDocument', () => {
  const list = (unit: 'page' | 'table', ...rows: SourceLine[]) => readLayoutDocument(readTable([line(1, 60, [40, 'Forslag']), header(1, 80), ...rows], unit));
  const ok = (y: number, code: string, a: string, b: string) => line(1, y, ['code', code], ['title', `Titel ${code}`], ['summary', 'Resumé.'], ['y1', a], ['y2', b], ['type', 'Besparelse']);

  it('leaves out a PDF row with a misread amount, gives it as an unread row by page and row with its cells joined, and sums the list without it', () => {
    const { document, unread, issues } = list(
      'page',
      ok(100, 'ØU01', '-10', '-20'),
      line(1, 120, ['code', 'ØU02'], ['title', 'Færre'], ['summary', 'Kopimaskiner samles'], ['y1', '-5'], ['y2', '-5O'], ['type', 'Besparelse']),
      line(1, 130, ['title', 'kopimaskiner'], ['summary', 'i to rum.']),
      line(1, 140, ['code', 'ØU02'], ['title', '(overførsler)'], ['y1', '-1'], ['y2', '-1'], ['type', 'Spareforslag']),
      line(1, 160, ['code', 'I alt, serviceudgifter'], ['y1', '-15'], ['y2', '-70']),
      line(1, 170, ['code', 'I alt, overførselsudgifter'], ['y1', '-1'], ['y2', '-1']),
    );
    expect(unread).toEqual([{
      key: 'page-1-row-2',
      at: { page: 1, row: 2 },
      list: 'Forslag',
      listPosition: 0,
      code: 'ØU02',
      text: 'ØU02 Færre kopimaskiner Kopimaskiner samles i to rum. -5 -5O Besparelse\nØU02 (overførsler) -1 -1 Spareforslag',
      issues: ['BAD_AMOUNTS', 'UNKNOWN_TYPE'],
    }]);
    expect(document.lists[0]!.proposals.map((p) => p.code)).toEqual(['ØU01']);
    expect(document.lists[0]!.computedTotals.filter((t) => t.kind === 'SERVICE').map((t) => t.amount)).toEqual([-10, -20]);
    expect(issues.map((i) => i.code)).toEqual(['BAD_AMOUNTS', 'UNKNOWN_TYPE']);
  });

  it('gives a DOCX row whose code is misread, with the lines that follow it, as one unread row by table and row', () => {
    const { document, unread } = list(
      'table',
      line(1, 100, ['code', 'ØU 01'], ['title', 'Titel uden'], ['y1', '-1'], ['y2', '-1'], ['type', 'Besparelse']),
      line(1, 110, ['title', 'nummer']),
      ok(120, 'ØU02', '-2', '-2'),
      line(1, 140, ['code', 'I alt, serviceudgifter'], ['y1', '-3'], ['y2', '-3']),
    );
    expect(unread).toEqual([{ key: 'table-1-row-1', at: { table: 1, row: 1 }, list: 'Forslag', listPosition: 0, code: undefined, text: 'ØU 01 Titel uden -1 -1 Besparelse\nnummer', issues: ['UNEXPECTED_LINE', 'UNEXPECTED_LINE'] }]);
    expect(document.lists[0]!.proposals.map((p) => p.code)).toEqual(['ØU02']);
    expect(formatIssue({ code: 'UNEXPECTED_LINE', table: 1, row: 2, list: 'Forslag', text: 'x' })).toMatch(/^Tabel 1, række 2: /u);
  });

  it('reads a whole table as documentFrom does, with no unread rows; a missing "I alt" is no row of its own', () => {
    const rows = [ok(100, 'ØU01', '-1', '-2'), line(1, 140, ['code', 'I alt, serviceudgifter'], ['y1', '-1'], ['y2', '-2'])];
    expect(list('page', ...rows)).toEqual({ document: documentFrom(readTable([line(1, 60, [40, 'Forslag']), header(1, 80), ...rows], 'page')), unread: [], issues: [] });
    const { unread, issues } = list('page', ok(100, 'ØU01', '-1', '-2'));
    expect(unread).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['MISSING_TOTALS']);
  });
});
