import 'server-only';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from '@/lib/search';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';

// The SQL of search.ts. A text matches when every search word is found in it, either as a word
// beginning after Danish stemming ("plejehjem" finds "plejehjemmet", "skole" finds "skolegang")
// or anywhere inside a word, so that compounds are found by their parts ("skole" finds
// "privatskoler"). The stemmed full-text rank orders the hits, with pg_trgm's word similarity
// to the whole query as a tie-breaker that favours close and whole-word matches.

const EXCERPT = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=15, MinWords=5, ShortWord=0, FragmentDelimiter=" … "`;
const WHOLE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

/** The words of a query, lower-cased, with LIKE's wildcards escaped for the substring match. */
export function searchWords(query: string): { words: string[]; patterns: string[] } {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  return { words, patterns: words.map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`)) };
}

/** "ISU 20", "isu-20" and "ISU20" are the same proposal code. */
export function normalisedCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export interface Paging {
  limit: number;
  offset: number;
}

/**
 * A text as one quoted term of tsquery's syntax (backslashes and quotes doubled). Not
 * quote_literal: for a text with a backslash it gives SQL's E'...' form, which to_tsquery rejects.
 */
function tsTerm(text: Prisma.Sql) {
  return Prisma.sql`('''' || replace(replace(${text}, '\\', '\\\\'), '''', '''''') || '''')`;
}

/**
 * The query's words without Danish stop words ("og", "i"), which would otherwise match inside
 * almost every text, and the stemmed prefix query of them all, for rank and headline.
 */
function wordsCte(query: string) {
  const { words, patterns } = searchWords(query);
  return Prisma.sql`
    words AS (
      SELECT w.word, w.pattern, to_tsquery('danish', ${tsTerm(Prisma.sql`w.word`)} || ':*') AS prefix
      FROM unnest(${words}::text[], ${patterns}::text[]) AS w(word, pattern)
      WHERE to_tsvector('danish', w.word) <> ''::tsvector
    ),
    q AS (
      SELECT to_tsquery('danish', string_agg(${tsTerm(Prisma.sql`word`)} || ':*', ' & ')) AS query,
             to_tsquery('danish', string_agg(${tsTerm(Prisma.sql`word`)} || ':*', ' | ')) AS any_word,
             (SELECT count(*) FROM words) AS n
      FROM words
    )`;
}

/** Every word of the query is in the document as a stemmed prefix, or in one of `texts` as a substring. */
function allWordsIn(document: Prisma.Sql, texts: Prisma.Sql[]) {
  const inside = Prisma.join(texts.map((text) => Prisma.sql`lower(${text}) LIKE '%' || w.pattern || '%'`), ' OR ');
  return Prisma.sql`(q.n > 0 AND NOT EXISTS (
    SELECT 1 FROM words w
    WHERE NOT (${document} @@ w.prefix OR ${inside})
  ))`;
}

/** The headline marks the stemmed prefixes and the whole words the search words are inside of. */
function headline(body: Prisma.Sql, options: string) {
  return Prisma.sql`coalesce(ts_headline('danish', ${body}, (
    SELECT to_tsquery('danish', string_agg(term, ' | '))
    FROM (
      SELECT ${tsTerm(Prisma.sql`w.word`)} || ':*' AS term FROM words w
      UNION
      SELECT ${tsTerm(Prisma.sql`t.token`)} FROM unnest(tsvector_to_array(to_tsvector('simple', ${body}))) AS t(token), words w
      WHERE t.token LIKE '%' || w.pattern || '%'
    ) terms
  ), ${options}), ${body})`;
}

type Counted<T> = T & { total: bigint };

/** Rows of the page and the count of all matches: the count row comes even when the page is empty. */
function paged<T extends object>(rows: Counted<Partial<T>>[], key: keyof T): { total: number; rows: T[] } {
  return { total: Number(rows[0]?.total ?? 0), rows: rows.filter((row) => row[key] !== null) as unknown as T[] };
}

export async function matchProposals(query: string, budgetId: string, { limit, offset }: Paging) {
  const code = normalisedCode(query);
  const rows = await db.$queryRaw<Counted<Partial<{ id: string; code: string; title: string; excerpt: string }>>[]>`
    WITH ${wordsCte(query)},
    matched AS (
      SELECT p.id, p.code, p.title, p.summary,
             CASE WHEN c.code = ${code} THEN 2 WHEN length(${code}) >= 3 AND c.code LIKE ${code} || '%' THEN 1 ELSE 0 END AS code_rank,
             coalesce(ts_rank(d.document, q.any_word), 0) + word_similarity(${query}, p.title || ' ' || p.summary) AS rank
      FROM "Proposal" p
      CROSS JOIN q
      CROSS JOIN LATERAL (SELECT regexp_replace(upper(p.code), '[^A-Z0-9]', '', 'g') AS code) c
      CROSS JOIN LATERAL (SELECT setweight(to_tsvector('danish', p.title), 'A') || setweight(to_tsvector('danish', p.summary), 'B') AS document) d
      WHERE p."budgetId" = ${budgetId}
        AND (c.code = ${code} OR (length(${code}) >= 3 AND c.code LIKE ${code} || '%') OR ${allWordsIn(Prisma.sql`d.document`, [Prisma.sql`p.title`, Prisma.sql`p.summary`])})
    ),
    total AS (SELECT count(*) AS total FROM matched)
    SELECT total.total, page.id, page.code,
           ${headline(Prisma.sql`page.title`, WHOLE)} AS title,
           ${headline(Prisma.sql`page.summary`, EXCERPT)} AS excerpt
    FROM total
    LEFT JOIN LATERAL (SELECT * FROM matched ORDER BY code_rank DESC, rank DESC, code LIMIT ${limit} OFFSET ${offset}) page ON true
    ORDER BY page.code_rank DESC, page.rank DESC, page.code`;
  return paged<{ id: string; code: string; title: string; excerpt: string }>(rows, 'id');
}

