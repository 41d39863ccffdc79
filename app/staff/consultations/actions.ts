'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { chosenFile, copenhagenTime, requiredText, text } from '@/lib/form-schemas';
import { LIST_LIMITS, TEXT_LIMITS } from '@/lib/limits';
import { addConsultationDocument, removeConsultationDocument } from '@/lib/server/consultation-documents';
import { closeConsultation, createConsultation, openConsultation, publishConsultation, setConsultationParties, updateConsultation } from '@/lib/server/consultations';
import { formAction, type Revalidation } from '@/lib/server/form-action';
import { addModeration, removeModeration } from '@/lib/server/moderation';
import { registerResponse } from '@/lib/server/registered-responses';
import { assignProposals, remindParty } from '@/lib/server/consultation-parties';
import { ModerationKind, Stance } from '@/lib/generated/prisma/enums';

const id = recordId;

const pathOf = (consultationId: string) => `/staff/consultations/${consultationId}`;

/** The staff pages of the consultation and its public pages. */
const consultationPages = ({ consultationId }: { consultationId: string }): Revalidation[] => [
  { path: pathOf(consultationId), type: 'layout' },
  `/consultations/${consultationId}`,
  '/consultations',
];

const bytesOf = async (file: File) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });

const details = {
  title: requiredText(TEXT_LIMITS.consultationTitle),
  description: text(TEXT_LIMITS.consultationDescription),
  deadline: copenhagenTime,
};

export const createConsultationAction = formAction(z.object({ ...details, budgetId: id }), (input, { actor }) => createConsultation(actor, input), {
  revalidate: () => ['/staff/consultations'],
  success: (created) => redirect(pathOf(created.id)),
});

export const updateConsultationAction = formAction(
  z.object({ ...details, consultationId: id }),
  ({ consultationId, ...input }, { actor }) => updateConsultation(actor, consultationId, input),
  { revalidate: consultationPages, success: 'forms.saved' },
);

export const changePhaseAction = formAction(
  z.object({ consultationId: id, phase: z.enum(['open', 'close']) }),
  async ({ consultationId, phase }, { actor }) => (phase === 'open' ? await openConsultation(actor, consultationId) : await closeConsultation(actor, consultationId)),
  {
    revalidate: consultationPages,
    // Opening tells who was notified; closing has nothing to tell.
    success: (told, { phase }) =>
      told
        ? { status: 'success', message: 'consultations.opened', params: { notified: told.notified.length, withoutMembers: told.withoutMembers.join(', ') || '–' } }
        : { status: 'success', message: `consultations.phaseChanged.${phase}` },
  },
);

// Publishing names the number of responses the summary showed, and the box confirming it.
export const publishConsultationAction = formAction(
  z.object({
    consultationId: id,
    published: z.coerce.number().int().min(0).max(100_000),
    confirm: z.literal('on', { error: 'consultations.publication.confirmRequired' }),
  }),
  ({ consultationId, published }, { actor }) => publishConsultation(actor, consultationId, { published }),
  { revalidate: consultationPages, success: 'consultations.phaseChanged.publish' },
);

export const setPartiesAction = formAction(
  z.object({ consultationId: id, organisationIds: z.array(id).max(LIST_LIMITS.parties) }),
  ({ consultationId, organisationIds }, { actor }) => setConsultationParties(actor, consultationId, organisationIds),
  {
    input: (values, formData) => ({ ...values, organisationIds: formData.getAll('organisationId') }),
    revalidate: consultationPages,
    success: (result) => ({ status: 'success', message: 'consultations.partiesSaved', params: { added: result.added, removed: result.removed, notified: result.notified.length } }),
  },
);

const party = { consultationId: id, organisationId: id };

export const remindPartyAction = formAction(z.object(party), (key, { actor }) => remindParty(actor, key), {
  revalidate: consultationPages,
  success: (sent) => ({ status: 'success', message: 'consultations.reminded', params: { count: sent.recipients } }),
});

