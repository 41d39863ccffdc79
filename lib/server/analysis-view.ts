import 'server-only';
import { themeStanceCounts, type ThemeCountRow } from '@/lib/analysis/themes';
import { isStatutory } from '@/lib/insight/status';
import type { StanceOrNone } from '@/lib/insight/aggregate';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { displayName } from '@/lib/server/personal-data';
import { authorize } from '@/lib/server/policy';
import { wholeAnswersTo } from '@/lib/server/response-views';
import type { OrganisationType, TagTarget } from '@/lib/generated/prisma/enums';

// The budget office's view of one proposal's answers: filters, each answer's tags, notes and the
// analyst's own read mark, and the counts per theme and stance. The answers of one proposal are
// few (one per party), so they are read once and filtered here; bench/analysis.ts measures it.

export interface AnalysisFilters {
  stance?: StanceOrNone;
  organisationType?: OrganisationType;
  /** Only the bodies the municipality must hear (lib/insight/status.ts). */
  statutory?: boolean;
  /** A theme's id, or 'none' for the answers without any theme. */
  theme?: string;
  /** Only what the analyst has not marked as read. */
  unread?: boolean;
}

export interface AnalysisTag {
  id: string;
  themeId: string;
  target: TagTarget;
  minorityStatementId: string | null;
  passage: string | null;
  passageStart: number | null;
  needsRecheck: boolean;
}

export interface AnalysisAnswer {
  responseId: string;
  organisation: { name: string; type: OrganisationType };
  statutory: boolean;
  stance: StanceOrNone;
  comment: string;
  confidential: boolean;
  generalRemarks: string;
  minorityStatements: { id: string | null; author: string | null; text: string }[];
  /** On the answer, its response's general remarks and minority statements. */
  tags: AnalysisTag[];
  notes: { id: string; text: string; author: string | null; createdAt: Date }[];
  read: boolean;
}

async function proposalOfConsultation(consultationId: string, proposalId: string) {
  return db.proposal.findFirst({ where: { id: proposalId, budget: { consultations: { some: { id: consultationId } } } }, select: { id: true, code: true, title: true } });
}

