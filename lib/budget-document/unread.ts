// The rows a reader could not read, for staff to correct in the import's preview: one piece of
// logic for text (parse.ts) and layout (table.ts) alike. A reader says which issues belong to a
// proposal's rows and what those rows say; this module leaves the proposals out of the document,
// sums the lists again without them and gives each row its place and raw text. Pure.
import { computedTotals } from '../budget-spreadsheet/sheet';
import type { DocumentIssue, IssueCode, ParsedBudgetDocument, Place } from './parse';
import type { ReadDocument, ReadList, ReadProposal } from './read-lines';

/**
 * A row the parser could not read: a proposal with an unreadable title, type or amounts (left out
 * of the document), or stray text inside a list. `key` names it (from its place) for corrections.
 */
export interface UnreadRow {
  key: string;
  at: Place; // a line of text, or a page (PDF) or table (DOCX) and row
  list: string; // heading of the list it stands in
  listPosition: number;
  code?: string; // the proposal's code, when it was read
  text: string; // the row's raw text, its lines joined by newlines
  issues: IssueCode[];
}

/** A reading that does not throw: the document without its unread rows, those rows, and every issue. */
export interface BudgetReading { document: ParsedBudgetDocument; unread: UnreadRow[]; issues: DocumentIssue[] }

// Problems of one row; the others (years, totals, no lists) concern the whole document or list.
const ROW_ISSUES = new Set<IssueCode>(['BAD_AMOUNTS', 'UNKNOWN_TYPE', 'ORPHAN_TRANSFER', 'DUPLICATE_CODE', 'MISSING_AMOUNTS', 'MISSING_TITLE', 'MISSING_SUMMARY', 'UNEXPECTED_LINE']);

/** Whether an issue concerns one row, which staff can correct in the preview, rather than the document or a list's totals. */
export const isRowIssue = (issue: DocumentIssue): boolean => ROW_ISSUES.has(issue.code) && Boolean((issue.line || issue.row) && issue.list !== undefined);

/** A place as a key: "line-12", "page-2-row-3", "table-1-row-4". */
export function placeKey({ line, page, table, row }: Place): string {
  return line ? `line-${line}` : `${page ? `page-${page}` : `table-${table}`}-row-${row}`;
}

const placeOrder = (a: Place, b: Place) => (a.line ?? 0) - (b.line ?? 0) || (a.page ?? a.table ?? 0) - (b.page ?? b.table ?? 0) || (a.row ?? 0) - (b.row ?? 0);

interface Found { at: Place; text: string; issues: DocumentIssue[] }
/** How a reader's rows are told apart: those of a proposal, and the rest grouped into rows. */
export interface RowSource {
  /** The issues of a proposal's rows among the list's row issues, and their raw text; undefined when it has none. */
  proposal(proposal: ReadProposal, issues: DocumentIssue[], list: ReadList): Omit<Found, 'at'> | undefined;
  /** Issues of no proposal (stray text, an orphan transfer row), grouped into rows. */
  stray(issues: DocumentIssue[]): Found[];
}

/** The reading of what a reader found and parse.ts checked, its unreadable rows taken out. */
export function withUnreadRows(read: ReadDocument, { document, issues }: { document: ParsedBudgetDocument; issues: DocumentIssue[] }, rows: RowSource): BudgetReading {
  const unread: UnreadRow[] = [];
  document.lists.forEach((list, position) => {
    const readList = read.lists[position]!;
    const rowIssues = issues.filter((issue) => isRowIssue(issue) && issue.list === list.heading);
    const row = ({ at, text, issues: own }: Found, code?: string): UnreadRow => ({ key: placeKey(at), at, list: list.heading, listPosition: position, code, text, issues: own.map((i) => i.code) });
    const attached = new Set<DocumentIssue>();
    const unreadProposals = new Set<number>();
    readList.proposals.forEach((proposal, index) => {
      const found = rows.proposal(proposal, rowIssues, readList);
      if (!found) return;
      found.issues.forEach((issue) => attached.add(issue));
      unreadProposals.add(index);
      unread.push(row({ at: proposal.at, ...found }, proposal.code));
    });
    for (const found of rows.stray(rowIssues.filter((i) => !attached.has(i)))) unread.push(row(found, found.issues[0]!.proposal));
    if (!unreadProposals.size) return;
    // Summed again without them, as the preview's totals check sums what will be imported.
    list.proposals = list.proposals.filter((_, index) => !unreadProposals.has(index));
    list.computedTotals = computedTotals(list.proposals, document.years);
  });
  return { document, unread: unread.sort((a, b) => placeOrder(a.at, b.at)), issues };
}

