import { z } from 'zod';

export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 100;

/** The search words as typed: at least two characters, so that a stray letter does not match half the texts. */
const searchQuerySchema = z.string().trim().min(SEARCH_QUERY_MIN, 'tooShort').max(SEARCH_QUERY_MAX, 'tooLong');

export type ParsedSearchQuery = { status: 'empty' } | { status: 'tooShort' | 'tooLong' } | { status: 'ok'; query: string };

/** Reads `?q=`; the page shows a message for a query out of bounds instead of failing. */
export function parseSearchQuery(value: string | string[] | undefined): ParsedSearchQuery {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.trim()) return { status: 'empty' };
  const parsed = searchQuerySchema.safeParse(raw);
  if (parsed.success) return { status: 'ok', query: parsed.data };
  return { status: parsed.error.issues[0]?.message === 'tooLong' ? 'tooLong' : 'tooShort' };
}

/** The query for the domain, which checks it again rather than trusting the page. */
export function searchQueryOrThrow(value: string): string {
  return searchQuerySchema.parse(value);
}

// PostgreSQL's ts_headline marks the matched words with these. Its result is the stored text,
// which is never HTML, so it is only ever split on the markers and rendered as text.
export const HIGHLIGHT_START = '<mark>';
export const HIGHLIGHT_STOP = '</mark>';

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * Splits a headline into plain and matched pieces. A start marker without its stop marks the rest
 * as matched; a stray stop marker is dropped. Empty pieces are left out.
 */
export function splitHighlight(headline: string): HighlightSegment[] {
  const [before = '', ...marked] = headline.split(HIGHLIGHT_START);
  const pieces: HighlightSegment[] = [{ text: before.replaceAll(HIGHLIGHT_STOP, ''), match: false }];
  for (const part of marked) {
    const stop = part.indexOf(HIGHLIGHT_STOP);
    if (stop === -1) {
      pieces.push({ text: part, match: true });
    } else {
      pieces.push({ text: part.slice(0, stop), match: true }, { text: part.slice(stop + HIGHLIGHT_STOP.length).replaceAll(HIGHLIGHT_STOP, ''), match: false });
    }
  }
  return pieces.filter((piece) => piece.text !== '');
}

/** Hits per page of search results. */
export const SEARCH_PAGE_SIZE = 25;

export const SEARCH_KINDS = ['proposals', 'responses', 'organisations'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Reads `?kind=`; anything else is every kind. */
export function parseSearchKind(value: string | string[] | undefined): SearchKind | null {
  const raw = Array.isArray(value) ? value[0] : value;
  return SEARCH_KINDS.find((kind) => kind === raw) ?? null;
}

/** Reads `?page=`: a whole number from 1, else 1. */
export function parseSearchPage(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const page = Number(raw);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}
