'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { copenhagenLocalToInstant } from '@/lib/deadline';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { addConsultationDocument, removeConsultationDocument } from '@/lib/server/consultation-documents';
import { closeConsultation, createConsultation, openConsultation, publishConsultation, remindParty, setConsultationParties, updateConsultation } from '@/lib/server/consultations';
import { PdfUploadError } from '@/lib/server/file-storage';
import { addModeration, removeModeration } from '@/lib/server/moderation';
import { registerResponse } from '@/lib/server/registered-responses';
import { assignProposals } from '@/lib/server/responses';
import { currentActor } from '@/lib/server/session';
import { ModerationKind, Stance } from '@/lib/generated/prisma/enums';

const id = recordId;
const required = (max: number) => z.string().trim().min(1, { error: 'forms.required' }).max(max, { error: 'forms.tooLong' });
// A datetime-local value read as Copenhagen time; impossible times (the spring-forward hour) are refused.
const copenhagenTime = z
  .string()
  .min(1, { error: 'forms.required' })
  .max(30)
  .transform((value, context) => {
    try {
      return copenhagenLocalToInstant(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'staff.invalidTime' });
      return z.NEVER;
    }
  });

/** Refusals of the consultation domain, mapped to their messages. */
const REFUSALS = {
  wrongPhase: 'consultations.errors.wrongPhase',
  deadlineInPast: 'consultations.errors.deadlineInPast',
  noParties: 'consultations.errors.noParties',
  deadlineNotPassed: 'consultations.errors.deadlineNotPassed',
  partyHasResponse: 'consultations.errors.partyHasResponse',
  submitted: 'consultations.errors.submitted',
  notConsulted: 'responses.errors.notConsulted',
  notOpen: 'consultations.errors.wrongPhase',
  notSubmitted: 'consultations.errors.notSubmitted',
  unknownTarget: 'consultations.errors.unknownTarget',
  passageNotFound: 'consultations.errors.passageNotFound',
  namesNotReviewed: 'consultations.errors.namesNotReviewed',
  publicationChanged: 'consultations.errors.publicationChanged',
};

const pathOf = (consultationId: string) => `/staff/consultations/${consultationId}`;

function revalidateConsultation(consultationId: string) {
  revalidatePath(pathOf(consultationId), 'layout');
  revalidatePath(`/consultations/${consultationId}`);
  revalidatePath('/consultations');
}

const detailsForm = z.object({ title: required(200), description: z.string().trim().max(5000, { error: 'forms.tooLong' }), deadline: copenhagenTime });

export async function createConsultationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = detailsForm.extend({ budgetId: recordId }).safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  let created: { id: string };
  try {
    created = await createConsultation(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidatePath('/staff/consultations');
  redirect(pathOf(created.id));
}

export async function updateConsultationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = detailsForm.extend({ consultationId: id }).safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { consultationId, ...details } = parsed.data;
  try {
    await updateConsultation(await currentActor(), consultationId, details);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(consultationId);
  return { status: 'success', message: 'forms.saved' };
}

const phaseForm = z.object({ consultationId: id, phase: z.enum(['open', 'close'], { error: 'forms.invalidChoice' }) });
const PHASE_CHANGES = { open: openConsultation, close: closeConsultation };

export async function changePhaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = phaseForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { consultationId, phase } = parsed.data;
  let told: { notified: string[]; withoutMembers: string[] } | void;
  try {
    told = await PHASE_CHANGES[phase](await currentActor(), consultationId);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(consultationId);
  if (told) {
    return {
      status: 'success',
      message: 'consultations.opened',
      params: { notified: told.notified.length, withoutMembers: told.withoutMembers.join(', ') || '–' },
    };
  }
  return { status: 'success', message: `consultations.phaseChanged.${phase}` };
}

// Publishing names the number of responses the summary showed, and the box confirming it.
const publishForm = z.object({
  consultationId: id,
  published: z.coerce.number({ error: 'forms.invalidChoice' }).int().min(0).max(100_000),
  confirm: z.literal('on', { error: 'consultations.publication.confirmRequired' }),
});

export async function publishConsultationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = publishForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await publishConsultation(await currentActor(), parsed.data.consultationId, { published: parsed.data.published });
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(parsed.data.consultationId);
  return { status: 'success', message: 'consultations.phaseChanged.publish' };
}

const partiesForm = z.object({ consultationId: id, organisationIds: z.array(id).max(1000) });

export async function setPartiesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = partiesForm.safeParse({ ...values, organisationIds: formData.getAll('organisationId') });
  if (!parsed.success) return fieldErrors(parsed.error, values);
  let result: Awaited<ReturnType<typeof setConsultationParties>>;
  try {
    result = await setConsultationParties(await currentActor(), parsed.data.consultationId, parsed.data.organisationIds);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(parsed.data.consultationId);
  return { status: 'success', message: 'consultations.partiesSaved', params: { added: result.added, removed: result.removed, notified: result.notified.length } };
}

const partyForm = z.object({ consultationId: id, organisationId: id });

