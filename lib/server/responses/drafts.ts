import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { GENERAL_FIELD } from '@/lib/live-events';
import { notifyLive } from '@/lib/server/live/notify';
import { displayName } from '@/lib/server/personal-data';
import { authorize, deny } from '@/lib/server/policy';
import { editableDraft, type ResponseKey } from '@/lib/server/responses/access';
import { fastSaveAnswer, fastSaveGeneralRemarks } from '@/lib/server/responses/autosave';
import type { Stance } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';

// The changes members make to a draft, each through editableDraft.

type Tx = Prisma.TransactionClient;

export type SaveResult =
  | { ok: true; version: number; editedBy: string | null }
  | { ok: false; conflict: { text: string; version: number; editedBy: string | null } };

/**
 * Saves the general remarks if nobody saved them since `expectedVersion`; otherwise returns
 * the other member's text so the user can merge, never overwriting it silently.
 */
export async function saveGeneralRemarks(actor: Actor, key: ResponseKey, input: { text: string; expectedVersion: number }): Promise<SaveResult> {
  // Nearly every autosave is allowed and in version: one statement (autosave.ts); the transaction
  // below decides the rest and says why not.
  const fast = await fastSaveGeneralRemarks(actor, key, input);
  if (fast) return fast;
  return db.$transaction(async (tx) => {
    const { response, user } = await editableDraft(actor, key, tx);
    const updated = await tx.response.updateMany({
      where: { id: response.id, generalRemarksVersion: input.expectedVersion },
      data: { generalRemarks: input.text, generalRemarksVersion: { increment: 1 }, updatedById: user?.id },
    });
    const current = await tx.response.findUniqueOrThrow({ where: { id: response.id }, include: { updatedBy: true } });
    if (updated.count === 0) return { ok: false, conflict: { text: current.generalRemarks, version: current.generalRemarksVersion, editedBy: displayName(current.updatedBy) } };
    await notifyLive(tx, { kind: 'saved', ...key, field: GENERAL_FIELD, version: current.generalRemarksVersion, by: user?.id ?? null, name: displayName(user) });
    return { ok: true, version: current.generalRemarksVersion, editedBy: displayName(user) };
  });
}

export interface AnswerInput {
  proposalId: string;
  stance: Stance | null;
  comment: string;
  confidential: boolean;
  expectedVersion: number;
}

/** Saves one proposal's stance and comment with the same optimistic concurrency. */
export async function saveAnswer(actor: Actor, key: ResponseKey, input: AnswerInput): Promise<SaveResult> {
  const fast = await fastSaveAnswer(actor, key, input);
  if (fast) return fast;
  return db.$transaction(async (tx) => {
    const { state, response, user } = await editableDraft(actor, key, tx);
    const proposal = await tx.proposal.findFirst({ where: { id: input.proposalId, budgetId: state.party.consultation.budgetId } });
    if (!proposal) return deny(actor, 'response.edit', { type: 'Proposal', id: input.proposalId });
    // The version of the proposal the answer was given to, so that a later edit of it shows.
    const data = { stance: input.stance, comment: input.comment, confidential: input.confidential, proposalVersion: proposal.version, updatedById: user?.id };

    // Version 0 means "no answer yet": the row is created, and a concurrent creation loses.
    const written =
      input.expectedVersion === 0
        ? (await tx.answer.createMany({ data: [{ responseId: response.id, proposalId: proposal.id, version: 1, ...data }], skipDuplicates: true })).count
        : (await tx.answer.updateMany({ where: { responseId: response.id, proposalId: proposal.id, version: input.expectedVersion }, data: { ...data, version: { increment: 1 } } })).count;
    const current = await tx.answer.findUniqueOrThrow({ where: { responseId_proposalId: { responseId: response.id, proposalId: proposal.id } }, include: { updatedBy: true } });
    if (written === 0) return { ok: false, conflict: { text: current.comment, version: current.version, editedBy: displayName(current.updatedBy) } };
    await tx.response.update({ where: { id: response.id }, data: { updatedById: user?.id } });
    await notifyLive(tx, { kind: 'saved', ...key, field: proposal.id, version: current.version, by: user?.id ?? null, name: displayName(user) });
    return { ok: true, version: current.version, editedBy: displayName(user) };
  });
}

export async function saveConsent(actor: Actor, key: ResponseKey, input: { publicationConsent: boolean; namesConsent: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { response, user } = await editableDraft(actor, key, tx);
    await tx.response.update({ where: { id: response.id }, data: { ...input, updatedById: user?.id } });
  });
}

export async function addMinorityStatement(actor: Actor, key: ResponseKey, text: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { response, user } = await editableDraft(actor, key, tx, 'response.minority_statement');
    const statement = await tx.minorityStatement.create({ data: { responseId: response.id, authorId: user?.id, text } });
    await audit(actor, { action: 'response.minority_statement', objectType: 'MinorityStatement', objectId: statement.id }, tx);
  });
}

/** The draft's minority statement that the acting member wrote; anyone else's is refused. */
async function ownMinorityStatement(actor: Actor, key: ResponseKey, statementId: string, action: 'response.minority_statement.edit' | 'response.minority_statement.delete', tx: Tx) {
  const { response } = await editableDraft(actor, key, tx, action);
  const statement = await tx.minorityStatement.findUnique({ where: { id: statementId } });
  await authorize(actor, action, { organisationId: key.organisationId, client: tx, statement: { row: statement, draftId: response.id }, object: { type: 'MinorityStatement', id: statementId } });
  return statement!;
}

/** A member changes the text of their own minority statement while the response is a draft. */
export async function editMinorityStatement(actor: Actor, key: ResponseKey, statementId: string, text: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await ownMinorityStatement(actor, key, statementId, 'response.minority_statement.edit', tx);
    await tx.minorityStatement.update({ where: { id: statementId }, data: { text } });
    await audit(actor, { action: 'response.minority_statement.edit', objectType: 'MinorityStatement', objectId: statementId }, tx);
  });
}

/** A member withdraws their own minority statement while the response is a draft. */
export async function deleteMinorityStatement(actor: Actor, key: ResponseKey, statementId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await ownMinorityStatement(actor, key, statementId, 'response.minority_statement.delete', tx);
    await tx.minorityStatement.delete({ where: { id: statementId } });
    await audit(actor, { action: 'response.minority_statement.delete', objectType: 'MinorityStatement', objectId: statementId }, tx);
  });
}

