// Parses the proposal lists of a budget-consultation document from text extracted from its PDF.
// Pure (no I/O, no Node-only imports) so it runs in the browser, a server action or a script alike.
import { formatAmount } from '../format';

export const PROPOSAL_TYPES = ['EFFICIENCY', 'SAVING', 'EXTRA_REVENUE', 'EXTRA_EXPENDITURE'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];
export type ExpenditureKind = 'SERVICE' | 'TRANSFER';

export interface ParsedLine {
  kind: ExpenditureKind;
  type: ProposalType;
  amounts: { year: number; amount: number }[]; // integer thousands DKK
}
export interface ParsedProposal { code: string; committeeCode: string; title: string; summary: string; lines: ParsedLine[] }
export interface YearTotals { kind: ExpenditureKind; year: number; amount: number }
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
  | 'MISSING_TOTALS' | 'TOTALS_MISMATCH';

/** Structured so a UI can render its own translation; `formatIssue` gives the Danish default. */
export interface DocumentIssue {
  code: IssueCode;
  line?: number; // 1-based line in the input
  list?: string; // heading of the list concerned
  proposal?: string; // proposal code, e.g. "ØU04"
  kind?: ExpenditureKind;
  year?: number;
  expected?: number; // printed total, or number of year columns
  actual?: number; // computed total, or number of amounts found
  difference?: number; // actual - expected
  text?: string; // offending text (unknown type, unexpected line, deviating years)
}

export class BudgetDocumentError extends Error {
  readonly issues: DocumentIssue[];
  constructor(issues: DocumentIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'BudgetDocumentError';
    this.issues = issues;
  }
}

const TYPE_BY_NAME: Record<string, ProposalType> = {
  effektivisering: 'EFFICIENCY',
  besparelse: 'SAVING',
  merindtægt: 'EXTRA_REVENUE',
  merudgift: 'EXTRA_EXPENDITURE',
};
const KINDS: ExpenditureKind[] = ['SERVICE', 'TRANSFER'];
const KIND_LABEL: Record<ExpenditureKind, string> = { SERVICE: 'serviceudgifter', TRANSFER: 'overførselsudgifter' };

const HEADER = /^Nr\.?\s+Titel\b(.*)\bType$/u;
const CODE = /^(\p{Lu}+)\d+\p{Ll}?(?=\s|$)/u;
const TRANSFER_MARK = /^\(overførs\p{L}*\)\s*/iu;
// PDFs may extract the minus sign as U+2212 or an en dash.
const AMOUNT = /^[-−–]?(?:\d{1,3}(?:\.\d{3})+|\d+)$/u;
const WORD = /^\p{L}+-?$/u;
// A dash before these words is an elided compound ("Børne- og Ungeområdet"), not a line-break hyphen.
const CONJUNCTIONS = new Set(['og', 'eller', 'samt']);

/** Parses a Danish integer amount: `-1.250` → -1250. Throws RangeError on anything else. */
export function parseDanishAmount(text: string): number {
  const token = text.trim();
  if (!AMOUNT.test(token)) throw new RangeError(`Ugyldigt beløb: "${text}"`);
  return Number(token.replace(/^[−–]/u, '-').replaceAll('.', ''));
}

/** Joins wrapped lines into one paragraph, undoing line-break hyphenation. */
function joinWrapped(parts: string[]): string {
  return parts.reduce((text, part) => {
    if (!part) return text;
    if (!text) return part;
    const end = /([\p{L}\d])-$/u.exec(text);
    if (!end?.[1] || CONJUNCTIONS.has(part.split(' ')[0]?.toLowerCase() ?? '')) return `${text} ${part}`;
    // "va-"+"righed" → "varighed", but "IT-"+"understøttelse" keeps its hyphen.
    return /\p{Ll}/u.test(end[1]) ? text.slice(0, -1) + part : text + part;
  }, '');
}

interface AmountsRow { amounts: number[]; word: string }

/** Leading amounts followed by at most one word (the type, possibly hyphenated onto the next line). */
function readAmountsRow(text: string): AmountsRow | undefined {
  const tokens = text ? text.split(' ') : [];
  const count = tokens.findIndex((t) => !AMOUNT.test(t));
  const n = count < 0 ? tokens.length : count;
  const rest = tokens.slice(n);
  if (n === 0 || rest.length > 1 || (rest[0] !== undefined && !WORD.test(rest[0]))) return undefined;
  return { amounts: tokens.slice(0, n).map(parseDanishAmount), word: rest[0] ?? '' };
}

function isTypeLike(word: string): boolean {
  const stem = word.toLowerCase().replace(/-$/, '');
  return stem.length >= 3 && Object.keys(TYPE_BY_NAME).some((name) => name.startsWith(stem));
}

