// Parses the proposal lists of a budget-consultation document. A reader finds the lists: the line
// reader (read-lines.ts) in text extracted from the PDF, the layout reader (table.ts) in a PDF's or
// DOCX's positioned text (file.ts picks one); checkDocument checks what it found, and the totals
// check (totals-check.ts) compares each list's sums with its printed totals. Pure (no I/O, no
// Node-only imports) so it runs in the browser, a server action or a script alike.
import type { AmountLine } from '../budget/totals';
import { TYPE_NAMES, type ExpenditureKind, type ProposalType } from '../budget/vocabulary';
import { formatAmount } from '../format';
import { readLines, type ReadDocument } from './read-lines';
import { checkTotals } from './totals-check';
import { layoutRows, textRows, withUnreadRows, type BudgetReading } from './unread';

export interface ParsedLine {
  kind: ExpenditureKind;
  type: ProposalType;
  amounts: { year: number; amount: number }[]; // integer thousands DKK
}
export interface ParsedProposal { code: string; committeeCode: string; title: string; summary: string; lines: ParsedLine[] }
export type YearTotals = AmountLine;
export interface ParsedList {
  heading: string;
  position: number; // 0-based
  incorporated: boolean; // false when the heading says "ikke"
  proposals: ParsedProposal[];
  printedTotals: YearTotals[];
  computedTotals: YearTotals[];
}
export interface ParsedBudgetDocument { years: number[]; lists: ParsedList[] }

export type IssueCode =
  | 'NO_LISTS' | 'NO_YEARS' | 'YEARS_MISMATCH' | 'BAD_AMOUNTS' | 'UNKNOWN_TYPE' | 'ORPHAN_TRANSFER'
  | 'DUPLICATE_CODE' | 'MISSING_AMOUNTS' | 'MISSING_TITLE' | 'MISSING_SUMMARY' | 'UNEXPECTED_LINE'
  | 'MISSING_TOTALS' | 'TOTALS_MISMATCH'
  // The file rather than its table: see file.ts, pdf.ts and docx.ts.
  | 'FILE_MISMATCH' | 'UNKNOWN_FORMAT' | 'PDF_DAMAGED' | 'PDF_ENCRYPTED' | 'PDF_UNSAFE' | 'NO_TEXT_LAYER' | 'DOCX_DAMAGED';

/** Where an issue is: a line of text, or a page (PDF) or table (DOCX) and the row counted from its header. */
export interface Place { line?: number; page?: number; table?: number; row?: number }

/** Structured so a UI can render its own translation; `formatIssue` gives the Danish default. */
export interface DocumentIssue extends Place {
  code: IssueCode;
  list?: string; // heading of the list concerned
  proposal?: string; // proposal code, e.g. "ØU04"
  kind?: ExpenditureKind;
  year?: number;
  expected?: number; // printed total, or number of year columns
  actual?: number; // computed total, or number of amounts found
  difference?: number; // actual - expected
  text?: string; // offending text (unknown type, unexpected line, deviating years); the file's format for FILE_MISMATCH
}

export class BudgetDocumentError extends Error {
  readonly issues: DocumentIssue[];
  constructor(issues: DocumentIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'BudgetDocumentError';
    this.issues = issues;
  }
}

const KIND_LABEL: Record<ExpenditureKind, string> = { SERVICE: 'serviceudgifter', TRANSFER: 'overførselsudgifter' };
const TYPE_LIST = Object.values(TYPE_NAMES).join(', ').replace(/, ([^,]+)$/u, ' eller $1');

/** Checks what a reader found (titles, summaries, totals): the document, and every issue met. */
function checkDocument({ years, lists, issues }: ReadDocument): { document: ParsedBudgetDocument; issues: DocumentIssue[] } {
  const parsedLists = lists.map((l, position): ParsedList => {
    const proposals = l.proposals.map((d): ParsedProposal => {
      const { title, summary } = d;
      if (!title) issues.push({ code: 'MISSING_TITLE', ...d.at, proposal: d.code, list: l.heading });
      if (!summary) issues.push({ code: 'MISSING_SUMMARY', ...d.at, proposal: d.code, list: l.heading });
      const lines = d.lines.flatMap(({ kind, type, amounts }) =>
        type && amounts ? [{ kind, type, amounts: years.map((year, i) => ({ year, amount: amounts[i] ?? 0 })) }] : [],
      );
      return { code: d.code, committeeCode: d.committeeCode, title, summary, lines };
    });

    const totals = checkTotals(l, years);
    issues.push(...totals.issues);
    return { heading: l.heading, position, incorporated: !/\bikke\b/iu.test(l.heading), proposals, printedTotals: totals.printedTotals, computedTotals: totals.computedTotals };
  });

  return { document: { years, lists: parsedLists }, issues };
}

/** Checks what a reader found and gives the document, or throws BudgetDocumentError with every issue. */
export function documentFrom(read: ReadDocument): ParsedBudgetDocument {
  const { document, issues } = checkDocument(read);
  if (issues.length) throw new BudgetDocumentError(issues);
  return document;
}