/** The layout reader's rows: a proposal is its code's row and its transfer rows; stray text a row of its own. */
export function layoutRows(texts: Map<string, string>): RowSource {
  return {
    proposal(proposal, issues) {
      const keys = [...new Set([proposal.at, ...proposal.lines.flatMap((l) => (l.at ? [l.at] : []))].map(placeKey))];
      const own = issues.filter((issue) => issue.proposal === proposal.code && keys.includes(placeKey(issue)));
      return own.length ? { issues: own, text: keys.map((k) => texts.get(k) ?? '').join('\n') } : undefined;
    },
    stray(issues) {
      const byRow = new Map<string, Found>();
      for (const issue of issues) {
        const key = placeKey(issue);
        const found = byRow.get(key) ?? { at: { page: issue.page, table: issue.table, row: issue.row }, text: texts.get(key) ?? '', issues: [] };
        found.issues.push(issue);
        byRow.set(key, found);
      }
      return [...byRow.values()];
    },
  };
}

// A line starting with a proposal code, as the line reader recognises one, and whether it is a transfer row.
const CODE_LINE = /^(\p{Lu}+\d+\p{Ll}?)(?=\s|$)\s*(\([Oo]verførs)?/u;

function rawText(lines: string[], from: number, to: number): string {
  return lines.slice(from - 1, to).map((line) => line.trimEnd()).join('\n').trim();
}

/** The line reader's rows: a proposal runs to the next line of another proposal, a stray line or the totals. */
export function textRows(text: string): RowSource {
  const raw = text.split(/\r?\n/);
  const codeLines = raw.flatMap((line, i) => {
    const code = CODE_LINE.exec(line.trim());
    return code ? [{ line: i + 1, code: code[1]!, transfer: Boolean(code[2]) }] : [];
  });
  return {
    proposal(proposal, issues, list) {
      const start = proposal.at.line!;
      const stray = issues.filter((i) => i.code === 'UNEXPECTED_LINE').map((i) => i.line!);
      // Its own transfer row belongs to it.
      const ends = [...codeLines.filter((c) => c.code !== proposal.code || !c.transfer).map((c) => c.line), ...[...list.printed.values()].flatMap((p) => (p.at.line ? [p.at.line] : [])), ...stray, raw.length + 1];
      const end = Math.min(...ends.filter((line) => line > start)) - 1;
      const own = issues.filter((issue) => issue.proposal === proposal.code && issue.line! >= start && issue.line! <= end);
      return own.length ? { issues: own, text: rawText(raw, start, end) } : undefined;
    },
    stray(issues) {
      // Stray lines (a proposal whose code line was not recognised, say) make one row while only blank lines part them.
      const rows: (Found & { to: number })[] = [];
      for (const issue of issues) {
        const line = issue.line!;
        const last = rows.at(-1);
        if (last && raw.slice(last.to, line - 1).every((l) => !l.trim())) {
          Object.assign(last, { text: rawText(raw, last.at.line!, line), to: line });
          last.issues.push(issue);
        } else rows.push({ at: { line }, text: rawText(raw, line, line), issues: [issue], to: line });
      }
      return rows.map(({ at, text, issues: own }) => ({ at, text, issues: own }));
    },
  };
}