/** `I alt, <label> <amounts…>`; undefined when the line is ordinary text starting with "I alt". */
function readTotals(text: string): { label: string; amounts: number[] } | undefined {
  const tokens = text.split(' ');
  let i = tokens.length;
  while (i > 0 && AMOUNT.test(tokens[i - 1] ?? '')) i--;
  const label = tokens.slice(0, i).join(' ');
  if (i === tokens.length || !/^I alt\b\D*$/iu.test(label)) return undefined;
  return { label, amounts: tokens.slice(i).map(parseDanishAmount) };
}

interface DraftLine { kind: ExpenditureKind; type?: ProposalType; amounts?: number[] }
interface Draft { code: string; committeeCode: string; line: number; head: string; body: string[]; lines: DraftLine[] }
interface DraftList { heading: string; proposals: Draft[]; printed: Map<ExpenditureKind, { line: number; amounts?: number[] }> }

/*
 * Title vs. summary heuristic. The title column is narrow and the summary column wide, so the trimmed
 * lengths of a proposal's text lines are bimodal; an iterative two-means threshold over the whole
 * document separates title-column lines from summary lines. A title is the code line's text plus the
 * short lines that follow; the first long line starts the summary. A long code line holds both
 * columns: it is split before a capitalised word so that the title part fits the title column (widest
 * title line seen) and the summary part is closest to the typical (median) summary line length.
 */
interface Layout { threshold: number; titleWidth: number; summaryWidth: number }

function twoMeansThreshold(values: number[]): number {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  let t = (Math.min(...values) + Math.max(...values)) / 2;
  for (let i = 0; i < 100; i++) {
    const high = values.filter((v) => v > t);
    if (!high.length) break;
    const next = (mean(values.filter((v) => v <= t)) + mean(high)) / 2;
    if (next === t) break;
    t = next;
  }
  return t;
}

function columns(d: Draft, threshold: number): { title: string[]; summary: string[]; wideHead: boolean } {
  const wideHead = d.head.length > threshold;
  let i = 0;
  if (!wideHead) while (i < d.body.length && (d.body[i]?.length ?? 0) <= threshold) i++;
  return { title: [...(wideHead ? [] : [d.head]), ...d.body.slice(0, i)], summary: d.body.slice(i), wideHead };
}

function measureLayout(drafts: Draft[]): Layout {
  const all = drafts.flatMap((d) => [d.head, ...d.body]).filter(Boolean).map((s) => s.length);
  const threshold = all.length ? twoMeansThreshold(all) : 0;
  const split = drafts.map((d) => columns(d, threshold));
  const titles = split.flatMap((c) => c.title).map((s) => s.length);
  const summaries = split.flatMap((c) => c.summary).map((s) => s.length).filter((n) => n > threshold).sort((a, b) => a - b);
  return {
    threshold,
    titleWidth: titles.length ? Math.max(...titles) : threshold,
    summaryWidth: summaries[Math.floor(summaries.length / 2)] ?? Math.max(0, ...all),
  };
}

function splitHead(head: string, layout: Layout): [string, string] {
  const words = head.split(' ');
  let best: [string, string] = [head, ''];
  let bestScore = Infinity;
  words.forEach((word, i) => {
    if (i === 0 || !/^\p{Lu}/u.test(word)) return;
    const title = words.slice(0, i).join(' ');
    const summary = words.slice(i).join(' ');
    const score = Math.abs(summary.length - layout.summaryWidth) + 2 * Math.max(0, title.length - layout.titleWidth);
    if (score < bestScore) [best, bestScore] = [[title, summary], score];
  });
  return best;
}

function proposalTexts(d: Draft, layout: Layout): { title: string; summary: string } {
  const { title, summary, wideHead } = columns(d, layout.threshold);
  if (wideHead) {
    const [t, s] = splitHead(d.head, layout);
    title.push(t);
    summary.unshift(s);
  }
  return { title: joinWrapped(title), summary: joinWrapped(summary) };
}