/**
 * Matches the given texts (each with its organisation's name, which matches too) in PostgreSQL;
 * returns the page of the best, by 0-based position.
 */
export async function matchTexts(query: string, texts: { body: string; organisation: string }[], { limit, offset }: Paging) {
  const rows = await db.$queryRaw<Counted<Partial<{ i: bigint; excerpt: string }>>[]>`
    WITH ${wordsCte(query)},
    matched AS (
      SELECT t.i, t.body, ts_rank(d.document, q.any_word) + word_similarity(${query}, t.body) AS rank
      FROM unnest(${texts.map((t) => t.body)}::text[], ${texts.map((t) => t.organisation)}::text[]) WITH ORDINALITY AS t(body, organisation, i)
      CROSS JOIN q
      CROSS JOIN LATERAL (SELECT to_tsvector('danish', t.body) || to_tsvector('danish', t.organisation) AS document) d
      WHERE ${allWordsIn(Prisma.sql`d.document`, [Prisma.sql`t.body`, Prisma.sql`t.organisation`])}
    ),
    total AS (SELECT count(*) AS total FROM matched)
    SELECT total.total, page.i, ${headline(Prisma.sql`page.body`, EXCERPT)} AS excerpt
    FROM total
    LEFT JOIN LATERAL (SELECT * FROM matched ORDER BY rank DESC, i LIMIT ${limit} OFFSET ${offset}) page ON true
    ORDER BY page.rank DESC, page.i`;
  const { total, rows: hits } = paged<{ i: bigint; excerpt: string }>(rows, 'i');
  return { total, hits: hits.map((row) => ({ index: Number(row.i) - 1, excerpt: row.excerpt })) };
}

/** Matches organisation names, also when misspelt (pg_trgm's `<%`); returns the page, by 0-based position. */
export async function matchNames(query: string, names: string[], { limit, offset }: Paging) {
  const rows = await db.$queryRaw<Counted<Partial<{ i: bigint; name: string }>>[]>`
    WITH ${wordsCte(query)},
    matched AS (
      SELECT t.i, t.name, word_similarity(${query}, t.name) AS rank
      FROM unnest(${names}::text[]) WITH ORDINALITY AS t(name, i)
      CROSS JOIN q
      WHERE q.n > 0 AND ${query} <% t.name OR ${allWordsIn(Prisma.sql`to_tsvector('danish', t.name)`, [Prisma.sql`t.name`])}
    ),
    total AS (SELECT count(*) AS total FROM matched)
    SELECT total.total, page.i, ${headline(Prisma.sql`page.name`, WHOLE)} AS name
    FROM total
    LEFT JOIN LATERAL (SELECT * FROM matched ORDER BY rank DESC, name, i LIMIT ${limit} OFFSET ${offset}) page ON true
    ORDER BY page.rank DESC, page.name, page.i`;
  const { total, rows: hits } = paged<{ i: bigint; name: string }>(rows, 'i');
  return { total, hits: hits.map((row) => ({ index: Number(row.i) - 1, name: row.name })) };
}

/**
 * The texts that match any of a theme's keywords (a keyword of several words: all of them), each
 * word as a stemmed prefix like the search ("brugerbetaling" finds "brugerbetalingen"), but not
 * inside other words, so that "ældre" does not suggest every text about "forældre". Returns
 * the matches by 0-based position, with the keywords marked in an excerpt.
 */
export async function matchKeywords(keywords: string[], texts: string[]) {
  if (keywords.length === 0 || texts.length === 0) return [];
  const rows = await db.$queryRaw<{ i: bigint; excerpt: string }[]>`
    WITH words AS (
      SELECT k.i, w.word
      FROM unnest(${keywords}::text[]) WITH ORDINALITY AS k(keyword, i)
      CROSS JOIN LATERAL regexp_split_to_table(lower(k.keyword), '\\s+') AS w(word)
      WHERE to_tsvector('danish', w.word) <> ''::tsvector
    ),
    q AS (
      SELECT to_tsquery('danish', string_agg(clause, ' | ')) AS query
      FROM (SELECT '(' || string_agg(${tsTerm(Prisma.sql`word`)} || ':*', ' & ') || ')' AS clause FROM words GROUP BY i) clauses
    )
    SELECT t.i, coalesce(ts_headline('danish', t.body, q.query, ${EXCERPT}), t.body) AS excerpt
    FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(body, i)
    CROSS JOIN q
    WHERE q.query IS NOT NULL AND to_tsvector('danish', t.body) @@ q.query
    ORDER BY t.i`;
  return rows.map((row) => ({ index: Number(row.i) - 1, excerpt: row.excerpt }));
}