/** The strict reading of pre-extracted text, for the CLI and seed: throws BudgetDocumentError with every issue. */
export function parseBudgetDocument(text: string): ParsedBudgetDocument {
  return documentFrom(readLines(text));
}

/**
 * Reads what it can of pre-extracted text: the document without the proposals it could not
 * read, those as unread rows with their raw text, and every issue (a row's issues included).
 * Never throws.
 */
export function readBudgetDocument(text: string): BudgetReading {
  const read = readLines(text);
  return withUnreadRows(read, checkDocument(read), textRows(text));
}

/** The same reading of what the layout reader found in a PDF or DOCX, its rows placed by page (or table) and row. */
export function readLayoutDocument(read: ReadDocument): BudgetReading {
  return withUnreadRows(read, checkDocument(read), layoutRows(read.rowTexts ?? new Map()));
}

const FORMAT_NAMES: Record<string, string> = { pdf: 'en PDF-fil', docx: 'et Word-dokument (DOCX)', xlsx: 'et Excel-regneark (XLSX)', zip: 'en zip-fil', csv: 'en CSV-fil', txt: 'en tekstfil', binary: 'en binær fil' };
const TEMPLATE_HINT = 'Udfyld i stedet regnearksskabelonen (CSV eller XLSX) fra importsiden.';

function placeOf({ line, page, table, row }: Place): string {
  if (line) return `Linje ${line}: `;
  const within = row ? `, række ${row}` : '';
  if (page) return `Side ${page}${within}: `;
  return table ? `Tabel ${table}${within}: ` : '';
}

/** Renders an issue as a Danish sentence. */
export function formatIssue(issue: DocumentIssue): string {
  const at = placeOf(issue);
  const list = `"${issue.list ?? ''}"`;
  const of = issue.proposal ? ` for forslag ${issue.proposal}` : '';
  const kind = issue.kind ? KIND_LABEL[issue.kind] : '';
  const amount = (n: number | undefined) => formatAmount(n ?? 0);
  switch (issue.code) {
    case 'NO_LISTS': return 'Dokumentet indeholder ingen forslagslister (en overskrift efterfulgt af tabelhovedet "Nr. Titel … Type").';
    case 'NO_YEARS': return `${at}Tabelhovedet indeholder ingen årstal.`;
    case 'YEARS_MISMATCH': return `${at}Tabelhovedet har årstallene ${issue.text}, som afviger fra det første tabelhoved.`;
    case 'BAD_AMOUNTS': return `${at}Der står ${issue.actual} beløb${of}, men tabellen har ${issue.expected} år.`;
    case 'UNKNOWN_TYPE': return `${at}${issue.text ? `Ukendt type "${issue.text}"` : 'Typen mangler'}${of}; forventede ${TYPE_LIST}.`;
    case 'ORPHAN_TRANSFER': return `${at}Overførselslinjen for ${issue.proposal} står ikke under et forslag med samme nummer i listen ${list}.`;
    case 'DUPLICATE_CODE': return `${at}Forslagsnummeret ${issue.proposal} forekommer mere end én gang.`;
    case 'MISSING_AMOUNTS': return `${at}Forslag ${issue.proposal} mangler en beløbslinje.`;
    case 'MISSING_TITLE': return `${at}Forslag ${issue.proposal} mangler en titel.`;
    case 'MISSING_SUMMARY': return `${at}Forslag ${issue.proposal} mangler et resumé.`;
    case 'UNEXPECTED_LINE': return `${at}Uventet tekst i listen ${list}: "${issue.text}".`;
    case 'MISSING_TOTALS': return `Listen ${list} mangler linjen "I alt, ${kind}", men forslagene summerer til ${amount(issue.actual)} i ${issue.year}.`;
    case 'FILE_MISMATCH': return `Filen hedder ${issue.list}, men indholdet er ${FORMAT_NAMES[issue.text ?? 'binary']}. Vælg den rigtige fil, eller gem den igen i det format, navnet angiver.`;
    case 'UNKNOWN_FORMAT': return 'Filen er hverken en PDF-fil, et Word-dokument (DOCX), et Excel-regneark (XLSX), en CSV-fil eller en tekstfil.';
    case 'PDF_DAMAGED': return 'PDF-filen er beskadiget og kan ikke læses. Gem eller eksportér dokumentet som PDF igen.';
    case 'PDF_ENCRYPTED': return 'PDF-filen er beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.';
    case 'PDF_UNSAFE': return 'PDF-filen indeholder JavaScript, handlinger eller vedhæftede filer og afvises af sikkerhedshensyn. Gem dokumentet som en almindelig PDF igen.';
    case 'NO_TEXT_LAYER': return `PDF-filen har ingen tekst (den er formentlig scannet), så tabellen kan ikke læses. Brug den oprindelige PDF eller Word-fil. ${TEMPLATE_HINT}`;
    case 'DOCX_DAMAGED': return 'Word-dokumentet er beskadiget og kan ikke læses. Gem det igen som .docx.';
    case 'TOTALS_MISMATCH': return `${at}Summen for ${list}, ${kind} ${issue.year}, er ${amount(issue.actual)}, men dokumentet angiver ${amount(issue.expected)} (forskel ${amount(issue.difference)}).`;
  }
}
