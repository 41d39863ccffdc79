import 'server-only';
import { DomainError } from '@/lib/server/errors';
import { createTranslator } from 'next-intl';
import { phaseAllows } from '@/lib/consultation-phases';
import { effectiveDeadline, formatCopenhagen, isBeforeDeadline } from '@/lib/deadline';
import { renderReceiptPdf } from '@/lib/receipt-pdf';
import da from '@/lib/i18n/messages/da.json';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { mailText, memberAddresses, queueMail } from '@/lib/server/mail';
import { municipalityLetterhead } from '@/lib/server/municipality';
import { displayName } from '@/lib/server/personal-data';
import { authorize, deny, mayReadConsultation, membershipOf, requireUser, type Action } from '@/lib/server/policy';
import type { Stance } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SubmissionSnapshot } from '@/lib/submission-snapshot';


export interface ResponseKey {
  consultationId: string;
  organisationId: string;
}

type Tx = Prisma.TransactionClient;

export function receiptNumber(submissionId: bigint): string {
  return `BH-${submissionId.toString().padStart(6, '0')}`;
}

/** The party's effective deadline and whether the consultation takes changes now. */
async function partyState(key: ResponseKey, client: Tx | typeof db = db) {
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
async function assertMayChange(actor: Actor, key: ResponseKey, action: DraftAction | 'response.submit' | 'response.reopen', tx: Tx) {
  await authorize(actor, action, { organisationId: key.organisationId, client: tx, object: { type: 'Organisation', id: key.organisationId } });
  const state = await partyState(key, tx);
  if (!state) throw new DomainError('response.notConsulted');
  if (!phaseAllows('responses', state.party.consultation.status)) throw new DomainError('response.notOpen');
  if (!state.open) throw new DomainError('response.deadlinePassed');
  return state;
}

/** The response row, created on the first change; concurrent first changes share one row. */
async function responseFor(key: ResponseKey, tx: Tx) {
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


export const PARTY_STATUSES = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'LATE'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** The consultations of every organisation the user belongs to, with deadline and status. */
export async function listMyConsultations(actor: Actor) {
  const { userId } = await requireUser(actor, 'response.list');
  const memberships = await db.membership.findMany({
    where: { userId },
    include: {
      organisation: {
        include: {
          // Drafts are staff's alone (mayReadConsultation).
          parties: { include: { consultation: true }, where: { consultation: { status: { not: 'DRAFT' } } } },
          responses: { select: { consultationId: true, status: true, updatedAt: true } },
        },
      },
    },
  });
  const now = new Date();
  return memberships.flatMap(({ organisation, role }) =>
    organisation.parties.map((party) => {
      const response = organisation.responses.find((r) => r.consultationId === party.consultationId);
      const deadline = effectiveDeadline(party.consultation.deadline, party.deadlineExtension);
      const status: PartyStatus =
        response?.status === 'SUBMITTED' ? 'SUBMITTED' : !isBeforeDeadline(now, deadline) ? 'LATE' : response ? 'DRAFT' : 'NOT_STARTED';
      return { consultationId: party.consultationId, title: party.consultation.title, organisationId: organisation.id, organisationName: organisation.name, role, deadline, status };
    }),
  );
}

/** Everything the response form shows. Members of the organisation and staff may read a draft. */
export async function getResponseWorkspace(actor: Actor, key: ResponseKey) {
  await authorize(actor, 'response.read', { organisationId: key.organisationId, object: { type: 'Organisation', id: key.organisationId } });
  const role = await membershipOf(actor, key.organisationId);
  const state = await partyState(key);
  // A party chosen for a draft consultation learns of it when it opens, not before.
  if (!state || !mayReadConsultation(actor, state.party.consultation)) return null;
  const { party, deadline, open } = state;
  const [proposals, assignments, response] = await Promise.all([
    db.proposal.findMany({
      where: { budgetId: party.consultation.budgetId },
      orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }],
      select: { id: true, code: true, title: true, list: { select: { name: true } } },
    }),
    db.proposalAssignment.findMany({ where: key }),
    db.response.findUnique({
      where: { consultationId_organisationId: key },
      include: {
        updatedBy: { select: { name: true, email: true, erasedAt: true } },
        answers: { include: { updatedBy: { select: { name: true, email: true, erasedAt: true } } } },
        submissions: { orderBy: { version: 'desc' }, include: { submittedBy: { select: { name: true, email: true, erasedAt: true } } } },
        minorityStatements: { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true, email: true, erasedAt: true } } } },
        attachments: { orderBy: { createdAt: 'asc' } },
      },
    }),
  ]);
  const assigned = new Map(assignments.map((a) => [a.proposalId, a.note]));
  const answers = new Map(response?.answers.map((a) => [a.proposalId, a]));
  const ordered = [...proposals].sort((a, b) => Number(assigned.has(b.id)) - Number(assigned.has(a.id)));
  return {
    consultation: { id: party.consultation.id, title: party.consultation.title, description: party.consultation.description },
    organisation: { id: party.organisation.id, name: party.organisation.name },
    deadline,
    open,
    membershipRole: role,
    status: response?.status ?? 'DRAFT',
    generalRemarks: { text: response?.generalRemarks ?? '', version: response?.generalRemarksVersion ?? 0 },
    publicationConsent: response?.publicationConsent ?? false,
    namesConsent: response?.namesConsent ?? false,
    lastEdit: response ? { by: displayName(response.updatedBy), at: response.updatedAt } : null,
    proposals: ordered.map((proposal) => {
      const answer = answers.get(proposal.id);
      return {
        id: proposal.id,
        code: proposal.code,
        title: proposal.title,
        list: proposal.list.name,
        assigned: assigned.has(proposal.id),
        assignmentNote: assigned.get(proposal.id) ?? null,
        stance: answer?.stance ?? null,
        comment: answer?.comment ?? '',
        confidential: answer?.confidential ?? false,
        version: answer?.version ?? 0,
        lastEdit: answer ? { by: displayName(answer.updatedBy), at: answer.updatedAt } : null,
      };
    }),
    submissions: (response?.submissions ?? []).map((s) => ({
      version: s.version,
      receiptNumber: receiptNumber(s.id),
      submittedAt: s.submittedAt,
      by: displayName(s.submittedBy),
    })),
    minorityStatements: (response?.minorityStatements ?? []).map((m) => ({ id: m.id, text: m.text, author: displayName(m.author), createdAt: m.createdAt, mine: actor.kind === 'user' && m.authorId === actor.userId })),
    attachments: (response?.attachments ?? []).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
  };
}

