import 'server-only';
import { phaseAllows, type ConsultationTransition, type PhaseChange } from '@/lib/consultation-phases';
import { DomainError } from '@/lib/server/errors';
import { effectiveDeadline, isBeforeDeadline } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { mailParty, memberAddresses } from '@/lib/server/mail';
import { nameReviewsOf } from '@/lib/server/name-review';
import { authorize, type PlainAction } from '@/lib/server/policy';
import type { PartyStatus } from '@/lib/server/consultation-parties';
import { parseSnapshot } from '@/lib/submission-snapshot';
import type { ConsultationStatus, Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export interface ConsultationInput {
  title: string;
  description: string;
  deadline: Date;
}

async function authorizeOn(actor: Actor, action: PlainAction & `consultation.${string}`, consultationId?: string) {
  await authorize(actor, action, { object: consultationId ? { type: 'Consultation', id: consultationId } : undefined });
}

/** Locks the consultation row so that phase changes and party changes run one at a time. */
async function lockConsultation(id: string, tx: Tx) {
  await tx.$queryRaw`SELECT id FROM "Consultation" WHERE id = ${id} FOR UPDATE`;
  return tx.consultation.findUniqueOrThrow({ where: { id } });
}

/** Refuses what the phase does not allow (lib/consultation-phases.ts). */
export function requirePhase(status: ConsultationStatus, step: ConsultationTransition | PhaseChange) {
  if (!phaseAllows(step, status)) throw new DomainError('consultation.wrongPhase');
}

export async function listConsultations(actor: Actor) {
  await authorizeOn(actor, 'consultation.list');
  return db.consultation.findMany({
    orderBy: { deadline: 'desc' },
    include: { budget: { select: { name: true } }, _count: { select: { parties: true, responses: { where: { status: 'SUBMITTED' } } } } },
  });
}

export async function listBudgets(actor: Actor) {
  await authorizeOn(actor, 'consultation.list');
  return db.budget.findMany({ orderBy: { name: 'desc' }, select: { id: true, name: true } });
}

export async function createConsultation(actor: Actor, input: ConsultationInput & { budgetId: string }): Promise<{ id: string }> {
  await authorizeOn(actor, 'consultation.create');
  if (!isBeforeDeadline(new Date(), input.deadline)) throw new DomainError('consultation.deadlineInPast');
  return db.$transaction(async (tx) => {
    const consultation = await tx.consultation.create({ data: input });
    await audit(actor, { action: 'consultation.create', objectType: 'Consultation', objectId: consultation.id, after: { ...input, deadline: input.deadline.toISOString() } }, tx);
    return { id: consultation.id };
  });
}

/** Title, description and deadline can change until the responses are published. */
export async function updateConsultation(actor: Actor, id: string, input: ConsultationInput): Promise<void> {
  await authorizeOn(actor, 'consultation.update', id);
  await db.$transaction(async (tx) => {
    const before = await lockConsultation(id, tx);
    requirePhase(before.status, 'details');
    await tx.consultation.update({ where: { id }, data: input });
    // A new deadline earns a new reminder, except where the party has its own.
    if (before.deadline.getTime() !== input.deadline.getTime()) {
      await tx.consultationParty.updateMany({ where: { consultationId: id, deadlineExtension: null }, data: { remindedAt: null } });
    }
    await audit(
      actor,
      {
        action: 'consultation.update',
        objectType: 'Consultation',
        objectId: id,
        before: { title: before.title, description: before.description, deadline: before.deadline.toISOString() },
        after: { ...input, deadline: input.deadline.toISOString() },
      },
      tx,
    );
  });
}

/**
 * The consultation with everything the staff page shows; null when there is none. `only` reads
 * one party of it (and its response), for that party's own page.
 */
export async function getConsultationForStaff(actor: Actor, id: string, only?: { organisationId: string }) {
  await authorizeOn(actor, 'consultation.read', id);
  const consultation = await db.consultation.findUnique({
    where: { id },
    include: {
      budget: { select: { name: true } },
      documents: { orderBy: { createdAt: 'asc' } },
      parties: {
        where: only,
        include: {
          organisation: { include: { memberships: { select: { userId: true } } } },
          assignments: { include: { proposal: { select: { code: true } } } },
        },
        orderBy: { organisation: { name: 'asc' } },
      },
      responses: { where: only, select: { organisationId: true, status: true, channel: true, updatedAt: true } },
    },
  });
  if (!consultation) return null;
  const [organisations, proposals] = await Promise.all([
    db.organisation.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, type: true } }),
    db.proposal.findMany({ where: { budgetId: consultation.budgetId }, orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }], select: { id: true, code: true, title: true } }),
  ]);
  const now = new Date();
  return {
    ...consultation,
    organisations,
    proposals,
    parties: consultation.parties.map((party) => {
      const response = consultation.responses.find((r) => r.organisationId === party.organisationId);
      const deadline = effectiveDeadline(consultation.deadline, party.deadlineExtension);
      const status: PartyStatus =
        response?.status === 'SUBMITTED' ? 'SUBMITTED' : consultation.status !== 'DRAFT' && !isBeforeDeadline(now, deadline) ? 'LATE' : response ? 'DRAFT' : 'NOT_STARTED';
      return {
        organisationId: party.organisationId,
        organisationName: party.organisation.name,
        organisationType: party.organisation.type,
        members: party.organisation.memberships.length,
        deadline,
        extended: party.deadlineExtension !== null,
        notifiedAt: party.notifiedAt,
        remindedAt: party.remindedAt,
        status,
        channel: response?.channel ?? null,
        lastActivity: response?.updatedAt ?? null,
        assignments: party.assignments.map((a) => ({ proposalId: a.proposalId, code: a.proposal.code, note: a.note })),
      };
    }),
  };
}

