import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { authorize, mayReadConsultation } from '@/lib/server/policy';
import { submittedAnswersCte } from '@/lib/server/submitted-answers';

// Campaign and duplicate responses: answers to the same proposal whose comments are the same text,
// or nearly (a typo, an added word), shown once with how many sent it and who.

/** Shorter comments ("Ingen bemærkninger", "Vi støtter forslaget") are alike by nature, not a campaign. */
export const DUPLICATE_MIN_LENGTH = 40;
/** pg_trgm's similarity of the two texts, lower-cased with their whitespace collapsed. */
export const DUPLICATE_SIMILARITY = 0.9;

export interface DuplicateGroup {
  proposalId: string;
  code: string;
  title: string;
  /** The text once: the wording most of the group sent. */
  text: string;
  count: number;
  /** By name. */
  organisations: { id: string; name: string }[];
}

interface Member {
  proposalId: string;
  responseId: string;
  organisationId: string;
  comment: string;
}

/** A member of a group (responseId set) or a pair of alike texts (otherNorm set), by normalised text. */
interface Row {
  proposalId: string;
  norm: string;
  otherNorm: string | null;
  responseId: string | null;
  organisationId: string | null;
  comment: string | null;
}

/**
 * The answers whose text is shared or alike, and which texts are alike. Identical texts are
 * compared once (a campaign is many copies of one text); a pair of texts is compared only when
 * their trigram counts allow it (similarity is at most the smaller count over the larger).
 */
async function similarAnswers(consultationId: string, proposalId: string | null) {
  return db.$queryRaw<Row[]>`
    WITH ${submittedAnswersCte(consultationId)},
    normalised AS MATERIALIZED (
      SELECT a."responseId", a."organisationId", a."proposalId", a.comment, lower(regexp_replace(btrim(a.comment), '\\s+', ' ', 'g')) AS norm
      FROM submitted_answers a
      WHERE (${proposalId}::text IS NULL OR a."proposalId" = ${proposalId}::text)
    ),
    texts AS MATERIALIZED (
      SELECT "proposalId", norm, count(*) AS copies, cardinality(show_trgm(norm)) AS trigrams
      FROM normalised
      WHERE length(norm) >= ${DUPLICATE_MIN_LENGTH}
      GROUP BY "proposalId", norm
    ),
    pairs AS MATERIALIZED (
      SELECT a."proposalId", a.norm, b.norm AS "otherNorm"
      FROM texts a
      JOIN texts b ON b."proposalId" = a."proposalId" AND a.norm < b.norm
       AND least(a.trigrams, b.trigrams) >= ${DUPLICATE_SIMILARITY}::float8 * greatest(a.trigrams, b.trigrams)
       AND similarity(a.norm, b.norm) >= ${DUPLICATE_SIMILARITY}::float8
    )
    SELECT "proposalId", norm, "otherNorm", NULL AS "responseId", NULL AS "organisationId", NULL AS comment FROM pairs
    UNION ALL
    SELECT n."proposalId", n.norm, NULL, n."responseId", n."organisationId", n.comment
    FROM normalised n
    JOIN texts t ON t."proposalId" = n."proposalId" AND t.norm = n.norm
    WHERE t.copies > 1 OR EXISTS (SELECT 1 FROM pairs p WHERE p."proposalId" = n."proposalId" AND n.norm IN (p.norm, p."otherNorm"))`;
}

/** The answers of each proposal joined by alike texts: a text like one of the group's belongs to it. */
function connected(rows: Row[]): Member[][] {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const top = root(up);
    parent.set(key, top);
    return top;
  };
  // Record ids hold no space, so the key is unambiguous.
  const keyOf = (proposalId: string, norm: string) => `${proposalId} ${norm}`;
  for (const row of rows) if (row.otherNorm !== null) parent.set(root(keyOf(row.proposalId, row.norm)), root(keyOf(row.proposalId, row.otherNorm)));
  const groups = new Map<string, Member[]>();
  for (const row of rows) {
    if (row.responseId === null) continue;
    const top = root(keyOf(row.proposalId, row.norm));
    const group = groups.get(top) ?? [];
    group.push({ proposalId: row.proposalId, responseId: row.responseId, organisationId: row.organisationId!, comment: row.comment! });
    groups.set(top, group);
  }
  return [...groups.values()];
}

/** The wording most members of the group sent, the first by organisation name among equals. */
function commonText(members: { comment: string; name: string }[]): string {
  const counts = new Map<string, number>();
  for (const { comment } of members) counts.set(comment.trim(), (counts.get(comment.trim()) ?? 0) + 1);
  const best = Math.max(...counts.values());
  return members.find((m) => counts.get(m.comment.trim()) === best)!.comment.trim();
}

/**
 * The groups of identical or near-identical answers to the consultation's proposals (or to one),
 * in the budget's order of proposals and, within a proposal, the largest first. Null when the
 * consultation is unknown or the actor may not see it.
 */
export async function duplicateGroups(actor: Actor, consultationId: string, proposalId?: string): Promise<DuplicateGroup[] | null> {
  await authorize(actor, 'analysis.duplicates.read', { object: { type: 'Consultation', id: consultationId } });
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { status: true, budgetId: true } });
  if (!consultation || !mayReadConsultation(actor, consultation)) return null;
  const rows = await similarAnswers(consultationId, proposalId ?? null);
  const groups = connected(rows);
  if (groups.length === 0) return [];
  const members = groups.flat();
  const [proposals, organisations] = await Promise.all([
    db.proposal.findMany({ where: { budgetId: consultation.budgetId, id: { in: [...new Set(members.map((m) => m.proposalId))] } }, orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }], select: { id: true, code: true, title: true } }),
    db.organisation.findMany({ where: { id: { in: [...new Set(members.map((m) => m.organisationId))] } }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
  const order = new Map(proposals.map((p, index) => [p.id, index]));
  const proposalOf = new Map(proposals.map((p) => [p.id, p]));
  return groups
    .filter((group) => proposalOf.has(group[0]!.proposalId))
    .map((group): DuplicateGroup => {
      const named = group.map((m) => ({ ...m, name: nameOf.get(m.organisationId) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
      const proposal = proposalOf.get(group[0]!.proposalId)!;
      return { proposalId: proposal.id, code: proposal.code, title: proposal.title, text: commonText(named), count: named.length, organisations: named.map((m) => ({ id: m.organisationId, name: m.name })) };
    })
    .sort((a, b) => order.get(a.proposalId)! - order.get(b.proposalId)! || b.count - a.count || a.organisations[0]!.name.localeCompare(b.organisations[0]!.name, 'da'));
}