export type SaveResult =
  | { ok: true; version: number; editedBy: string | null }
  | { ok: false; conflict: { text: string; version: number; editedBy: string | null } };

async function editor(actor: Actor, tx: Tx) {
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

/**
 * Saves the general remarks if nobody saved them since `expectedVersion`; otherwise returns
 * the other member's text so the user can merge, never overwriting it silently.
 */
export async function saveGeneralRemarks(actor: Actor, key: ResponseKey, input: { text: string; expectedVersion: number }): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const { response, user } = await editableDraft(actor, key, tx);
    const updated = await tx.response.updateMany({
      where: { id: response.id, generalRemarksVersion: input.expectedVersion },
      data: { generalRemarks: input.text, generalRemarksVersion: { increment: 1 }, updatedById: user?.id },
    });
    const current = await tx.response.findUniqueOrThrow({ where: { id: response.id }, include: { updatedBy: true } });
    if (updated.count === 0) return { ok: false, conflict: { text: current.generalRemarks, version: current.generalRemarksVersion, editedBy: displayName(current.updatedBy) } };
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

/** Locks the draft for its submission (by a member or, registered, by staff); refused once submitted. */
export async function lockDraftForSubmission(key: ResponseKey, tx: Tx) {
  return lockedDraft(key, tx, 'update');
}

/**
 * Freezes the response as its next numbered submission, marks it submitted and audits it.
 * The caller holds the response row's lock.
 */
export async function freezeSubmission(actor: Actor, responseId: string, user: { id: string; name: string | null; email: string } | null, tx: Tx) {
  const full = await tx.response.findUniqueOrThrow({
    where: { id: responseId },
    include: {
      answers: { include: { proposal: { select: { code: true, title: true, list: { select: { position: true } }, position: true } } } },
      minorityStatements: { include: { author: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      attachments: { select: { fileName: true } },
    },
  });
  const last = await tx.submission.findFirst({ where: { responseId }, orderBy: { version: 'desc' } });
  const snapshot: SubmissionSnapshot = {
    generalRemarks: full.generalRemarks,
    publicationConsent: full.publicationConsent,
    namesConsent: full.namesConsent,
    answers: full.answers
      .filter((a) => a.stance || a.comment.trim())
      .sort((a, b) => a.proposal.list.position - b.proposal.list.position || a.proposal.position - b.proposal.position)
      .map((a) => ({ proposalId: a.proposalId, code: a.proposal.code, title: a.proposal.title, stance: a.stance, comment: a.comment, confidential: a.confidential, version: a.version, proposalVersion: a.proposalVersion })),
    // Names only, never an address in place of a missing name: the snapshot is read by the council
    // and, with consent, the public. The author's id lets erasure find them (personal-data.ts).
    minorityStatements: full.minorityStatements.map((m) => ({ id: m.id, authorId: m.authorId, author: m.author?.name ?? null, text: m.text })),
    attachments: full.attachments.map((a) => a.fileName),
    submittedBy: user?.name ?? null,
    channel: full.channel,
  };
  const created = await tx.submission.create({ data: { responseId, version: (last?.version ?? 0) + 1, submittedById: user?.id, snapshot } });
  await tx.response.update({ where: { id: responseId }, data: { status: 'SUBMITTED' } });
  await audit(actor, { action: 'response.submit', objectType: 'Response', objectId: responseId, after: { version: created.version, receipt: receiptNumber(created.id), channel: full.channel } }, tx);
  // The receipt to the organisation's members names the submitter even without a name; it is mailed, not kept.
  return { ...created, snapshot, submitter: user ? (user.name ?? user.email) : null };
}

const responseLabels = createTranslator({ locale: 'da', messages: da, namespace: 'responses' });

/**
 * Submits the response in one transaction: a frozen, numbered version with a receipt number.
 * The receipt mail with a PDF copy goes to the organisation's members after the commit.
 */
export async function submitResponse(actor: Actor, key: ResponseKey): Promise<{ receiptNumber: string; version: number }> {
  const frozen = await db.$transaction(async (tx) => {
    const { party } = await assertMayChange(actor, key, 'response.submit', tx);
    const response = await lockDraftForSubmission(key, tx);
    const submission = await freezeSubmission(actor, response.id, await editor(actor, tx), tx);
    return { submission, organisationName: party.organisation.name, consultationTitle: party.consultation.title };
  });
  return deliverReceipt(key.organisationId, frozen);
}

type FrozenSubmission = Awaited<ReturnType<typeof freezeSubmission>>;

/** Mails the receipt with a PDF copy to the organisation's members, after the submission committed. */
export async function deliverReceipt(
  organisationId: string,
  { submission, organisationName, consultationTitle }: { submission: FrozenSubmission; organisationName: string; consultationTitle: string },
): Promise<{ receiptNumber: string; version: number }> {
  const receipt = receiptNumber(submission.id);
  await sendReceipt(organisationId, { receipt, organisationName, consultationTitle, version: submission.version, submittedAt: submission.submittedAt, submitter: submission.submitter, snapshot: submission.snapshot }).catch(
    // The submission stands and its receipt shows on the page; a failed mail must not undo it.
    (error: unknown) => console.error('Receipt mail failed for', receipt, error),
  );
  return { receiptNumber: receipt, version: submission.version };
}

export interface ReceiptFacts {
  receipt: string;
  organisationName: string;
  consultationTitle: string;
  version: number;
  submittedAt: Date;
  submitter: string | null;
  snapshot: SubmissionSnapshot;
}

async function sendReceipt(organisationId: string, receipt: ReceiptFacts) {
  const submittedAt = formatCopenhagen(receipt.submittedAt, 'da');
  const pdf = await receiptPdf(receipt);
  const members = await db.membership.findMany({ where: { organisationId }, include: { user: { select: { email: true, erasedAt: true } } } });
  const subject = mailText('receiptSubject', { receipt: receipt.receipt });
  const text = mailText('receiptBody', { organisation: receipt.organisationName, consultation: receipt.consultationTitle, receipt: receipt.receipt, submittedAt, version: receipt.version });
  const attachments = [{ filename: `kvittering-${receipt.receipt}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' }];
  await queueMail(memberAddresses(members).map((to) => ({ to, subject, text, attachments })));
}

/** The receipt's PDF copy: the one the mail attaches and the receipt page downloads. */
export async function receiptPdf(receipt: ReceiptFacts): Promise<Uint8Array> {
  const t = responseLabels;
  const submittedAt = formatCopenhagen(receipt.submittedAt, 'da');
  return renderReceiptPdf({
    letterhead: await municipalityLetterhead(),
    receiptNumber: receipt.receipt,
    consultationTitle: receipt.consultationTitle,
    organisationName: receipt.organisationName,
    version: receipt.version,
    submittedAt,
    submittedBy: receipt.submitter ?? '',
    generalRemarks: receipt.snapshot.generalRemarks,
    publicationConsent: receipt.snapshot.publicationConsent,
    answers: receipt.snapshot.answers.map((a) => ({ code: a.code, title: a.title, stance: a.stance ? t(`stances.${a.stance}`) : null, comment: a.comment, confidential: a.confidential })),
    minorityStatements: receipt.snapshot.minorityStatements.map((m) => ({ author: m.author ?? '', text: m.text })),
    attachments: receipt.snapshot.attachments,
    labels: {
      title: t('receipt.title'),
      receiptNumber: t('receipt.receiptNumber'),
      organisation: t('receipt.organisation'),
      submitted: t('receipt.submitted'),
      submittedBy: t('receipt.submittedBy'),
      version: t('receipt.version'),
      generalRemarks: t('generalRemarks'),
      answers: t('receipt.answers'),
      confidential: t('receipt.confidential'),
      publication: t('receipt.publication'),
      publicationYes: t('receipt.publicationYes'),
      publicationNo: t('receipt.publicationNo'),
      minorityStatements: t('minorityStatements'),
      attachments: t('attachments'),
      none: t('receipt.none'),
      // The renderer fills in {page} and {pages} itself.
      page: t.raw('receipt.page') as string,
    },
  });
}

/** A submitter reopens a submitted response to change it; it must be submitted again before the deadline. */
export async function reopenResponse(actor: Actor, key: ResponseKey): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertMayChange(actor, key, 'response.reopen', tx);
    const response = await responseFor(key, tx);
    const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
    if (row?.status !== 'SUBMITTED') throw new DomainError('response.notSubmitted');
    await tx.response.update({ where: { id: response.id }, data: { status: 'DRAFT' } });
    await audit(actor, { action: 'response.reopen', objectType: 'Response', objectId: response.id }, tx);
  });
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
    await tx.consultationParty.findUniqueOrThrow({ where: { consultationId_organisationId: key } });
    await tx.proposalAssignment.deleteMany({ where: key });
    await tx.proposalAssignment.createMany({ data: proposalIds.map((proposalId) => ({ ...key, proposalId, note })) });
    await audit(actor, { action: 'consultation.assign', objectType: 'ConsultationParty', objectId: `${key.consultationId}:${key.organisationId}`, after: { proposalIds, note } }, tx);
  });
}
