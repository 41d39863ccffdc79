import { describe, expect, it } from 'vitest';
import { parseSearchKind, parseSearchPage, parseSearchQuery, SEARCH_QUERY_MAX, searchQueryOrThrow, splitHighlight } from './search';

describe('splitHighlight', () => {
  it('splits a headline into plain and matched pieces', () => {
    expect(splitHighlight('Det rammer <mark>plejehjemmet</mark> hårdt … og <mark>plejehjemmene</mark>')).toEqual([
      { text: 'Det rammer ', match: false },
      { text: 'plejehjemmet', match: true },
      { text: ' hårdt … og ', match: false },
      { text: 'plejehjemmene', match: true },
    ]);
  });

  it('returns text without markers as one plain piece, and nothing for an empty headline', () => {
    expect(splitHighlight('Ingen træffere her')).toEqual([{ text: 'Ingen træffere her', match: false }]);
    expect(splitHighlight('')).toEqual([]);
  });

  it('keeps other markup as text, to be escaped when rendered', () => {
    expect(splitHighlight('<script>alert(1)</script> <mark><b>ord</b></mark>')).toEqual([
      { text: '<script>alert(1)</script> ', match: false },
      { text: '<b>ord</b>', match: true },
    ]);
  });

  it('tolerates unbalanced markers', () => {
    expect(splitHighlight('a</mark> b <mark>c')).toEqual([
      { text: 'a b ', match: false },
      { text: 'c', match: true },
    ]);
  });
});

describe('parseSearchQuery', () => {
  it('trims the query and takes the first of repeated parameters', () => {
    expect(parseSearchQuery('  plejehjem ')).toEqual({ status: 'ok', query: 'plejehjem' });
    expect(parseSearchQuery(['skole', 'vej'])).toEqual({ status: 'ok', query: 'skole' });
  });

  it('tells an empty, a too short and a too long query apart', () => {
    expect(parseSearchQuery(undefined)).toEqual({ status: 'empty' });
    expect(parseSearchQuery('   ')).toEqual({ status: 'empty' });
    expect(parseSearchQuery(' a ')).toEqual({ status: 'tooShort' });
    expect(parseSearchQuery('x'.repeat(SEARCH_QUERY_MAX + 1))).toEqual({ status: 'tooLong' });
    expect(parseSearchQuery('x'.repeat(SEARCH_QUERY_MAX))).toMatchObject({ status: 'ok' });
  });

  it('is enforced again for the domain', () => {
    expect(() => searchQueryOrThrow('x'.repeat(SEARCH_QUERY_MAX + 1))).toThrow();
    expect(searchQueryOrThrow(' ok ')).toBe('ok');
  });
});

describe('parseSearchKind and parseSearchPage', () => {
  it('take a known kind and a whole page number from 1, and fall back to every kind and the first page', () => {
    expect(['responses', 'organisations', 'nonsense', undefined, ['proposals', 'responses']].map(parseSearchKind)).toEqual(['responses', 'organisations', null, null, 'proposals']);
    expect(['2', '1', '0', '-3', '1.5', 'x', undefined, ['4', '5']].map(parseSearchPage)).toEqual([2, 1, 1, 1, 1, 1, 1, 4]);
  });
});
