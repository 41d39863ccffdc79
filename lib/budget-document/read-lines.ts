// The line reader of the document parser: turns the text extracted from the PDF into lists of
// proposals with their rows of amounts and the lists' printed totals, reporting what it cannot read.
import { DANISH_AMOUNT, parseDanishAmount, proposalTypeNamed, TYPE_WORDS, type ExpenditureKind, type ProposalType } from '../budget/vocabulary';
import type { DocumentIssue, Place } from './parse';

export interface ReadProposal { code: string; committeeCode: string; at: Place; title: string; summary: string; lines: DraftLine[] }
export interface ReadList { heading: string; proposals: ReadProposal[]; printed: PrintedTotals }
/** What a reader (this one for text, table.ts for PDF and DOCX) hands on to parse.ts. */
export interface ReadDocument {
  years: number[];
  lists: ReadList[];
  issues: DocumentIssue[];
  /** The layout reader's rows as a person reads them, by place (unread.ts's placeKey), for unread rows. */
  rowTexts?: Map<string, string>;
}

// The title and type headers may be renamed; the summary header ("Resume") may be missing.
const HEADER = /^Nr\.?\s+(?:Titel|Forslag|Overskrift)\b(.*?)(?:\s(?:Type|Art))?$/u;
const CODE = /^(\p{Lu}+)\d+\p{Ll}?(?=\s|$)/u;
const TRANSFER_MARK = /^\(overførs\p{L}*\)\s*/iu;
const WORD = /^\p{L}+-?$/u;
// A dash before these words is an elided compound ("Børne- og Ungeområdet"), not a line-break hyphen.
const CONJUNCTIONS = new Set(['og', 'eller', 'samt']);

/** Joins wrapped lines into one paragraph, undoing line-break hyphenation. */
export function joinWrapped(parts: string[]): string {
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
  const count = tokens.findIndex((t) => !DANISH_AMOUNT.test(t));
  const n = count < 0 ? tokens.length : count;
  const rest = tokens.slice(n);
  if (n === 0 || rest.length > 1 || (rest[0] !== undefined && !WORD.test(rest[0]))) return undefined;
  return { amounts: tokens.slice(0, n).map(parseDanishAmount), word: rest[0] ?? '' };
}

/**
 * A summary's last line sharing the amounts' line ("… om eftermiddagen. -600 -1.440 -1.440 -1.440
 * Besparelse"): text, exactly one amount per year, and a type. The type is required, so that a
 * summary line merely ending in numbers is not taken for amounts.
 */
function readTextAndAmounts(text: string, years: number): { text: string; row: AmountsRow } | undefined {
  const tokens = text.split(' ');
  const word = tokens[tokens.length - 1] ?? '';
  const start = tokens.length - 1 - years;
  if (years < 1 || start < 1 || !isTypeLike(word) || !tokens.slice(start, -1).every((t) => DANISH_AMOUNT.test(t)) || DANISH_AMOUNT.test(tokens[start - 1] ?? '')) return undefined;
  return { text: tokens.slice(0, start).join(' '), row: { amounts: tokens.slice(start, -1).map(parseDanishAmount), word } };
}

function isTypeLike(word: string): boolean {
  const stem = word.toLowerCase().replace(/-$/, '');
  return stem.length >= 3 && TYPE_WORDS.some((name) => name.startsWith(stem));
}

/** `I alt, <label> <amounts…>`; undefined when the line is ordinary text starting with "I alt". */
function readTotals(text: string): { label: string; amounts: number[] } | undefined {
  const tokens = text.split(' ');
  let i = tokens.length;
  while (i > 0 && DANISH_AMOUNT.test(tokens[i - 1] ?? '')) i--;
  const label = tokens.slice(0, i).join(' ');
  if (i === tokens.length || !/^I alt\b\D*$/iu.test(label)) return undefined;
  return { label, amounts: tokens.slice(i).map(parseDanishAmount) };
}

/** A row of amounts as read: its type or amounts are missing when they could not be read (an issue says why). */
export interface DraftLine { kind: ExpenditureKind; type?: ProposalType; amounts?: number[]; at?: Place } // `at`: its row, where a reader tells rows apart
/** `tail` is text that shared the amounts' line: the end of the summary, whatever its length. */
interface Draft { code: string; committeeCode: string; line: number; head: string; body: string[]; tail: string[]; lines: DraftLine[] }
/** The printed "I alt" rows of a list, by kind: the line they stand on, and their amounts when readable. */
export type PrintedTotals = Map<ExpenditureKind, { at: Place; amounts?: number[] }>;
interface DraftList { heading: string; proposals: Draft[]; printed: PrintedTotals }

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
  return { title: joinWrapped(title), summary: joinWrapped([...summary, ...d.tail]) };
}

/**
 * Reads the document line by line: the year columns, each list with its proposals (title and
 * summary separated, rows of amounts with their types) and its printed totals, and every issue met
 * on the way. Checking the totals is left to checkTotals.
 */
export function readLines(text: string): ReadDocument {
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
    const type = proposalTypeNamed(word);
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
        list.printed.set(kind, { at: { line: lineNo }, amounts: ok ? totals.amounts : undefined });
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
        // A whole proposal on one line: title and summary, then its amounts and type.
        const shared = readTextAndAmounts(rest, years.length);
        open = { code: code[0], committeeCode: code[1] ?? '', line: lineNo, head: shared?.text ?? rest, body: [], tail: [], lines: [] };
        list.proposals.push(open);
        if (!shared) return;
        addRow(open.lines, open.code, 'SERVICE', shared.row, lineNo);
        open = undefined;
        return;
      }

      if (open) {
        const row = readAmountsRow(line);
        // Guard against summary lines that merely start with a number.
        const shared = row ? undefined : readTextAndAmounts(line, years.length);
        if (shared) open.tail.push(shared.text);
        if (shared || (row && (row.amounts.length >= 2 || row.amounts.length === years.length || isTypeLike(row.word)))) {
          addRow(open.lines, open.code, 'SERVICE', shared?.row ?? row, lineNo);
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
  return {
    years,
    issues,
    lists: lists.map((l) => ({ heading: l.heading, printed: l.printed, proposals: l.proposals.map((d) => ({ code: d.code, committeeCode: d.committeeCode, at: { line: d.line }, ...proposalTexts(d, layout), lines: d.lines })) })),
  };
}
