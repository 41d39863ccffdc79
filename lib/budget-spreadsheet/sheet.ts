// The spreadsheet layout of a budget's proposal lists, independent of the file format: one row
// per proposal per expenditure kind, plus optional "I alt" rows with the printed totals of a list.
//
//   Liste | Kode | Titel | Resumé | Type | Art | 2026 | 2027 | … (any years, in header order)
//
// Pure (no I/O, no Node-only imports); csv.ts and xlsx.ts turn files into rows of cells and back.
import { totalsList } from '../budget/totals';
import { EXPENDITURE_KINDS, parseDanishAmount, proposalTypeNamed, TYPE_NAMES, type ExpenditureKind, type ProposalType } from '../budget/vocabulary';
import type { ParsedBudgetDocument, ParsedList, ParsedProposal, YearTotals } from '../budget-document/parse';

/** A cell as a file format delivers it: text, a number, or nothing. */
export type Cell = string | number | null | undefined;

export type SheetIssueCode =
  | 'UNREADABLE' | 'NO_ROWS' | 'MISSING_COLUMN' | 'UNKNOWN_COLUMN' | 'DUPLICATE_COLUMN' | 'NO_YEARS'
  | 'MISSING_LIST' | 'MISSING_CODE' | 'BAD_CODE' | 'DUPLICATE_CODE' | 'DUPLICATE_LINE' | 'CONFLICTING_TEXT'
  | 'MISSING_TITLE' | 'MISSING_SUMMARY' | 'UNKNOWN_TYPE' | 'UNKNOWN_KIND' | 'MISSING_AMOUNT' | 'BAD_AMOUNT'
  | 'DUPLICATE_TOTALS' | 'TOTALS_MISMATCH';

/** Structured so that the UI renders its own translation. */
export interface SheetIssue {
  code: SheetIssueCode;
  row?: number; // 1-based, as the spreadsheet program numbers it; the header is row 1
  column?: string; // letter, e.g. "E"
  header?: string; // the column's heading, e.g. "Type"
  list?: string;
  proposal?: string;
  kind?: ExpenditureKind;
  year?: number;
  expected?: number; // printed total
  actual?: number; // computed total
  difference?: number; // actual - expected
  text?: string; // the offending cell or heading; for DUPLICATE_CODE the other list
}

export class SpreadsheetError extends Error {
  readonly issues: SheetIssue[];
  constructor(issues: SheetIssue[]) {
    super(`The spreadsheet has ${issues.length} problem(s): ${issues.map((issue) => issue.code).join(', ')}`);
    this.name = 'SpreadsheetError';
    this.issues = issues;
  }
}

export const COLUMNS = { list: 'Liste', code: 'Kode', title: 'Titel', summary: 'Resumé', type: 'Type', kind: 'Art' } as const;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
/** Headings are matched without case or accents, so "resume" and "RESUMÉ" both work. */
const ALIASES: Record<string, Field> = { liste: 'list', kode: 'code', nr: 'code', titel: 'title', resume: 'summary', type: 'type', art: 'kind' };

export const KIND_NAMES: Record<ExpenditureKind, string> = { SERVICE: 'Service', TRANSFER: 'Overførsler' };
const KIND_WORDS: Record<string, ExpenditureKind> = { service: 'SERVICE', serviceudgifter: 'SERVICE', overførsler: 'TRANSFER', overførsel: 'TRANSFER', overførselsudgifter: 'TRANSFER' };
/** Liste may be given as the list's number. */
export const LIST_NUMBERS: Record<string, string> = { '1': 'Indarbejdes og sendes i høring', '2': 'Indarbejdes ikke, men sendes i høring' };
export const TOTALS_CODE = 'I alt';

const CODE = /^(\p{Lu}+)\d+\p{Ll}?$/u;
const YEAR = /^\d{4}$/;

const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '').trim().toLowerCase();
const text = (cell: Cell) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** An integer amount in thousands; numbers must be whole, text is read the Danish way ("-1.234"). */
function readAmount(cell: Cell): number | 'missing' | 'bad' {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : 'bad';
  const value = text(cell).replace(/\s/g, '');
  if (!value) return 'missing';
  try {
    return parseDanishAmount(value);
  } catch {
    return 'bad';
  }
}

interface Header { fields: Partial<Record<Field, number>>; years: { year: number; index: number }[] }

