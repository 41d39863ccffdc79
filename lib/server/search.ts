import 'server-only';
import { SEARCH_PAGE_SIZE, searchQueryOrThrow, type SearchKind } from '@/lib/search';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { matchNames, matchProposals, matchTexts, type Paging } from '@/lib/server/search-queries';
import { mayReadConsultation } from '@/lib/server/policy';
import { visibleResponses, type VisibleAnswer, type VisibleResponse } from '@/lib/server/response-views';
import type { OrganisationType, Stance } from '@/lib/generated/prisma/enums';

// Search as politicians type: proposal codes ("isu 20"), organisation names, word beginnings
// and compound parts, with PostgreSQL's Danish stemmer (search-queries.ts has the SQL).
// Proposals are public and searched in their table.
// Responses are searched only in the texts visibleResponses gives the actor: the public's
// search never sees a confidential answer, a hidden item or a redacted passage, because
// PostgreSQL is handed the moderated text and nothing else.

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

/**
 * A consultation party, found by its name: linked to its response where the reader may read
 * one, else to the consultation's public page, which names the parties.
 */
export interface OrganisationHit {
  consultation: { id: string; title: string };
  /** The whole name, matches marked. */
  name: string;
  type: OrganisationType;
  href: string;
}

export interface SearchResult {
  proposals: { total: number; hits: ProposalHit[] };
  responses: { total: number; hits: ResponseHit[] };
  organisations: { total: number; hits: OrganisationHit[] };
}

export interface SearchOptions {
  /** Proposals of this budget and the consultations on it. */
  budgetId: string;
  /** Replaces redacted passages, as on the public consultation page. */
  marker: string;
  /** The kind paged through; the others give their first page. All kinds count all their matches. */
  kind?: SearchKind;
  /** 1-based. */
  page?: number;
  /** Hits per page. */
  limit?: number;
}

interface SearchedText {
  consultation: { id: string; title: string };
  response: VisibleResponse;
  part: ResponsePart;
  answer: VisibleAnswer | null;
  text: string;
}

/** The budget's responses that the actor may read, as they may read them, and the parties of the consultations the actor may see. */
async function searchableResponses(actor: Actor, budgetId: string, marker: string) {
  const consultations = await db.consultation.findMany({
    where: { budgetId },
    select: { id: true, title: true, status: true, parties: { select: { organisation: { select: { id: true, name: true, type: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
  const views = await Promise.all(consultations.map((c) => visibleResponses(actor, c.id, marker)));
  const responses = views.flatMap((view) => (view ? view.responses.map((response) => ({ consultation: { id: view.consultation.id, title: view.consultation.title }, response })) : []));
  const readable = new Set(responses.map((r) => `${r.consultation.id} ${r.response.organisationId}`));
  const parties = consultations
    .filter((c) => mayReadConsultation(actor, c))
    .flatMap((c) =>
      c.parties.map(({ organisation }) => {
        const consultation = { id: c.id, title: c.title };
        const responded = readable.has(`${c.id} ${organisation.id}`);
        return { consultation, organisation, href: responded ? responseHref(c.id, organisation.id) : `/consultations/${c.id}` };
      }),
    );
  return { responses, parties };
}

// The insight page of the response shows it as this reader may see it.
const responseHref = (consultationId: string, organisationId: string) => `/insight/${consultationId}/responses/${organisationId}`;

/** Every text of those responses. */
function searchableTexts(responses: Awaited<ReturnType<typeof searchableResponses>>['responses']): SearchedText[] {
  return responses.flatMap(({ consultation, response }): SearchedText[] => {
      const common = { consultation, response };
      return [
        ...(response.generalRemarks ? [{ ...common, part: 'generalRemarks' as const, answer: null, text: response.generalRemarks }] : []),
        ...response.answers.flatMap((answer) => (answer.comment ? [{ ...common, part: 'answer' as const, answer, text: answer.comment }] : [])),
        ...response.minorityStatements.map((statement) => ({ ...common, part: 'minority' as const, answer: null, text: statement.text })),
      ];
  });
}

/**
 * Searches the budget's proposals, and its consultations' responses as the actor may read them.
 * The query is checked again here (length), whatever the page did.
 */
export async function search(actor: Actor, query: string, options: SearchOptions): Promise<SearchResult> {
  const q = searchQueryOrThrow(query);
  const limit = options.limit ?? SEARCH_PAGE_SIZE;
  const paging = (kind: SearchKind): Paging => ({ limit, offset: options.kind === kind ? (Math.max(1, options.page ?? 1) - 1) * limit : 0 });
  const [proposals, { responses, parties }] = await Promise.all([matchProposals(q, options.budgetId, paging('proposals')), searchableResponses(actor, options.budgetId, options.marker)]);
  const texts = searchableTexts(responses);
  const [matched, names] = await Promise.all([
    matchTexts(q, texts.map((t) => ({ body: t.text, organisation: t.response.organisation.name })), paging('responses')),
    matchNames(q, parties.map((p) => p.organisation.name), paging('organisations')),
  ]);
  return {
    proposals: { total: proposals.total, hits: proposals.rows.map(({ id, code, title, excerpt }) => ({ id, code, title, excerpt, href: `/proposals/${id}` })) },
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
          href: responseHref(consultation.id, response.organisationId),
        };
      }),
    },
    organisations: {
      total: names.total,
      hits: names.hits.map(({ index, name }) => {
        const { consultation, organisation, href } = parties[index]!;
        return { consultation, name, type: organisation.type, href };
      }),
    },
  };
}
