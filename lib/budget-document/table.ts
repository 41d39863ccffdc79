// The layout reader shared by PDF and DOCX: a format reader turns its file into lines of
// positioned text fragments (the common table model); this module finds the table headers,
// assigns fragments to columns by x-position and to rows by the code at the row's start, and
// hands the lists on as the text reader does (ReadDocument), so that parse.ts checks both alike.
import { DANISH_AMOUNT, parseDanishAmount, proposalTypeNamed, type ExpenditureKind } from '../budget/vocabulary';
import { columnOf, columnsOf, headerOf, type Column, type Columns } from './columns';
import type { DocumentIssue, Place } from './parse';
import { placeKey } from './unread';
import { joinWrapped, type DraftLine, type ReadDocument, type ReadList, type ReadProposal } from './read-lines';

/** A run of text on one line, with its horizontal extent (points for PDF; any unit growing rightwards). */
export interface Fragment { x0: number; x1: number; text: string }
/** A visual line: its page (PDF) or table (DOCX), and its vertical position (growing downwards). */
export interface SourceLine { page: number; y: number; fragments: Fragment[] }
/** `page` for PDF, `table` for DOCX, where each table is numbered instead of each page. */
export type Unit = 'page' | 'table';

const CODE = /^(\p{Lu}+)\d+\p{Ll}?$/u;
const TOTALS = /^I alt\b/iu;
const TRANSFER_MARK = /^\(overførs\p{L}*\)/iu;

interface Row { at: Place; code: string; cells: Map<Column, string[]> }

/**
 * The lines in a page's margins: above its table header, and those set off from the body by a gap
 * of at least twice the usual line spacing among its first and last three lines.
 */