function readHeader(cells: Cell[], issues: SheetIssue[], columnHasData: (index: number) => boolean): Header {
  const header: Header = { fields: {}, years: [] };
  cells.forEach((cell, index) => {
    const heading = text(cell);
    const at = { row: 1, column: columnLetter(index), header: heading };
    const field = ALIASES[normalise(heading)];
    if (YEAR.test(heading)) {
      const year = Number(heading);
      if (header.years.some((y) => y.year === year)) issues.push({ code: 'DUPLICATE_COLUMN', ...at });
      else header.years.push({ year, index });
    } else if (field) {
      if (header.fields[field] !== undefined) issues.push({ code: 'DUPLICATE_COLUMN', ...at });
      else header.fields[field] = index;
    } else if (heading || columnHasData(index)) issues.push({ code: 'UNKNOWN_COLUMN', ...at, text: heading });
  });
  for (const field of FIELDS) if (header.fields[field] === undefined) issues.push({ code: 'MISSING_COLUMN', row: 1, header: COLUMNS[field] });
  if (!header.years.length) issues.push({ code: 'NO_YEARS', row: 1 });
  return header;
}

interface DraftProposal { proposal: ParsedProposal; row: number }
interface DraftList { list: ParsedList; proposals: Map<string, DraftProposal>; printed: Map<ExpenditureKind, { row: number; amounts: number[] }> }

/**
 * Reads the rows of a sheet (the first is the header) into a budget document, checking every cell
 * and the optional "I alt" rows exactly like the text import checks the printed totals.
 * Throws SpreadsheetError with every problem found; nothing is returned half-read.
 */
export function readBudgetRows(rows: Cell[][]): ParsedBudgetDocument {
  const issues: SheetIssue[] = [];
  const [headerCells, ...body] = rows;
  if (!headerCells || !body.some((cells) => cells.some((cell) => text(cell)))) throw new SpreadsheetError([{ code: 'NO_ROWS' }]);
  const header = readHeader(headerCells, issues, (index) => body.some((cells) => text(cells[index]) !== ''));
  if (issues.length) throw new SpreadsheetError(issues);

  const years = header.years.map((y) => y.year);
  const lists = new Map<string, DraftList>();
  const codes = new Map<string, string>(); // proposal code → list heading

  body.forEach((cells, index) => {
    if (!cells.some((cell) => text(cell))) return;
    const row = index + 2;
    const cell = (field: Field) => text(cells[header.fields[field]!]);
    const at = (field: Field) => ({ row, column: columnLetter(header.fields[field]!), header: text(headerCells[header.fields[field]!]) });
    const problems = issues.length;

    const listText = cell('list');
    const heading = LIST_NUMBERS[listText] ?? listText;
    if (!heading) issues.push({ code: 'MISSING_LIST', ...at('list') });
    const code = cell('code');
    const kindText = cell('kind');
    const kind = KIND_WORDS[kindText.toLowerCase()];
    if (!kind) issues.push({ code: 'UNKNOWN_KIND', ...at('kind'), list: heading, proposal: code, text: kindText });
    const amounts = header.years.map(({ year, index: column }) => {
      const amount = readAmount(cells[column]);
      if (typeof amount === 'number') return amount;
      const where = { row, column: columnLetter(column), header: String(year), list: heading, proposal: code, year };
      issues.push(amount === 'missing' ? { code: 'MISSING_AMOUNT', ...where } : { code: 'BAD_AMOUNT', ...where, text: text(cells[column]) });
      return 0;
    });

    const isTotals = normalise(code) === normalise(TOTALS_CODE);
    let type: ProposalType | undefined;
    if (!isTotals) {
      if (!code) issues.push({ code: 'MISSING_CODE', ...at('code'), list: heading });
      else if (!CODE.test(code)) issues.push({ code: 'BAD_CODE', ...at('code'), list: heading, text: code });
      else if (codes.has(code) && codes.get(code) !== heading) issues.push({ code: 'DUPLICATE_CODE', ...at('code'), list: heading, proposal: code, text: codes.get(code) });
      const typeText = cell('type');
      type = proposalTypeNamed(typeText);
      if (!type) issues.push({ code: 'UNKNOWN_TYPE', ...at('type'), list: heading, proposal: code, text: typeText });
    }
    if (issues.length > problems || !kind) return;

    let draft = lists.get(heading);
    if (!draft) {
      const list: ParsedList = { heading, position: lists.size, incorporated: !/\bikke\b/iu.test(heading), proposals: [], printedTotals: [], computedTotals: [] };
      draft = { list, proposals: new Map(), printed: new Map() };
      lists.set(heading, draft);
    }
    if (isTotals) {
      if (draft.printed.has(kind)) issues.push({ code: 'DUPLICATE_TOTALS', ...at('kind'), list: heading, kind });
      else draft.printed.set(kind, { row, amounts });
      return;
    }

    codes.set(code, heading);
    const existing = draft.proposals.get(code);
    if (!existing) {
      const proposal: ParsedProposal = { code, committeeCode: CODE.exec(code)![1]!, title: cell('title'), summary: cell('summary'), lines: [] };
      draft.proposals.set(code, { proposal, row });
      draft.list.proposals.push(proposal);
    }
    const { proposal } = draft.proposals.get(code)!;
    if (proposal.lines.some((line) => line.kind === kind)) {
      issues.push({ code: 'DUPLICATE_LINE', ...at('kind'), list: heading, proposal: code, kind });
      return;
    }
    // Later rows of a proposal may leave the texts empty, but must not contradict the first.
    for (const field of ['title', 'summary'] as const) {
      const value = cell(field);
      if (!value) continue;
      if (!proposal[field]) proposal[field] = value;
      else if (value !== proposal[field]) issues.push({ code: 'CONFLICTING_TEXT', ...at(field), list: heading, proposal: code });
    }
    proposal.lines.push({ kind, type: type!, amounts: years.map((year, i) => ({ year, amount: amounts[i]! })) });
  });

  // Comparing totals after a refused row would only repeat the problem already reported.
  const rowsRefused = issues.length > 0;
  for (const { list, proposals, printed } of lists.values()) {
    for (const { proposal, row } of proposals.values()) {
      if (!proposal.title) issues.push({ code: 'MISSING_TITLE', row, list: list.heading, proposal: proposal.code });
      if (!proposal.summary) issues.push({ code: 'MISSING_SUMMARY', row, list: list.heading, proposal: proposal.code });
    }
    list.computedTotals = computedTotals(list.proposals, years);
    for (const kind of EXPENDITURE_KINDS) {
      const totals = printed.get(kind);
      if (!totals) continue;
      years.forEach((year, i) => {
        const expected = totals.amounts[i]!;
        const actual = list.computedTotals.find((t) => t.kind === kind && t.year === year)!.amount;
        list.printedTotals.push({ kind, year, amount: expected });
        if (actual !== expected && !rowsRefused) {
          const column = columnLetter(header.years[i]!.index);
          issues.push({ code: 'TOTALS_MISMATCH', row: totals.row, column, header: String(year), list: list.heading, kind, year, expected, actual, difference: actual - expected });
        }
      });
    }
  }

  if (issues.length) throw new SpreadsheetError(issues);
  return { years, lists: [...lists.values()].map((draft) => draft.list) };
}

