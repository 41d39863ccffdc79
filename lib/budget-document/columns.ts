// The columns of the budget table, found from its header row: where the code, title, summary,
// year and type columns lie, so that each fragment of text can be assigned to one by its position.
// Headers may be renamed or missing (a list without "Resume"); years come from the header only.
import type { Fragment, SourceLine } from './table';

export type Column = 'code' | 'title' | 'summary' | 'type' | number; // a number is the year column's index

interface Box { x0: number; x1: number }
export interface Columns { years: number[]; yearBoxes: Box[]; titleLeft: number; summaryLeft: number; yearsLeft: number; typeLeft: number }

// Any four digits, as the text reader takes them: the header is known by consecutive years with text to their left.
const YEAR = /^[1-9]\d{3}$/u;
const NAMES: [Exclude<Column, number | 'type'>, RegExp][] = [
  ['code', /^(?:nr\.?|nummer|kode|id)$/iu],
  ['title', /^(?:titel|overskrift|forslag|navn|emne)$/iu],
  ['summary', /^(?:resum[eé]|beskrivelse|indhold|tekst|uddybning)$/iu],
];
// Fragments closer than this (in points) belong to the same column edge.
const SLACK = 1.5;

/** The header's parts when the line is a table header: consecutive years, with text to their left. */
export function headerOf(line: SourceLine): { years: number[]; yearBoxes: Box[]; left: Fragment[]; right: Fragment[] } | undefined {
  const yearFragments = line.fragments.filter((f) => YEAR.test(f.text));
  if (!yearFragments.length) return undefined;
  const years = yearFragments.map((f) => Number(f.text));
  if (years.some((year, i) => i > 0 && year !== years[i - 1]! + 1)) return undefined;
  const first = yearFragments[0]!;
  const last = yearFragments[yearFragments.length - 1]!;
  const others = line.fragments.filter((f) => !yearFragments.includes(f));
  const left = others.filter((f) => f.x1 <= first.x0 + SLACK);
  const right = others.filter((f) => f.x0 >= last.x1 - SLACK);
  // Any other fragment (text between the years, or no text before them) means this is not a header.
  if (!left.length || left.length + right.length !== others.length || !left.every((f) => /\p{L}/u.test(f.text))) return undefined;
  return { years, yearBoxes: yearFragments.map(({ x0, x1 }) => ({ x0, x1 })), left, right };
}

/** The most common left edge of text fragments between two positions: a column's left margin. */
function commonLeftEdge(lines: SourceLine[], from: number, to: number): number | undefined {
  const counts = new Map<number, number>();
  for (const f of lines.flatMap((l) => l.fragments)) {
    if (f.x0 > from && f.x0 < to) counts.set(Math.round(f.x0), (counts.get(Math.round(f.x0)) ?? 0) + 1);
  }
  const [edge, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  return count !== undefined && count >= 2 ? edge : undefined;
}

/**
 * The columns of a header line. Named headers are recognised by their words, unnamed ones take
 * the remaining roles in order (number, title, summary); a missing summary header is found from
 * the rows below it (`body`), as the left edge most of their text lines share.
 */
export function columnsOf(header: NonNullable<ReturnType<typeof headerOf>>, body: SourceLine[]): Columns {
  const { years, yearBoxes, left, right } = header;
  const roles = new Map<string, Fragment>();
  const unnamed = left.filter((f) => {
    const role = NAMES.find(([, pattern]) => pattern.test(f.text.trim()))?.[0];
    if (!role || roles.has(role)) return true;
    roles.set(role, f);
    return false;
  });
  for (const [role] of NAMES) if (!roles.has(role) && unnamed.length) roles.set(role, unnamed.shift()!);
  const centre = (b: Box) => (b.x0 + b.x1) / 2;
  const pitch = years.length > 1 ? (centre(yearBoxes[yearBoxes.length - 1]!) - centre(yearBoxes[0]!)) / (years.length - 1) : 2.5 * (yearBoxes[0]!.x1 - yearBoxes[0]!.x0);
  const yearsLeft = centre(yearBoxes[0]!) - pitch / 2;
  const lastYear = centre(yearBoxes[yearBoxes.length - 1]!) + pitch / 2;
  // A centred header word lies right of its column's edge: the edge is where the text below starts.
  const edge = (role: 'title' | 'summary', after: Fragment | undefined) => {
    const header = roles.get(role);
    return header && (commonLeftEdge(body, after ? after.x1 : -Infinity, header.x0 + SLACK) ?? header.x0);
  };
  const codeLeft = roles.get('code')?.x0 ?? -Infinity;
  const titleLeft = edge('title', roles.get('code')) ?? codeLeft;
  const summaryLeft = edge('summary', roles.get('title')) ?? commonLeftEdge(body, titleLeft + 2 * SLACK, yearsLeft) ?? yearsLeft;
  const typeLeft = right[0] ? Math.min(right[0].x0, lastYear) : lastYear;
  return { years, yearBoxes, titleLeft: titleLeft - SLACK, summaryLeft: summaryLeft - SLACK, yearsLeft, typeLeft: typeLeft - SLACK };
}

/** The column a fragment stands in: text columns by left edge, year columns by the nearest header. */
export function columnOf(columns: Columns, f: Fragment): Column {
  if (f.x0 >= columns.typeLeft) return 'type';
  const centre = (f.x0 + f.x1) / 2;
  if (centre >= columns.yearsLeft) {
    // Nearest by whichever edge or centre fits best: amounts may be aligned left, right or centred.
    const distance = (b: Box) => Math.min(Math.abs(f.x0 - b.x0), Math.abs(f.x1 - b.x1), Math.abs(centre - (b.x0 + b.x1) / 2));
    return columns.yearBoxes.reduce((best, b, i) => (distance(b) < distance(columns.yearBoxes[best]!) ? i : best), 0);
  }
  if (f.x0 < columns.titleLeft) return 'code';
  return f.x0 < columns.summaryLeft ? 'title' : 'summary';
}
