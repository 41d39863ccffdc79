import 'server-only';
import { effectiveDeadline, isBeforeDeadline } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import type { PartyStatus } from '@/lib/server/consultation-parties';
import { db } from '@/lib/server/db';
import { displayName } from '@/lib/server/personal-data';
import { authorize, mayReadConsultation, membershipOf, requireUser } from '@/lib/server/policy';
import { partyState, type ResponseKey } from '@/lib/server/responses/access';
import { receiptNumber } from '@/lib/server/responses/receipt';

// What a member reads: their consultations, and the response form with everything it shows.

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