/** Sums per kind and year, in the order the text parser gives them. */
export function computedTotals(proposals: ParsedProposal[], years: number[]): YearTotals[] {
  const lines = proposals.flatMap((p) => p.lines.flatMap((line) => line.amounts.map(({ year, amount }) => ({ kind: line.kind, year, amount }))));
  return totalsList(lines, years);
}

/** The header and one row per proposal and kind, then the list's "I alt" rows (those it has printed totals for). */
export function budgetRows(document: ParsedBudgetDocument): Cell[][] {
  const rows: Cell[][] = [[...FIELDS.map((field) => COLUMNS[field]), ...document.years]];
  const amountsOf = (entries: { year: number; amount: number }[]) => document.years.map((year) => entries.find((e) => e.year === year)?.amount ?? 0);
  for (const list of document.lists) {
    for (const proposal of list.proposals) {
      for (const line of proposal.lines) {
        rows.push([list.heading, proposal.code, proposal.title, proposal.summary, TYPE_NAMES[line.type], KIND_NAMES[line.kind], ...amountsOf(line.amounts)]);
      }
    }
    for (const kind of EXPENDITURE_KINDS) {
      const printed = list.printedTotals.filter((total) => total.kind === kind);
      if (printed.length) rows.push([list.heading, TOTALS_CODE, '', '', '', KIND_NAMES[kind], ...amountsOf(printed)]);
    }
  }
  return rows;
}

/** What the template holds: the header and one example proposal, for the given years. */
export function templateDocument(years: number[]): ParsedBudgetDocument {
  const proposals: ParsedProposal[] = [
    {
      code: 'ØU01',
      committeeCode: 'ØU',
      title: 'Eksempel: mindre nyindkøb, mere genbrug af inventar',
      summary: 'Kort resumé af forslaget. Beløb i hele 1.000 kr.; negative beløb er besparelser. Slet denne række, og skriv et forslag pr. række og art.',
      lines: [{ kind: 'SERVICE', type: 'EFFICIENCY', amounts: years.map((year) => ({ year, amount: -250 })) }],
    },
  ];
  return { years, lists: [{ heading: LIST_NUMBERS['1']!, position: 0, incorporated: true, proposals, printedTotals: [], computedTotals: computedTotals(proposals, years) }] };
}
