import 'server-only';
import { effectiveDeadline } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { requirePhase } from '@/lib/server/consultations';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { mailParty, memberAddresses } from '@/lib/server/mail';
import { authorize } from '@/lib/server/policy';
import type { ResponseKey } from '@/lib/server/responses/access';

// What staff do for one consulted organisation: remind it, extend its deadline, point it to proposals.

export const PARTY_STATUSES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'LATE'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** Staff remind one party now, whatever the daily reminder job has done. */
export async function remindParty(actor: Actor, key: { consultationId: string; organisationId: string }): Promise<{ recipients: number }> {
  await authorize(actor, 'consultation.reminder', { object: { type: 'Organisation', id: key.organisationId } });
  const party = await db.consultationParty.findUniqueOrThrow({
    where: { consultationId_organisationId: key },
    include: {
      consultation: true,
      organisation: { include: { memberships: { include: { user: { select: { email: true, erasedAt: true } } } }, responses: { where: { consultationId: key.consultationId } } } },
    },
  });
  requirePhase(party.consultation.status, 'reminder');
  if (party.organisation.responses.some((r) => r.status === 'SUBMITTED')) throw new DomainError('consultation.submitted');
  const recipients = memberAddresses(party.organisation.memberships);
  const deadline = effectiveDeadline(party.consultation.deadline, party.deadlineExtension);
  await mailParty('reminder', { recipients, organisation: party.organisation.name, consultation: party.consultation.title, deadline, key });
  await db.consultationParty.update({ where: { consultationId_organisationId: key }, data: { remindedAt: new Date() } });
  await audit(actor, { action: 'consultation.reminder', objectType: 'ConsultationParty', objectId: `${key.consultationId}:${key.organisationId}`, details: { recipients: recipients.length, manual: true } });
  return { recipients: recipients.length };
}

/** Staff give one organisation a later deadline. */
export async function grantExtension(actor: Actor, key: ResponseKey, until: Date): Promise<void> {
  await authorize(actor, 'consultation.extension', { object: { type: 'Organisation', id: key.organisationId } });
  await db.$transaction(async (tx) => {
    const party = await tx.consultationParty.findUniqueOrThrow({ where: { consultationId_organisationId: key } });
    // A new deadline earns a new reminder.
    await tx.consultationParty.update({ where: { consultationId_organisationId: key }, data: { deadlineExtension: until, remindedAt: null } });
    await audit(actor, { action: 'consultation.extension', objectType: 'ConsultationParty', objectId: `${key.consultationId}:${key.organisationId}`, before: { until: party.deadlineExtension?.toISOString() ?? null }, after: { until: until.toISOString() } }, tx);
  });
}

/** Staff ask an organisation to answer particular proposals, with a note why. */
export async function assignProposals(actor: Actor, key: ResponseKey, proposalIds: string[], note: string | null): Promise<void> {
  await authorize(actor, 'consultation.assign', { object: { type: 'Organisation', id: key.organisationId } });
  await db.$transaction(async (tx) => {
    // Assigning nothing to a party that does not exist would otherwise pass as a change.
    const party = await tx.consultationParty.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { consultation: { select: { budgetId: true } } } });
    // The party answers the consultation's budget only; an unknown id fails on its foreign key.
    const proposals = await tx.proposal.findMany({ where: { id: { in: proposalIds } }, select: { budgetId: true } });
    if (proposals.some((proposal) => proposal.budgetId !== party.consultation.budgetId)) throw new DomainError('consultation.proposalOfOtherBudget');
    await tx.proposalAssignment.deleteMany({ where: key });
    await tx.proposalAssignment.createMany({ data: proposalIds.map((proposalId) => ({ ...key, proposalId, note })) });
    await audit(actor, { action: 'consultation.assign', objectType: 'ConsultationParty', objectId: `${key.consultationId}:${key.organisationId}`, after: { proposalIds, note } }, tx);
  });
}

/** Parties shown per page on the staff consultation page. */
export const PARTY_PAGE_SIZE = 15;

/**
 * One page of the parties of the staff consultation page, of one status or all, with the count per
 * status. An unknown status shows all; a page number that is not a whole number from 1 shows the
 * first page, one past the last the last.
 */
export function partyPage<P extends { status: PartyStatus }>(parties: readonly P[], status: unknown, page: unknown) {
  const shownStatus = (PARTY_STATUSES as readonly unknown[]).includes(status) ? (status as PartyStatus) : null;
  const matching = shownStatus ? parties.filter((party) => party.status === shownStatus) : [...parties];
  const pages = Math.max(1, Math.ceil(matching.length / PARTY_PAGE_SIZE));
  const requested = typeof page === 'string' && /^\d{1,7}$/.test(page) ? Number(page) : 1;
  const current = Math.min(Math.max(1, requested), pages);
  const counts = Object.fromEntries(PARTY_STATUSES.map((s) => [s, parties.filter((party) => party.status === s).length])) as Record<PartyStatus, number>;
  return { status: shownStatus, page: current, pages, matching: matching.length, counts, shown: matching.slice((current - 1) * PARTY_PAGE_SIZE, current * PARTY_PAGE_SIZE) };
}