export function parseBudgetDocument(text: string): ParsedBudgetDocument {
  const issues: DocumentIssue[] = [];
  const lists: DraftList[] = [];
  const seenCodes = new Set<string>();
  let years: number[] = [];
  let list: DraftList | undefined;
  let open: Draft | undefined; // proposal whose amounts line has not been seen yet
  let awaitingType: { line: number; word: string; target: DraftLine; code: string } | undefined;
  let loose: { line: number; text: string }[] = []; // text outside proposals; the last one may be a list heading

  const closeOpen = () => {
    if (open) issues.push({ code: 'MISSING_AMOUNTS', line: open.line, proposal: open.code, list: list?.heading });
    open = undefined;
  };
  const flushLoose = () => {
    // Stray text inside a list (before its totals) may be a lost proposal row, so it must not vanish silently.
    if (list && !list.printed.size) {
      for (const l of loose) issues.push({ code: 'UNEXPECTED_LINE', line: l.line, list: list.heading, text: l.text });
    }
    loose = [];
  };
  const setType = (pending: NonNullable<typeof awaitingType>, word: string) => {
    const type = TYPE_BY_NAME[word.toLowerCase()];
    if (type) pending.target.type = type;
    else issues.push({ code: 'UNKNOWN_TYPE', line: pending.line, proposal: pending.code, list: list?.heading, text: word });
  };
  const addRow = (lines: DraftLine[], code: string, kind: ExpenditureKind, row: AmountsRow | undefined, line: number) => {
    const target: DraftLine = { kind };
    lines.push(target);
    const count = row?.amounts.length ?? 0;
    if (row && count === years.length) target.amounts = row.amounts;
    else if (years.length) issues.push({ code: 'BAD_AMOUNTS', line, proposal: code, list: list?.heading, expected: years.length, actual: count });
    const pending = { line, word: row?.word ?? '', target, code };
    // A missing or hyphenated type continues on the next non-blank line.
    if (!pending.word || pending.word.endsWith('-')) awaitingType = pending;
    else setType(pending, pending.word);
  };

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+/g, ' ').trim();
    const lineNo = index + 1;
    if (!line) return;

    const header = HEADER.exec(line);
    if (header) {
      const found = (header[1]?.match(/\b\d{4}\b/g) ?? []).map(Number);
      if (!found.length) issues.push({ code: 'NO_YEARS', line: lineNo });
      else if (!years.length) years = found;
      else if (found.join() !== years.join()) issues.push({ code: 'YEARS_MISMATCH', line: lineNo, text: found.join(' ') });
      // The header repeats on every page; only one preceded by free text (the heading) starts a list.
      const heading = loose.pop();
      if (heading || !list) {
        closeOpen();
        flushLoose();
        list = { heading: heading?.text ?? '', proposals: [], printed: new Map() };
        lists.push(list);
      }
      return;
    }

    if (awaitingType) {
      const pending = awaitingType;
      awaitingType = undefined;
      if (/^\p{L}+$/u.test(line)) return setType(pending, joinWrapped([pending.word, line]));
      setType(pending, pending.word);
    }

    if (list) {
      const totals = /^I alt\b/iu.test(line) ? readTotals(line) : undefined;
      if (totals) {
        closeOpen();
        flushLoose();
        const kind = /overførs/iu.test(totals.label) ? 'TRANSFER' : /service/iu.test(totals.label) ? 'SERVICE' : undefined;
        if (!kind || list.printed.has(kind)) {
          issues.push({ code: 'UNEXPECTED_LINE', line: lineNo, list: list.heading, text: line });
          return;
        }
        const ok = totals.amounts.length === years.length;
        if (!ok) issues.push({ code: 'BAD_AMOUNTS', line: lineNo, list: list.heading, expected: years.length, actual: totals.amounts.length });
        list.printed.set(kind, { line: lineNo, amounts: ok ? totals.amounts : undefined });
        return;
      }

      const code = CODE.exec(line);
      if (code) {
        closeOpen();
        flushLoose();
        const rest = line.slice(code[0].length).trim();
        const transfer = TRANSFER_MARK.exec(rest);
        if (transfer) {
          const owner = list.proposals.findLast((p) => p.code === code[0]);
          if (!owner) issues.push({ code: 'ORPHAN_TRANSFER', line: lineNo, proposal: code[0], list: list.heading });
          // Still read an orphan's row so its amounts and type are checked too.
          return addRow(owner?.lines ?? [], code[0], 'TRANSFER', readAmountsRow(rest.slice(transfer[0].length)), lineNo);
        }
        if (seenCodes.has(code[0])) issues.push({ code: 'DUPLICATE_CODE', line: lineNo, proposal: code[0], list: list.heading });
        seenCodes.add(code[0]);
        open = { code: code[0], committeeCode: code[1] ?? '', line: lineNo, head: rest, body: [], lines: [] };
        list.proposals.push(open);
        return;
      }

      if (open) {
        const row = readAmountsRow(line);
        // Guard against summary lines that merely start with a number.
        if (row && (row.amounts.length >= 2 || row.amounts.length === years.length || isTypeLike(row.word))) {
          addRow(open.lines, open.code, 'SERVICE', row, lineNo);
          open = undefined;
        } else open.body.push(line);
        return;
      }
    }
    loose.push({ line: lineNo, text: line });
  });
  if (awaitingType) setType(awaitingType, awaitingType.word);
  closeOpen();
  flushLoose();
  if (!lists.length) issues.push({ code: 'NO_LISTS' });

  const layout = measureLayout(lists.flatMap((l) => l.proposals));
  const parsedLists = lists.map((l, position): ParsedList => {
    const proposals = l.proposals.map((d): ParsedProposal => {
      const { title, summary } = proposalTexts(d, layout);
      if (!title) issues.push({ code: 'MISSING_TITLE', line: d.line, proposal: d.code, list: l.heading });
      if (!summary) issues.push({ code: 'MISSING_SUMMARY', line: d.line, proposal: d.code, list: l.heading });
      const lines = d.lines.flatMap(({ kind, type, amounts }) =>
        type && amounts ? [{ kind, type, amounts: years.map((year, i) => ({ year, amount: amounts[i] ?? 0 })) }] : [],
      );
      return { code: d.code, committeeCode: d.committeeCode, title, summary, lines };
    });

    const printedTotals: YearTotals[] = [];
    const computedTotals: YearTotals[] = [];
    for (const kind of KINDS) {
      const rows = l.proposals.flatMap((p) => p.lines).filter((r) => r.kind === kind);
      const sums = years.map((_, i) => rows.reduce((sum, r) => sum + (r.amounts?.[i] ?? 0), 0));
      const printed = l.printed.get(kind);
      years.forEach((year, i) => {
        computedTotals.push({ kind, year, amount: sums[i] ?? 0 });
        if (printed?.amounts) printedTotals.push({ kind, year, amount: printed.amounts[i] ?? 0 });
      });
      // Comparing after an unreadable row or total would only repeat the issue already reported.
      if (rows.some((r) => !r.amounts) || (printed && !printed.amounts)) continue;
      if (!printed) {
        const i = sums.findIndex((s) => s !== 0);
        if (i >= 0) issues.push({ code: 'MISSING_TOTALS', list: l.heading, kind, year: years[i], actual: sums[i] });
        continue;
      }
      years.forEach((year, i) => {
        const expected = printed.amounts?.[i] ?? 0;
        const actual = sums[i] ?? 0;
        if (actual !== expected) {
          issues.push({ code: 'TOTALS_MISMATCH', line: printed.line, list: l.heading, kind, year, expected, actual, difference: actual - expected });
        }
      });
    }
    return { heading: l.heading, position, incorporated: !/\bikke\b/iu.test(l.heading), proposals, printedTotals, computedTotals };
  });

  if (issues.length) throw new BudgetDocumentError(issues);
  return { years, lists: parsedLists };
}