/** Every submitted answer to the proposal, with its themes; the basis of the view and of the counts. */
async function answersOf(actor: Actor, consultationId: string, proposalId: string) {
  const [answers, tags] = await Promise.all([
    wholeAnswersTo(actor, consultationId, proposalId),
    db.themeTag.findMany({
      where: { theme: { consultationId }, OR: [{ target: 'ANSWER', proposalId }, { target: { in: ['GENERAL_REMARKS', 'MINORITY_STATEMENT'] } }] },
      select: { id: true, themeId: true, responseId: true, target: true, minorityStatementId: true, passage: true, passageStart: true, needsRecheck: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  return { answers: answers.map((a) => ({ ...a, stance: (a.answer.stance ?? 'NONE') as StanceOrNone })), tags };
}

/** Per theme, the answers of each stance tagged with it (on the answer itself). */
function countsOf(themeIds: string[], answers: { responseId: string; stance: StanceOrNone }[], tags: { themeId: string; responseId: string; target: TagTarget }[]): ThemeCountRow[] {
  const stanceOf = new Map(answers.map((a) => [a.responseId, a.stance]));
  return themeStanceCounts(themeIds, tags.filter((t) => t.target === 'ANSWER'), stanceOf);
}

/**
 * The analysis view of a proposal for staff: the answers that pass the filters, the consultation's
 * themes, and the counts per theme and stance over all the answers. Null for a proposal outside
 * the consultation.
 */
export async function analysisView(actor: Actor, consultationId: string, proposalId: string, filters: AnalysisFilters = {}) {
  await authorize(actor, 'theme.analysis.read', { object: { type: 'Proposal', id: proposalId } });
  const proposal = await proposalOfConsultation(consultationId, proposalId);
  if (!proposal) return null;
  const userId = actor.kind === 'user' ? actor.userId : '';
  const [{ answers, tags }, themes, reads, notes] = await Promise.all([
    answersOf(actor, consultationId, proposalId),
    db.theme.findMany({ where: { consultationId }, orderBy: [{ createdAt: 'asc' }, { name: 'asc' }], select: { id: true, name: true, description: true, keywords: true } }),
    db.answerRead.findMany({ where: { proposalId, userId }, select: { responseId: true } }),
    db.answerNote.findMany({ where: { proposalId, response: { consultationId } }, orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true, email: true, erasedAt: true } } } }),
  ]);
  const read = new Set(reads.map((r) => r.responseId));
  const tagsOf = groupBy(tags, (t) => t.responseId);
  const notesOf = groupBy(notes, (n) => n.responseId);
  const all = answers.map(({ responseId, organisation, answer, stance, generalRemarks, minorityStatements }): AnalysisAnswer => ({
    responseId,
    organisation,
    statutory: isStatutory(organisation),
    stance,
    comment: answer.comment,
    confidential: answer.confidential,
    generalRemarks,
    minorityStatements,
    tags: (tagsOf.get(responseId) ?? []).map(({ id, themeId, target, minorityStatementId, passage, passageStart, needsRecheck }) => ({ id, themeId, target, minorityStatementId, passage, passageStart, needsRecheck })),
    notes: (notesOf.get(responseId) ?? []).map((n) => ({ id: n.id, text: n.text, author: displayName(n.author), createdAt: n.createdAt })),
    read: read.has(responseId),
  }));
  const shown = all.filter((a) => passes(a, filters));
  return { proposal, themes, answers: shown, total: all.length, counts: countsOf(themes.map((t) => t.id), answers, tags) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function passes(answer: AnalysisAnswer, filters: AnalysisFilters): boolean {
  const answerThemes = answer.tags.filter((t) => t.target === 'ANSWER').map((t) => t.themeId);
  if (filters.stance && answer.stance !== filters.stance) return false;
  if (filters.organisationType && answer.organisation.type !== filters.organisationType) return false;
  if (filters.statutory && !answer.statutory) return false;
  if (filters.theme === 'none' ? answerThemes.length > 0 : filters.theme && !answerThemes.includes(filters.theme)) return false;
  return !(filters.unread && answer.read);
}

/** For the politicians' proposal page: the consultation's themes and the answers per theme and stance. */
export async function proposalThemeCounts(actor: Actor, consultationId: string, proposalId: string) {
  await authorize(actor, 'theme.read', { object: { type: 'Proposal', id: proposalId } });
  const [{ answers, tags }, themes] = await Promise.all([
    answersOf(actor, consultationId, proposalId),
    db.theme.findMany({ where: { consultationId }, orderBy: [{ createdAt: 'asc' }, { name: 'asc' }], select: { id: true, name: true, description: true } }),
  ]);
  const counts = countsOf(themes.map((t) => t.id), answers, tags);
  return themes.map((theme, i) => ({ ...theme, ...counts[i]! }));
}

interface AnswerKey {
  consultationId: string;
  proposalId: string;
  responseId: string;
}

/** The response's latest submission answers the proposal in this consultation; otherwise the request names no answer. */
async function assertAnswer(key: AnswerKey) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "Response" r
    CROSS JOIN LATERAL (SELECT snapshot FROM "Submission" WHERE "responseId" = r.id ORDER BY version DESC LIMIT 1) s
    WHERE r.id = ${key.responseId} AND r."consultationId" = ${key.consultationId} AND r.status = 'SUBMITTED'
      AND jsonb_path_exists(s.snapshot, '$.answers[*] ? (@.proposalId == $p)', jsonb_build_object('p', ${key.proposalId}::text))`;
  if (rows.length === 0) throw new DomainError('theme.unknownTarget');
}

/** The analyst marks an answer as read (or unread again); each analyst keeps their own marks. */
export async function markAnswerRead(actor: Actor, input: AnswerKey & { read: boolean }): Promise<void> {
  await authorize(actor, 'answer.read.mark', { object: { type: 'Response', id: input.responseId } });
  if (actor.kind !== 'user') return;
  await assertAnswer(input);
  const key = { responseId: input.responseId, proposalId: input.proposalId, userId: actor.userId };
  if (input.read) await db.answerRead.upsert({ where: { responseId_proposalId_userId: key }, create: key, update: {} });
  else await db.answerRead.deleteMany({ where: key });
  await audit(actor, { action: 'answer.read.mark', objectType: 'Response', objectId: input.responseId, after: { consultationId: input.consultationId, proposalId: input.proposalId, read: input.read } });
}

/** A note on an answer, for the budget office only. */
export async function addAnswerNote(actor: Actor, input: AnswerKey & { text: string }): Promise<string> {
  await authorize(actor, 'answer.note.add', { object: { type: 'Response', id: input.responseId } });
  await assertAnswer(input);
  return db.$transaction(async (tx) => {
    const note = await tx.answerNote.create({ data: { responseId: input.responseId, proposalId: input.proposalId, text: input.text, authorId: actor.kind === 'user' ? actor.userId : null } });
    await audit(actor, { action: 'answer.note.add', objectType: 'AnswerNote', objectId: note.id, after: { consultationId: input.consultationId, proposalId: input.proposalId, responseId: input.responseId, text: input.text } }, tx);
    return note.id;
  });
}