export const assignProposalsAction = formAction(
  z.object({ ...party, proposalIds: z.array(id).max(LIST_LIMITS.proposals), note: text(TEXT_LIMITS.assignmentNote) }),
  ({ proposalIds, note, ...key }, { actor }) => assignProposals(actor, key, proposalIds, note || null),
  { input: (values, formData) => ({ ...values, proposalIds: formData.getAll('proposalId') }), revalidate: consultationPages, success: 'forms.saved' },
);

export const addDocumentAction = formAction(
  z.object({ consultationId: id, title: requiredText(TEXT_LIMITS.documentTitle), file: chosenFile('responses.noFile') }),
  async ({ consultationId, title, file }, { actor }) => addConsultationDocument(actor, consultationId, { title, file: await bytesOf(file) }),
  { input: (values, formData) => ({ ...values, file: formData.get('file') }), fields: { pdf: 'file' }, revalidate: consultationPages, success: 'forms.saved' },
);

export const removeDocumentAction = formAction(
  z.object({ consultationId: id, documentId: id }),
  ({ documentId }, { actor }) => removeConsultationDocument(actor, documentId),
  { revalidate: consultationPages, success: 'consultations.documentRemoved' },
);

const registeredAnswer = z.object({ stance: z.enum(Stance).nullable(), comment: text(TEXT_LIMITS.comment) });

// Answers come as stance-<proposalId> and comment-<proposalId>; a proposal without either is left
// out. A problem with one is reported at its comment field.
const registerForm = z
  .looseObject({
    ...party,
    channel: z.enum(['EMAIL', 'LETTER']),
    receivedAt: copenhagenTime,
    generalRemarks: text(TEXT_LIMITS.generalRemarks),
    publicationConsent: z.literal('on').optional(),
    proposalIds: z.array(id).max(LIST_LIMITS.proposals),
    original: chosenFile('consultations.originalRequired'),
  })
  .transform((form, context) => {
    const answers: { proposalId: string; stance: Stance | null; comment: string }[] = [];
    for (const proposalId of form.proposalIds) {
      const answer = registeredAnswer.safeParse({ stance: form[`stance-${proposalId}`] || null, comment: form[`comment-${proposalId}`] ?? '' });
      if (!answer.success) {
        for (const issue of answer.error.issues) context.addIssue({ ...issue, path: [`comment-${proposalId}`] });
      } else if (answer.data.stance || answer.data.comment) answers.push({ proposalId, ...answer.data });
    }
    return { ...form, answers };
  });

export const registerResponseAction = formAction(
  registerForm,
  async ({ consultationId, organisationId, channel, receivedAt, generalRemarks, publicationConsent, answers, original }, { actor }) =>
    registerResponse(actor, { consultationId, organisationId }, { channel, receivedAt, generalRemarks, publicationConsent: publicationConsent === 'on', answers, original: await bytesOf(original) }),
  {
    input: (values, formData) => ({ ...values, proposalIds: formData.getAll('proposalId'), original: formData.get('original') }),
    fields: { pdf: 'original' },
    revalidate: consultationPages,
    success: (receipt) => ({ status: 'success', message: 'consultations.registered', params: { receipt: receipt.receiptNumber } }),
  },
);

// A redaction names its passage; hiding takes the whole text.
const moderationForm = z
  .object({
    ...party,
    target: requiredText(TEXT_LIMITS.responseTarget),
    kind: z.enum(ModerationKind),
    passage: z.string().max(TEXT_LIMITS.passage).default(''),
    reason: requiredText(TEXT_LIMITS.moderationReason),
  })
  .refine((form) => form.kind !== 'REDACT' || form.passage.trim(), { path: ['passage'], error: 'forms.required' });

export const addModerationAction = formAction(
  moderationForm,
  ({ consultationId, organisationId, ...input }, { actor }) => addModeration(actor, { consultationId, organisationId }, { ...input, passage: input.kind === 'REDACT' ? input.passage : null }),
  { revalidate: consultationPages, success: (_moderation, { kind }) => ({ status: 'success', message: `consultations.moderated.${kind}` }) },
);

export const removeModerationAction = formAction(
  z.object({ consultationId: id, moderationId: id }),
  ({ moderationId }, { actor }) => removeModeration(actor, moderationId),
  { revalidate: consultationPages, success: 'consultations.moderationRemoved' },
);