/** Renders an issue as a Danish sentence. */
export function formatIssue(issue: DocumentIssue): string {
  const at = issue.line ? `Linje ${issue.line}: ` : '';
  const list = `"${issue.list ?? ''}"`;
  const of = issue.proposal ? ` for forslag ${issue.proposal}` : '';
  const kind = issue.kind ? KIND_LABEL[issue.kind] : '';
  const amount = (n: number | undefined) => formatAmount(n ?? 0);
  switch (issue.code) {
    case 'NO_LISTS': return 'Dokumentet indeholder ingen forslagslister (en overskrift efterfulgt af tabelhovedet "Nr. Titel … Type").';
    case 'NO_YEARS': return `${at}Tabelhovedet indeholder ingen årstal.`;
    case 'YEARS_MISMATCH': return `${at}Tabelhovedet har årstallene ${issue.text}, som afviger fra det første tabelhoved.`;
    case 'BAD_AMOUNTS': return `${at}Der står ${issue.actual} beløb${of}, men tabellen har ${issue.expected} år.`;
    case 'UNKNOWN_TYPE': return `${at}${issue.text ? `Ukendt type "${issue.text}"` : 'Typen mangler'}${of}; forventede Effektivisering, Besparelse, Merindtægt eller Merudgift.`;
    case 'ORPHAN_TRANSFER': return `${at}Overførselslinjen for ${issue.proposal} står ikke under et forslag med samme nummer i listen ${list}.`;
    case 'DUPLICATE_CODE': return `${at}Forslagsnummeret ${issue.proposal} forekommer mere end én gang.`;
    case 'MISSING_AMOUNTS': return `${at}Forslag ${issue.proposal} mangler en beløbslinje.`;
    case 'MISSING_TITLE': return `${at}Forslag ${issue.proposal} mangler en titel.`;
    case 'MISSING_SUMMARY': return `${at}Forslag ${issue.proposal} mangler et resumé.`;
    case 'UNEXPECTED_LINE': return `${at}Uventet tekst i listen ${list}: "${issue.text}".`;
    case 'MISSING_TOTALS': return `Listen ${list} mangler linjen "I alt, ${kind}", men forslagene summerer til ${amount(issue.actual)} i ${issue.year}.`;
    case 'TOTALS_MISMATCH': return `${at}Summen for ${list}, ${kind} ${issue.year}, er ${amount(issue.actual)}, men dokumentet angiver ${amount(issue.expected)} (forskel ${amount(issue.difference)}).`;
  }
}