/**
 * Mails the members of every party not yet told that the consultation is open, once each.
 * Returns the parties told and those that have no members to tell.
 */
async function notifyParties(consultationId: string, tx: Tx) {
  const consultation = await tx.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    include: { parties: { where: { notifiedAt: null }, include: { organisation: { include: { memberships: { include: { user: { select: { email: true, erasedAt: true } } } } } } } } },
  });
  const notified: string[] = [];
  const withoutMembers: string[] = [];
  const mails: Parameters<typeof mailParty>[1][] = [];
  for (const party of consultation.parties) {
    const recipients = memberAddresses(party.organisation.memberships);
    if (recipients.length === 0) {
      withoutMembers.push(party.organisation.name);
      continue;
    }
    await tx.consultationParty.update({ where: { consultationId_organisationId: { consultationId, organisationId: party.organisationId } }, data: { notifiedAt: new Date() } });
    notified.push(party.organisation.name);
    mails.push({ recipients, organisation: party.organisation.name, consultation: consultation.title, deadline: effectiveDeadline(consultation.deadline, party.deadlineExtension), key: party });
  }
  return { notified, withoutMembers, mails };
}

async function sendAll(mails: Parameters<typeof mailParty>[1][]) {
  for (const mail of mails) {
    // The phase change stands; a failed mail is logged, and staff can send a reminder.
    await mailParty('consultationOpen', mail).catch((error: unknown) => console.error('Consultation mail failed for', mail.organisation, error));
  }
}

/**
 * Chooses the consulted organisations. A party that has started a response stays; parties added
 * while the consultation is open are told at once.
 */
export async function setConsultationParties(actor: Actor, id: string, organisationIds: string[]) {
  await authorizeOn(actor, 'consultation.parties.set', id);
  const { result, mails } = await db.$transaction(async (tx) => {
    const consultation = await lockConsultation(id, tx);
    requirePhase(consultation.status, 'parties');
    const current = await tx.consultationParty.findMany({ where: { consultationId: id }, select: { organisationId: true } });
    const wanted = new Set(organisationIds);
    const removed = current.map((p) => p.organisationId).filter((orgId) => !wanted.has(orgId));
    const added = [...wanted].filter((orgId) => !current.some((p) => p.organisationId === orgId));
    if (removed.length && (await tx.response.count({ where: { consultationId: id, organisationId: { in: removed } } })) > 0) {
      throw new DomainError('consultation.partyHasResponse');
    }
    await tx.consultationParty.deleteMany({ where: { consultationId: id, organisationId: { in: removed } } });
    await tx.consultationParty.createMany({ data: added.map((organisationId) => ({ consultationId: id, organisationId })) });
    await audit(actor, { action: 'consultation.parties.set', objectType: 'Consultation', objectId: id, after: { added, removed } }, tx);
    const told = consultation.status === 'OPEN' ? await notifyParties(id, tx) : { notified: [], withoutMembers: [], mails: [] };
    return { result: { added: added.length, removed: removed.length, notified: told.notified, withoutMembers: told.withoutMembers }, mails: told.mails };
  });
  await sendAll(mails);
  return result;
}

