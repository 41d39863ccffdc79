import 'server-only';
import { followTag, passageStartIn, taggedText, type TagTarget, type TagTargetKind } from '@/lib/analysis/themes';
import { parseSnapshot, type SubmissionSnapshot } from '@/lib/submission-snapshot';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { authorize } from '@/lib/server/policy';
import { visibleResponses } from '@/lib/server/response-views';
import { matchKeywords } from '@/lib/server/search-queries';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Stance } from '@/lib/generated/prisma/enums';

// The budget office's themes of a consultation and their tags on the submitted texts: whole
// answers, passages, general remarks, minority statements. Tags are set by staff only; keywords
// merely suggest (themeSuggestions). The rules of a tag's text are pure, in lib/analysis/themes.ts.

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

const consultationObject = (id: string) => ({ type: 'Consultation', id });
const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

async function themeOf(consultationId: string, themeId: string, client: Client = db) {
  const theme = await client.theme.findFirst({ where: { id: themeId, consultationId } });
  if (!theme) throw new DomainError('theme.notFound');
  return theme;
}

/** The consultation with its themes in the order they were made (the first nine have digit shortcuts); null for an unknown one. */
export async function listThemes(actor: Actor, consultationId: string) {
  await authorize(actor, 'theme.read', { object: consultationObject(consultationId) });
  const consultation = await db.consultation.findUnique({
    where: { id: consultationId },
    select: { id: true, title: true, themes: { orderBy: [{ createdAt: 'asc' }, { name: 'asc' }], select: { id: true, name: true, description: true, keywords: true } } },
  });
  return consultation && { id: consultation.id, title: consultation.title, themes: consultation.themes };
}

export interface ThemeInput {
  consultationId: string;
  /** Absent for a new theme. */
  themeId?: string;
  name: string;
  description: string;
  keywords: string[];
}

/** Creates or edits a theme; returns its id. A name is used once per consultation. */
export async function saveTheme(actor: Actor, input: ThemeInput): Promise<string> {
  const { consultationId, themeId, name, description, keywords } = input;
  await authorize(actor, 'theme.save', { object: themeId ? { type: 'Theme', id: themeId } : consultationObject(consultationId) });
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.consultation.findUnique({ where: { id: consultationId }, select: { id: true } }))) throw new DomainError('theme.notFound');
      const after = { consultationId, name, description, keywords };
      if (!themeId) {
        const created = await tx.theme.create({ data: { ...after, createdById: actorId(actor) } });
        await audit(actor, { action: 'theme.save', objectType: 'Theme', objectId: created.id, after }, tx);
        return created.id;
      }
      const before = await themeOf(consultationId, themeId, tx);
      await tx.theme.update({ where: { id: themeId }, data: { name, description, keywords } });
      await audit(actor, { action: 'theme.save', objectType: 'Theme', objectId: themeId, before: { consultationId, name: before.name, description: before.description, keywords: before.keywords }, after }, tx);
      return themeId;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('theme.duplicate');
    throw error;
  }
}

/** Deletes a theme and its tags; the audit keeps the theme and how many tags went. */
export async function deleteTheme(actor: Actor, input: { consultationId: string; themeId: string }): Promise<void> {
  await authorize(actor, 'theme.delete', { object: { type: 'Theme', id: input.themeId } });
  await db.$transaction(async (tx) => {
    const theme = await themeOf(input.consultationId, input.themeId, tx);
    const tags = await tx.themeTag.count({ where: { themeId: theme.id } });
    await tx.theme.delete({ where: { id: theme.id } });
    await audit(actor, { action: 'theme.delete', objectType: 'Theme', objectId: theme.id, before: { consultationId: theme.consultationId, name: theme.name, keywords: theme.keywords, tags } }, tx);
  });
}

/**
 * The response's latest submission, read under a share lock on the response so that it is not
 * reopened or submitted again meanwhile. Refused unless the response is submitted.
 */
async function lockedSubmission(consultationId: string, responseId: string, tx: Tx): Promise<{ version: number; snapshot: SubmissionSnapshot }> {
  const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Response" WHERE id = ${responseId} AND "consultationId" = ${consultationId} FOR SHARE`;
  if (row?.status !== 'SUBMITTED') throw new DomainError('theme.notSubmitted');
  const submission = await tx.submission.findFirstOrThrow({ where: { responseId }, orderBy: { version: 'desc' } });
  return { version: submission.version, snapshot: parseSnapshot(submission.snapshot) };
}

/** The target's fields as stored: only the one its kind names. */
function normalisedTarget(target: TagTargetKind, proposalId: string | null, minorityStatementId: string | null): TagTarget {
  return { target, proposalId: target === 'ANSWER' ? proposalId : null, minorityStatementId: target === 'MINORITY_STATEMENT' ? minorityStatementId : null };
}

export interface TagInput {
  consultationId: string;
  themeId: string;
  responseId: string;
  target: TagTargetKind;
  proposalId: string | null;
  minorityStatementId: string | null;
  /** The selected passage, null to tag the whole text. */
  passage: string | null;
  passageStart: number | null;
}