export async function remindPartyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = partyForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  let sent: { recipients: number };
  try {
    sent = await remindParty(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(parsed.data.consultationId);
  return { status: 'success', message: 'consultations.reminded', params: { count: sent.recipients } };
}

const assignmentForm = partyForm.extend({ proposalIds: z.array(id).max(500), note: z.string().trim().max(1000, { error: 'forms.tooLong' }) });

export async function assignProposalsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = assignmentForm.safeParse({ ...values, proposalIds: formData.getAll('proposalId') });
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { proposalIds, note, ...key } = parsed.data;
  try {
    await assignProposals(await currentActor(), key, proposalIds, note || null);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(key.consultationId);
  return { status: 'success', message: 'forms.saved' };
}

function uploadedFile(formData: FormData, name: string): { name: string; bytes: Promise<ArrayBuffer> } | null {
  const file = formData.get(name);
  return file instanceof File && file.size > 0 ? { name: file.name, bytes: file.arrayBuffer() } : null;
}

export async function addDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = z.object({ consultationId: id, title: required(200) }).safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const file = uploadedFile(formData, 'file');
  if (!file) return { status: 'error', fieldErrors: { file: 'responses.noFile' }, values };
  try {
    await addConsultationDocument(await currentActor(), parsed.data.consultationId, { title: parsed.data.title, file: { name: file.name, bytes: new Uint8Array(await file.bytes) } });
  } catch (error) {
    if (error instanceof PdfUploadError) return { status: 'error', fieldErrors: { file: `responses.${error.reason}` }, values };
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(parsed.data.consultationId);
  return { status: 'success', message: 'forms.saved' };
}

export async function removeDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = z.object({ consultationId: id, documentId: id }).safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await removeConsultationDocument(await currentActor(), parsed.data.documentId);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(parsed.data.consultationId);
  return { status: 'success', message: 'consultations.documentRemoved' };
}

const registerForm = partyForm.extend({
  channel: z.enum(['EMAIL', 'LETTER'], { error: 'forms.invalidChoice' }),
  receivedAt: copenhagenTime,
  generalRemarks: z.string().trim().max(20_000, { error: 'forms.tooLong' }),
  publicationConsent: z.literal('on').optional(),
});
const registeredAnswer = z.object({ stance: z.enum(Stance, { error: 'forms.invalidChoice' }).nullable(), comment: z.string().trim().max(10_000, { error: 'forms.tooLong' }) });

export async function registerResponseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = registerForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  // Answers come as stance-<proposalId> and comment-<proposalId>; a proposal without either is left out.
  const answers: { proposalId: string; stance: Stance | null; comment: string }[] = [];
  for (const proposalId of formData.getAll('proposalId')) {
    if (typeof proposalId !== 'string' || !id.safeParse(proposalId).success) return { status: 'error', formError: 'forms.invalidChoice', fieldErrors: {}, values };
    const answer = registeredAnswer.safeParse({ stance: values[`stance-${proposalId}`] || null, comment: values[`comment-${proposalId}`] ?? '' });
    if (!answer.success) return { status: 'error', fieldErrors: { [`comment-${proposalId}`]: answer.error.issues[0]!.message }, values };
    if (answer.data.stance || answer.data.comment) answers.push({ proposalId, ...answer.data });
  }
  const original = uploadedFile(formData, 'original');
  if (!original) return { status: 'error', fieldErrors: { original: 'consultations.originalRequired' }, values };
  const { consultationId, organisationId, channel, receivedAt, generalRemarks, publicationConsent } = parsed.data;
  let receipt: { receiptNumber: string };
  try {
    receipt = await registerResponse(await currentActor(), { consultationId, organisationId }, {
      channel,
      receivedAt,
      generalRemarks,
      publicationConsent: publicationConsent === 'on',
      answers,
      original: { name: original.name, bytes: new Uint8Array(await original.bytes) },
    });
  } catch (error) {
    if (error instanceof PdfUploadError) return { status: 'error', fieldErrors: { original: `responses.${error.reason}` }, values };
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(consultationId);
  return { status: 'success', message: 'consultations.registered', params: { receipt: receipt.receiptNumber } };
}

const moderationForm = partyForm.extend({
  target: z.string().min(1).max(200),
  kind: z.enum(ModerationKind, { error: 'forms.invalidChoice' }),
  passage: z.string().max(5000, { error: 'forms.tooLong' }),
  reason: required(1000),
});

export async function addModerationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = moderationForm.safeParse({ passage: '', ...values });
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { consultationId, organisationId, ...input } = parsed.data;
  if (input.kind === 'REDACT' && !input.passage.trim()) return { status: 'error', fieldErrors: { passage: 'forms.required' }, values };
  try {
    await addModeration(await currentActor(), { consultationId, organisationId }, { ...input, passage: input.kind === 'REDACT' ? input.passage : null });
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(consultationId);
  return { status: 'success', message: `consultations.moderated.${input.kind}` };
}

export async function removeModerationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = z.object({ consultationId: id, moderationId: id }).safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await removeModeration(await currentActor(), parsed.data.moderationId);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidateConsultation(parsed.data.consultationId);
  return { status: 'success', message: 'consultations.moderationRemoved' };
}
