import 'server-only';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchQueryOrThrow } from '@/lib/search';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { visibleResponses, type VisibleAnswer, type VisibleResponse } from '@/lib/server/response-views';
import type { Stance } from '@/lib/generated/prisma/enums';

// Full-text search with PostgreSQL's Danish configuration, so that "plejehjem" finds
// "plejehjemmet" and "plejehjemmene". Proposals are public and searched in their table.
// Responses are searched only in the texts visibleResponses gives the actor: the public's
// search never sees a confidential answer, a hidden item or a redacted passage, because
// PostgreSQL is handed the moderated text and nothing else.

const EXCERPT = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=15, MinWords=5, ShortWord=0, FragmentDelimiter=" … "`;
const WHOLE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

export interface ProposalHit {
  id: string;
  code: string;
  /** The whole title, matches marked. */
  title: string;
  /** From the summary, matches marked. */
  excerpt: string;
  href: string;
}

export type ResponsePart = 'generalRemarks' | 'answer' | 'minority';

export interface ResponseHit {
  consultation: { id: string; title: string };
  organisation: string;
  part: ResponsePart;
  /** The proposal the answer is to; null for general remarks and minority statements. */
  proposal: { id: string; code: string } | null;
  stance: Stance | null;
  excerpt: string;
  href: string;
}

export interface SearchResult {
  proposals: { total: number; hits: ProposalHit[] };
  responses: { total: number; hits: ResponseHit[] };
}

export interface SearchOptions {
  /** Proposals of this budget and the consultations on it. */
  budgetId: string;
  /** Replaces redacted passages, as on the public consultation page. */
  marker: string;
  /** Hits per group; the totals count them all. */
  limit?: number;
}

interface SearchedText {
  consultation: { id: string; title: string };
  response: VisibleResponse;
  part: ResponsePart;
  answer: VisibleAnswer | null;
  text: string;
}

/** Every text of the budget's responses that the actor may read, as they may read it. */
async function searchableTexts(actor: Actor, budgetId: string, marker: string): Promise<SearchedText[]> {
  const consultations = await db.consultation.findMany({ where: { budgetId }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  const views = await Promise.all(consultations.map((c) => visibleResponses(actor, c.id, marker)));
  return views.flatMap((view) => {
    if (!view) return [];
    const consultation = { id: view.consultation.id, title: view.consultation.title };
    return view.responses.flatMap((response): SearchedText[] => {
      const common = { consultation, response };
      return [
        ...(response.generalRemarks ? [{ ...common, part: 'generalRemarks' as const, answer: null, text: response.generalRemarks }] : []),
        ...response.answers.flatMap((answer) => (answer.comment ? [{ ...common, part: 'answer' as const, answer, text: answer.comment }] : [])),
        ...response.minorityStatements.map((statement) => ({ ...common, part: 'minority' as const, answer: null, text: statement.text })),
      ];
    });
  });
}

async function searchProposals(query: string, budgetId: string, limit: number) {
  const rows = await db.$queryRaw<{ id: string; code: string; title: string; excerpt: string; total: bigint }[]>`
    SELECT m.id, m.code,
           ts_headline('danish', m.title, m.query, ${WHOLE}) AS title,
           ts_headline('danish', m.summary, m.query, ${EXCERPT}) AS excerpt,
           m.total
    FROM (
      SELECT p.id, p.code, p.title, p.summary, q.query, ts_rank(d.document, q.query) AS rank, count(*) OVER () AS total
      FROM "Proposal" p
      CROSS JOIN websearch_to_tsquery('danish', ${query}) AS q(query)
      CROSS JOIN LATERAL (SELECT setweight(to_tsvector('danish', p.title), 'A') || setweight(to_tsvector('danish', p.summary), 'B') AS document) d
      WHERE p."budgetId" = ${budgetId} AND d.document @@ q.query
      ORDER BY rank DESC, p.code
      LIMIT ${limit}
    ) m
    ORDER BY m.rank DESC, m.code`;
  return {
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map(({ id, code, title, excerpt }) => ({ id, code, title, excerpt, href: `/proposals/${id}` })),
  };
}

/** Matches, ranks and marks the given texts in PostgreSQL; returns the best, by 1-based position. */
async function searchTexts(query: string, texts: string[], limit: number) {
  if (texts.length === 0) return { total: 0, hits: [] };
  // Headlines are the costly part, so they are made only for the texts that are shown.
  const rows = await db.$queryRaw<{ i: bigint; excerpt: string; total: bigint }[]>`
    SELECT m.i, ts_headline('danish', m.body, m.query, ${EXCERPT}) AS excerpt, m.total
    FROM (
      SELECT t.i, t.body, q.query, ts_rank(d.document, q.query) AS rank, count(*) OVER () AS total
      FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(body, i)
      CROSS JOIN websearch_to_tsquery('danish', ${query}) AS q(query)
      CROSS JOIN LATERAL (SELECT to_tsvector('danish', t.body) AS document) d
      WHERE d.document @@ q.query
      ORDER BY rank DESC, t.i
      LIMIT ${limit}
    ) m
    ORDER BY m.rank DESC, m.i`;
  return { total: Number(rows[0]?.total ?? 0), hits: rows.map((row) => ({ index: Number(row.i) - 1, excerpt: row.excerpt })) };
}

/**
 * Searches the budget's proposals, and its consultations' responses as the actor may read them.
 * The query is checked again here (length), whatever the page did.
 */
export async function search(actor: Actor, query: string, options: SearchOptions): Promise<SearchResult> {
  const q = searchQueryOrThrow(query);
  const limit = options.limit ?? 25;
  const [proposals, texts] = await Promise.all([searchProposals(q, options.budgetId, limit), searchableTexts(actor, options.budgetId, options.marker)]);
  const matched = await searchTexts(q, texts.map((t) => t.text), limit);
  // The insight page of the response shows it as this reader may see it.
  const href = (consultationId: string, organisationId: string) => `/insight/${consultationId}/responses/${organisationId}`;
  return {
    proposals,
    responses: {
      total: matched.total,
      hits: matched.hits.map(({ index, excerpt }) => {
        const { consultation, response, part, answer } = texts[index]!;
        return {
          consultation,
          organisation: response.organisation.name,
          part,
          proposal: answer ? { id: answer.proposalId, code: answer.code } : null,
          stance: answer?.stance ?? null,
          excerpt,
          href: href(consultation.id, response.organisationId),
        };
      }),
    },
  };
}