function marginLines(page: SourceLine[]): SourceLine[] {
  const ys = page.map((l) => l.y).sort((a, b) => a - b);
  const gaps = ys.slice(1).map((y, i) => y - ys[i]!);
  const wide = 2 * ([...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0);
  const top = gaps.slice(0, 3).findIndex((g) => g >= wide);
  const bottom = gaps.slice(-3).findLastIndex((g) => g >= wide);
  const topEnd = top < 0 ? -Infinity : ys[top]!;
  const bottomStart = bottom < 0 ? Infinity : ys[Math.max(0, gaps.length - 3) + bottom + 1]!;
  const headerY = Math.min(...page.filter((l) => headerOf(l)).map((l) => l.y));
  return page.filter((l) => !headerOf(l) && (l.y < headerY || l.y <= topEnd || l.y >= bottomStart));
}

/**
 * Page furniture (letterhead, document and page numbers): margin text repeated at the same height
 * on another page, numbers aside. Codes keep their digits, so a proposal row is not taken for it.
 */
function furniture(lines: SourceLine[]): Set<SourceLine> {
  const key = (l: SourceLine) => `${Math.round(l.y / 3)}|${l.fragments.map((f) => f.text).join(' ').replace(/\b\d+\b/gu, '#')}`;
  const margins = [...new Set(lines.map((l) => l.page))].flatMap((page) => marginLines(lines.filter((l) => l.page === page)));
  const pages = new Map<string, Set<number>>();
  for (const l of margins) pages.set(key(l), (pages.get(key(l)) ?? new Set()).add(l.page));
  return new Set(margins.filter((l) => (pages.get(key(l))?.size ?? 0) > 1));
}

/** A cell's lines joined: fragments of one line with a space unless they touch, lines undoing hyphenation. */
function cellText(lines: string[] | undefined): string {
  return joinWrapped((lines ?? []).map((l) => l.trim()).filter(Boolean));
}

function lineCells(columns: Columns, line: SourceLine): Map<Column, string> {
  const cells = new Map<Column, { text: string; x1: number }>();
  for (const f of line.fragments) {
    const column = columnOf(columns, f);
    const previous = cells.get(column);
    // Touching fragments are one word split by the producer ("E" + "ff" + "ektivise").
    const text = !previous ? f.text : f.x0 - previous.x1 < 0.5 ? previous.text + f.text : `${previous.text} ${f.text}`;
    cells.set(column, { text, x1: f.x1 });
  }
  return new Map([...cells].map(([column, { text }]) => [column, text]));
}

/** Reads the lines of a PDF or DOCX into lists; every problem becomes an issue naming page (or table) and row. */
export function readTable(source: SourceLine[], unit: Unit): ReadDocument {
  const issues: DocumentIssue[] = [];
  const lists: ReadList[] = [];
  const seenCodes = new Set<string>();
  const skip = furniture(source);
  const lines = source.filter((l) => !skip.has(l));
  let years: number[] = [];
  let columns: Columns | undefined;
  let list: ReadList | undefined;
  let row: Row | undefined;
  let rowNo = 0;
  let loose: { at: Place; text: string }[] = []; // text outside rows; the last before a header is a list's heading
  let stray = false; // whether the last line was text outside rows, which a following one joins as one row
  const rowTexts = new Map<string, string>();
  const addText = (at: Place, text: string) => rowTexts.set(placeKey(at), [rowTexts.get(placeKey(at)), text].filter(Boolean).join('\n'));

  const place = (page: number): Place => ({ [unit]: page, row: rowNo });
  const flushLoose = () => {
    // Stray text inside a list (before its totals) may be a lost proposal row, so it must not vanish silently.
    if (list && !list.printed.size) for (const l of loose) issues.push({ code: 'UNEXPECTED_LINE', ...l.at, list: list.heading, text: l.text });
    loose = [];
  };
  const closeRow = () => {
    if (row && list) finishRow(row, list);
    row = undefined;
  };
  const finishRow = (r: Row, l: ReadList) => {
    const text = (c: Column) => cellText(r.cells.get(c));
    const readAmounts = years.map((_, i) => (r.cells.get(i) ?? []).join(' ').trim());
    const amounts = readAmounts.filter((a) => DANISH_AMOUNT.test(a)).map(parseDanishAmount);
    const ok = amounts.length === years.length;
    addText(r.at, [r.code, text('title'), text('summary'), ...readAmounts, text('type')].filter(Boolean).join(' '));
    if (TOTALS.test(r.code)) {
      const kind: ExpenditureKind | undefined = /overførs/iu.test(r.code) ? 'TRANSFER' : /service/iu.test(r.code) ? 'SERVICE' : undefined;
      if (!kind || l.printed.has(kind)) return issues.push({ code: 'UNEXPECTED_LINE', ...r.at, list: l.heading, text: r.code });
      if (!ok) issues.push({ code: 'BAD_AMOUNTS', ...r.at, list: l.heading, expected: years.length, actual: amounts.length });
      return l.printed.set(kind, { at: r.at, amounts: ok ? amounts : undefined });
    }
    const title = text('title');
    const transfer = TRANSFER_MARK.test(title);
    const draft: DraftLine = { kind: transfer ? 'TRANSFER' : 'SERVICE', amounts: ok ? amounts : undefined, at: r.at };
    if (!ok) issues.push({ code: amounts.length || r.cells.has('type') ? 'BAD_AMOUNTS' : 'MISSING_AMOUNTS', ...r.at, proposal: r.code, list: l.heading, expected: years.length, actual: amounts.length });
    const typeText = text('type');
    draft.type = proposalTypeNamed(typeText);
    if (!draft.type && (ok || typeText)) issues.push({ code: 'UNKNOWN_TYPE', ...r.at, proposal: r.code, list: l.heading, text: typeText });
    if (transfer) {
      const owner = l.proposals.findLast((p) => p.code === r.code);
      if (!owner) issues.push({ code: 'ORPHAN_TRANSFER', ...r.at, proposal: r.code, list: l.heading });
      return owner?.lines.push(draft);
    }
    if (seenCodes.has(r.code)) issues.push({ code: 'DUPLICATE_CODE', ...r.at, proposal: r.code, list: l.heading });
    seenCodes.add(r.code);
    const proposal: ReadProposal = { code: r.code, committeeCode: CODE.exec(r.code)?.[1] ?? '', at: r.at, title, summary: text('summary'), lines: [draft] };
    l.proposals.push(proposal);
  };

  lines.forEach((line, index) => {
    const header = headerOf(line);
    if (header) {
      if (!years.length) years = header.years;
      else if (header.years.join() !== years.join()) issues.push({ code: 'YEARS_MISMATCH', [unit]: line.page, text: header.years.join(' ') });
      const next = lines.slice(index + 1);
      const end = next.findIndex((l) => headerOf(l));
      columns = columnsOf(header, end < 0 ? next : next.slice(0, end));
      rowNo = 0;
      stray = false;
      // The header repeats on every page; one preceded by free text (the list's heading) starts a list.
      const heading = loose.pop();
      if (heading !== undefined || !list) {
        closeRow();
        flushLoose();
        list = { heading: heading?.text ?? '', proposals: [], printed: new Map() };
        lists.push(list);
      }
      loose = [];
      return;
    }
    const text = line.fragments.map((f) => f.text).join(' ').replace(/\s+/gu, ' ').trim();
    if (!columns || !list) return void loose.push({ at: { [unit]: line.page }, text });
    const cells = lineCells(columns, line);
    const first = cells.get('code');
    // "I alt" may span the first columns or stand in the title column alone.
    const label = first ?? cells.get('title');
    const totals = label && TOTALS.test(label) ? label : undefined;
    if (totals || (first && CODE.test(first))) {
      closeRow();
      flushLoose();
      rowNo++;
      stray = false;
      row = { at: place(line.page), code: totals ?? first!, cells: new Map() };
      if (totals) for (const [column, t] of cells) if (typeof column === 'number') row.cells.set(column, [t]);
      if (totals) return;
      cells.delete('code');
    } else if (first !== undefined || !row) {
      // Text starting in the code column that is no code ends the table: a heading, or text after it,
      // or a row whose code is misread; it counts as a row, joined by the lines that follow it.
      closeRow();
      if (!stray) rowNo++;
      stray = true;
      const at = place(line.page);
      addText(at, text);
      return void loose.push({ at, text });
    }
    for (const [column, t] of cells) row!.cells.set(column, [...(row!.cells.get(column) ?? []), t]);
  });
  closeRow();
  flushLoose();
  if (!lists.length) issues.push({ code: 'NO_LISTS' });
  return { years, lists, issues, rowTexts };
}