/** Opens a draft consultation (or reopens a closed one): members of every party not yet told get an e-mail. */
export async function openConsultation(actor: Actor, id: string): Promise<{ notified: string[]; withoutMembers: string[] }> {
  await authorizeOn(actor, 'consultation.open', id);
  const { result, mails } = await db.$transaction(async (tx) => {
    const consultation = await lockConsultation(id, tx);
    requirePhase(consultation.status, 'open');
    if (!isBeforeDeadline(new Date(), consultation.deadline)) throw new DomainError('consultation.deadlineInPast');
    if ((await tx.consultationParty.count({ where: { consultationId: id } })) === 0) throw new DomainError('consultation.noParties');
    // The first opening counts: moves after it are announced on the proposals' public pages.
    await tx.consultation.update({ where: { id }, data: { status: 'OPEN', openedAt: consultation.openedAt ?? new Date() } });
    const { mails, ...told } = await notifyParties(id, tx);
    await audit(actor, { action: 'consultation.open', objectType: 'Consultation', objectId: id, before: { status: consultation.status }, after: { status: 'OPEN', ...told } }, tx);
    return { result: told, mails };
  });
  await sendAll(mails);
  return result;
}

/** Ends the consultation: no more changes to responses, whatever the deadlines say. */
export async function closeConsultation(actor: Actor, id: string): Promise<void> {
  await authorizeOn(actor, 'consultation.close', id);
  await db.$transaction(async (tx) => {
    const consultation = await lockConsultation(id, tx);
    requirePhase(consultation.status, 'close');
    await tx.consultation.update({ where: { id }, data: { status: 'CLOSED' } });
    await audit(actor, { action: 'consultation.close', objectType: 'Consultation', objectId: id, before: { status: 'OPEN' }, after: { status: 'CLOSED' } }, tx);
  });
}

export interface PublicationSummary {
  /** Responses that become public. */
  published: number;
  /** Of those, published without personal names. */
  withoutNames: number;
  /** Responses withheld, by why. */
  withheld: { noConsent: number; notSubmitted: number };
  /** Answers marked not for publication in the published responses; they are left out. */
  confidentialAnswers: number;
  /** Responses without name consent whose name review is missing or open again. */
  namesPending: number;
}

async function summarise(id: string, tx: Tx | typeof db): Promise<PublicationSummary> {
  const [parties, responses, reviews] = await Promise.all([
    tx.consultationParty.count({ where: { consultationId: id } }),
    tx.response.findMany({ where: { consultationId: id, status: 'SUBMITTED' }, select: { submissions: { orderBy: { version: 'desc' }, take: 1, select: { snapshot: true } } } }),
    nameReviewsOf(id, tx),
  ]);
  const snapshots = responses.flatMap((r) => r.submissions.map((s) => parseSnapshot(s.snapshot)));
  const published = snapshots.filter((s) => s.publicationConsent);
  return {
    published: published.length,
    withoutNames: published.filter((s) => !s.namesConsent).length,
    withheld: { noConsent: snapshots.length - published.length, notSubmitted: parties - snapshots.length },
    confidentialAnswers: published.reduce((sum, s) => sum + s.answers.filter((a) => a.confidential).length, 0),
    namesPending: reviews.filter((r) => !r.reviewed).length,
  };
}

/** What publishing would make public and what it would withhold, for staff to confirm. */
export async function publicationSummary(actor: Actor, id: string): Promise<PublicationSummary> {
  await authorizeOn(actor, 'consultation.publish.summary', id);
  return summarise(id, db);
}

/**
 * Publishes the consultation's responses, once no party can still respond: the consultation is
 * closed, or every party's deadline (extensions included) has passed. Every response published
 * without names must have had its name review, and staff confirm the summary they were shown:
 * when the number of responses to publish has changed since, nothing is published.
 * Publication is final.
 */
export async function publishConsultation(actor: Actor, id: string, confirmed: { published: number }): Promise<void> {
  await authorizeOn(actor, 'consultation.publish', id);
  await db.$transaction(async (tx) => {
    const consultation = await lockConsultation(id, tx);
    requirePhase(consultation.status, 'publish');
    if (consultation.status === 'OPEN') {
      const parties = await tx.consultationParty.findMany({ where: { consultationId: id } });
      const now = new Date();
      const stillOpen = [consultation.deadline, ...parties.map((p) => effectiveDeadline(consultation.deadline, p.deadlineExtension))].some((deadline) => isBeforeDeadline(now, deadline));
      if (stillOpen) throw new DomainError('consultation.deadlineNotPassed');
    }
    const summary = await summarise(id, tx);
    if (summary.namesPending > 0) throw new DomainError('consultation.namesNotReviewed', { params: { count: summary.namesPending } });
    if (summary.published !== confirmed.published) throw new DomainError('consultation.publicationChanged', { params: { count: summary.published } });
    const publishedAt = new Date();
    await tx.consultation.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt } });
    await audit(
      actor,
      { action: 'consultation.publish', objectType: 'Consultation', objectId: id, before: { status: consultation.status }, after: { status: 'PUBLISHED', publishedAt: publishedAt.toISOString() }, details: { ...summary } },
      tx,
    );
  });
}