async function tagIn(actor: Actor, input: TagInput, tx: Tx): Promise<{ id: string; created: boolean }> {
  const theme = await themeOf(input.consultationId, input.themeId, tx);
  const { version, snapshot } = await lockedSubmission(input.consultationId, input.responseId, tx);
  const target = normalisedTarget(input.target, input.proposalId, input.minorityStatementId);
  const text = taggedText(snapshot, target);
  if (text === null || (target.target === 'ANSWER' && !snapshot.answers.some((a) => a.proposalId === target.proposalId))) throw new DomainError('theme.unknownTarget');
  const passage = input.passage?.length ? input.passage : null;
  const passageStart = passage === null ? null : passageStartIn(text, passage, input.passageStart);
  if (passage !== null && passageStart === null) throw new DomainError('theme.passageNotFound');
  const fields = { themeId: theme.id, responseId: input.responseId, ...target, passage, passageStart };
  const existing = await tx.themeTag.findFirst({ where: fields, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const tag = await tx.themeTag.create({ data: { ...fields, submissionVersion: version, taggedById: actorId(actor) } });
  await audit(actor, { action: 'theme.tag', objectType: 'ThemeTag', objectId: tag.id, after: { consultationId: input.consultationId, theme: theme.name, ...fields, submissionVersion: version } }, tx);
  return { id: tag.id, created: true };
}

/** Tags a submitted text, or a passage of it, with a theme. The same tag twice is one tag. */
export async function tagText(actor: Actor, input: TagInput): Promise<{ id: string; created: boolean }> {
  await authorize(actor, 'theme.tag', { object: { type: 'Response', id: input.responseId } });
  return db.$transaction((tx) => tagIn(actor, input, tx));
}

async function tagOf(consultationId: string, tagId: string, tx: Tx) {
  const tag = await tx.themeTag.findFirst({ where: { id: tagId, theme: { consultationId } }, include: { theme: { select: { name: true } } } });
  if (!tag) throw new DomainError('theme.notFound');
  return tag;
}

/** Removes a tag; the audit keeps what it was on. */
export async function untag(actor: Actor, input: { consultationId: string; tagId: string }): Promise<void> {
  await authorize(actor, 'theme.tag', { object: { type: 'ThemeTag', id: input.tagId } });
  await db.$transaction(async (tx) => {
    const tag = await tagOf(input.consultationId, input.tagId, tx);
    await tx.themeTag.delete({ where: { id: tag.id } });
    const { responseId, target, proposalId, minorityStatementId, passage, passageStart, submissionVersion, needsRecheck } = tag;
    const before = { consultationId: input.consultationId, theme: tag.theme.name, responseId, target, proposalId, minorityStatementId, passage, passageStart, submissionVersion, needsRecheck };
    await audit(actor, { action: 'theme.untag', objectType: 'ThemeTag', objectId: tag.id, before }, tx);
  });
}

/**
 * Staff checked a flagged tag against the new text and keep it: it now belongs to the latest
 * submission. A passage no longer in the text becomes a tag on the whole text.
 */
export async function confirmTag(actor: Actor, input: { consultationId: string; tagId: string }): Promise<void> {
  await authorize(actor, 'theme.tag', { object: { type: 'ThemeTag', id: input.tagId } });
  await db.$transaction(async (tx) => {
    const tag = await tagOf(input.consultationId, input.tagId, tx);
    const { version, snapshot } = await lockedSubmission(input.consultationId, tag.responseId, tx);
    const text = taggedText(snapshot, tag);
    if (text === null) throw new DomainError('theme.unknownTarget');
    const passageStart = tag.passage === null ? null : passageStartIn(text, tag.passage, tag.passageStart);
    const data = { needsRecheck: false, submissionVersion: version, passage: passageStart === null ? null : tag.passage, passageStart };
    await tx.themeTag.update({ where: { id: tag.id }, data });
    await audit(actor, { action: 'theme.tag.confirm', objectType: 'ThemeTag', objectId: tag.id, before: { consultationId: input.consultationId, theme: tag.theme.name, passage: tag.passage, submissionVersion: tag.submissionVersion }, after: data }, tx);
  });
}

/**
 * Part of a submission (freezeSubmission, authorised as response.submit), not an action of its
 * own: moves the response's tags onto the new submission's text, or flags them for re-check.
 * `previous` is the submission before, null for the first (which has no tags yet).
 */
export async function followThemeTags(tx: Tx, responseId: string, previous: SubmissionSnapshot | null, next: SubmissionSnapshot, version: number): Promise<void> {
  if (!previous) return;
  const tags = await tx.themeTag.findMany({ where: { responseId } });
  for (const tag of tags) {
    const followed = followTag(tag, taggedText(previous, tag), taggedText(next, tag));
    const data = { ...followed, submissionVersion: followed.needsRecheck ? tag.submissionVersion : version };
    if (data.needsRecheck !== tag.needsRecheck || data.passageStart !== tag.passageStart || data.submissionVersion !== tag.submissionVersion) await tx.themeTag.update({ where: { id: tag.id }, data });
  }
}

/** A suggestion is for an answer to a proposal or for the general remarks. */
export interface SuggestionKey {
  responseId: string;
  /** Null for the general remarks. */
  proposalId: string | null;
}

const GENERAL_REMARKS_KEY = 'GENERAL_REMARKS';
const targetKeyOf = (proposalId: string | null) => proposalId ?? GENERAL_REMARKS_KEY;

export interface Suggestion extends SuggestionKey {
  organisation: string;
  proposal: { code: string; title: string } | null;
  stance: Stance | null;
  /** The text's matching part, the keywords marked (lib/search.ts's markers). */
  excerpt: string;
}

/**
 * The answers and general remarks of the consultation whose text matches one of the theme's
 * keywords (Danish stemming, as the search) and that are neither tagged with the theme nor
 * dismissed for it: offered to staff, never tagged by themselves. `proposalId` narrows to one proposal.
 */
export async function themeSuggestions(actor: Actor, input: { consultationId: string; themeId: string; proposalId?: string }): Promise<Suggestion[]> {
  await authorize(actor, 'theme.tag', { object: { type: 'Theme', id: input.themeId } });
  const theme = await themeOf(input.consultationId, input.themeId);
  if (theme.keywords.length === 0) return [];
  const [visible, tags, dismissals] = await Promise.all([
    visibleResponses(actor, input.consultationId, ''),
    db.themeTag.findMany({ where: { themeId: theme.id, target: { in: ['ANSWER', 'GENERAL_REMARKS'] } }, select: { responseId: true, proposalId: true } }),
    db.themeSuggestionDismissal.findMany({ where: { themeId: theme.id }, select: { responseId: true, targetKey: true } }),
  ]);
  const settled = new Set([...tags.map((t) => `${t.responseId} ${targetKeyOf(t.proposalId)}`), ...dismissals.map((d) => `${d.responseId} ${d.targetKey}`)]);
  const candidates = (visible?.responses ?? []).flatMap((response) => {
    const common = { responseId: response.responseId, organisation: response.organisation.name };
    const general = !input.proposalId && response.generalRemarks ? [{ ...common, proposalId: null, proposal: null, stance: null, text: response.generalRemarks }] : [];
    const answers = response.answers
      .filter((a) => a.comment && (!input.proposalId || a.proposalId === input.proposalId))
      .map((a) => ({ ...common, proposalId: a.proposalId, proposal: { code: a.code, title: a.title }, stance: a.stance, text: a.comment! }));
    return [...general, ...answers].filter((c) => !settled.has(`${c.responseId} ${targetKeyOf(c.proposalId)}`));
  });
  const matches = await matchKeywords(theme.keywords, candidates.map((c) => c.text));
  return matches.map(({ index, excerpt }) => {
    const { responseId, proposalId, organisation, proposal, stance } = candidates[index]!;
    return { responseId, proposalId, organisation, proposal, stance, excerpt };
  });
}

export interface SuggestionsInput {
  consultationId: string;
  themeId: string;
  items: SuggestionKey[];
}

/** Tags the chosen suggestions' whole texts with the theme, in one transaction. */
export async function confirmSuggestions(actor: Actor, input: SuggestionsInput): Promise<number> {
  await authorize(actor, 'theme.tag', { object: { type: 'Theme', id: input.themeId } });
  return db.$transaction(async (tx) => {
    let created = 0;
    for (const item of input.items) {
      const target = item.proposalId ? 'ANSWER' : 'GENERAL_REMARKS';
      const tag = await tagIn(actor, { consultationId: input.consultationId, themeId: input.themeId, responseId: item.responseId, target, proposalId: item.proposalId, minorityStatementId: null, passage: null, passageStart: null }, tx);
      if (tag.created) created++;
    }
    return created;
  });
}

/** The chosen suggestions are not offered for the theme again. */
export async function dismissSuggestions(actor: Actor, input: SuggestionsInput): Promise<number> {
  await authorize(actor, 'theme.tag', { object: { type: 'Theme', id: input.themeId } });
  return db.$transaction(async (tx) => {
    const theme = await themeOf(input.consultationId, input.themeId, tx);
    const responses = await tx.response.findMany({ where: { consultationId: input.consultationId, id: { in: input.items.map((i) => i.responseId) } }, select: { id: true } });
    const known = new Set(responses.map((r) => r.id));
    if (input.items.some((i) => !known.has(i.responseId))) throw new DomainError('theme.unknownTarget');
    const data = input.items.map((i) => ({ themeId: theme.id, responseId: i.responseId, targetKey: targetKeyOf(i.proposalId), dismissedById: actorId(actor) }));
    const { count } = await tx.themeSuggestionDismissal.createMany({ data, skipDuplicates: true });
    await audit(actor, { action: 'theme.suggestion.dismiss', objectType: 'Theme', objectId: theme.id, after: { consultationId: input.consultationId, theme: theme.name, items: input.items.map(({ responseId, proposalId }) => ({ responseId, proposalId })) } }, tx);
    return count;
  });
}
