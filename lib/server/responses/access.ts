import 'server-only';
import { phaseAllows } from '@/lib/consultation-phases';
import { effectiveDeadline, isBeforeDeadline } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { authorize, type Action } from '@/lib/server/policy';
import type { Prisma } from '@/lib/generated/prisma/client';

// Who may change a response and when: the gates and row locks every change passes through.

export interface ResponseKey {
  consultationId: string;
  organisationId: string;
}

type Tx = Prisma.TransactionClient;

/** The party's effective deadline and whether the consultation takes changes now. */
export async function partyState(key: ResponseKey, client: Tx | typeof db = db) {
  const party = await client.consultationParty.findUnique({
    where: { consultationId_organisationId: key },
    include: { consultation: true, organisation: true },
  });
  if (!party) return null;
  const deadline = effectiveDeadline(party.consultation.deadline, party.deadlineExtension);
  const open = phaseAllows('responses', party.consultation.status) && isBeforeDeadline(new Date(), deadline);
  return { party, deadline, open };
}

/** The changes to a draft's content, which every member of the organisation makes. */
type DraftAction = Extract<Action, 'response.edit' | 'response.attachment.add' | `response.minority_statement${string}`>;

/**
 * The gate for every change to a response: allowed to the actor by the policy (a member of the
 * organisation, a submitter for submitting and reopening), consulted in an open consultation,
 * before its deadline.
 */
export async function assertMayChange(actor: Actor, key: ResponseKey, action: DraftAction | 'response.submit' | 'response.reopen', tx: Tx) {
  await authorize(actor, action, { organisationId: key.organisationId, client: tx, object: { type: 'Organisation', id: key.organisationId } });
  const state = await partyState(key, tx);
  if (!state) throw new DomainError('response.notConsulted');
  if (!phaseAllows('responses', state.party.consultation.status)) throw new DomainError('response.notOpen');
  if (!state.open) throw new DomainError('response.deadlinePassed');
  return state;
}

/** The response row, created on the first change; concurrent first changes share one row. */
export async function responseFor(key: ResponseKey, tx: Tx) {
  await tx.response.createMany({ data: [key], skipDuplicates: true });
  return tx.response.findUniqueOrThrow({ where: { consultationId_organisationId: key } });
}

/**
 * Locks the response row and refuses unless it is a draft: a submitted response changes only
 * after a reopening. `share` lets concurrent edits of one draft through together, while a
 * submission or reopening (which lock it for update) waits for them and they wait for it, so no
 * change lands after the freeze and outside the receipt.
 */
async function lockedDraft(key: ResponseKey, tx: Tx, mode: 'share' | 'update') {
  const response = await responseFor(key, tx);
  const [row] =
    mode === 'share'
      ? await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Response" WHERE id = ${response.id} FOR KEY SHARE`
      : await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
  if (row?.status !== 'DRAFT') throw new DomainError('response.submitted');
  return tx.response.findUniqueOrThrow({ where: { id: response.id } });
}

/** The acting member, who is recorded as the change's editor. */
export async function editor(actor: Actor, tx: Tx) {
  return actor.kind === 'user' ? tx.user.findUnique({ where: { id: actor.userId }, select: { id: true, name: true, email: true, erasedAt: true } }) : null;
}

/**
 * The one guard for every change to a response's content (answers, general remarks, consent,
 * attachments, minority statements): a member, an open consultation before the deadline, and a
 * draft (see lockedDraft). Returns the draft and the member as its editor.
 */
export async function editableDraft(actor: Actor, key: ResponseKey, tx: Tx, action: DraftAction = 'response.edit') {
  const state = await assertMayChange(actor, key, action, tx);
  const response = await lockedDraft(key, tx, 'share');
  return { state, response, user: await editor(actor, tx) };
}

/** Locks the draft for its submission (by a member or, registered, by staff); refused once submitted. */
export async function lockDraftForSubmission(key: ResponseKey, tx: Tx) {
  return lockedDraft(key, tx, 'update');
}

