'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { fieldErrors, formError, formValues, type FormState } from '@/lib/form-state';
import { withoutControlCharacters } from '@/lib/input';
import { failure } from '@/lib/server/action-errors';
import { addAttachment } from '@/lib/server/attachments';
import { PdfUploadError } from '@/lib/server/file-storage';
import {
  addMinorityStatement,
  deleteMinorityStatement,
  editMinorityStatement,
  reopenResponse,
  saveAnswer,
  saveConsent,
  saveGeneralRemarks,
  submitResponse,
  type SaveResult,
} from '@/lib/server/responses';
import { ANSWER_LIMITS } from '@/lib/response-limits';
import { consumeLimit } from '@/lib/server/rate-limit';
import { requestContext } from '@/lib/server/request-context';
import { currentActor } from '@/lib/server/session';
import { Stance } from '@/lib/generated/prisma/enums';

const id = recordId;
const key = { consultationId: id, organisationId: id };
const version = z.number().int().min(0);

/** What the autosave hook gets back: the save's result, or a translation key saying why not. */
export type AutosaveResult = SaveResult | { ok: false; error: string };

const CLOSED_REASONS = {
  notConsulted: 'responses.errors.notConsulted',
  notOpen: 'responses.errors.notOpen',
  deadlinePassed: 'responses.errors.deadlinePassed',
  submitted: 'responses.errors.submitted',
  notSubmitted: 'responses.errors.notSubmitted',
};

/** Autosave calls these with plain objects; they are still public endpoints, so every field is parsed (texts as formValues cleans them). */
async function autosave(run: () => Promise<SaveResult>): Promise<AutosaveResult> {
  try {
    return await run();
  } catch (error) {
    const state = failure(error, {}, CLOSED_REASONS);
    return { ok: false, error: state.status === 'error' ? (state.formError ?? 'forms.unexpected') : 'forms.unexpected' };
  }
}

const generalRemarksInput = z.object({ ...key, text: z.string().max(ANSWER_LIMITS.generalRemarks).transform(withoutControlCharacters), expectedVersion: version });

export async function saveGeneralRemarksAction(input: unknown): Promise<AutosaveResult> {
  const parsed = generalRemarksInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'forms.tooLong' };
  const { text, expectedVersion, ...ids } = parsed.data;
  return autosave(async () => saveGeneralRemarks(await currentActor(), ids, { text, expectedVersion }));
}

const answerInput = z.object({
  ...key,
  proposalId: id,
  stance: z.enum(Stance).nullable(),
  comment: z.string().max(ANSWER_LIMITS.comment).transform(withoutControlCharacters),
  confidential: z.boolean(),
  expectedVersion: version,
});

export async function saveAnswerAction(input: unknown): Promise<AutosaveResult> {
  const parsed = answerInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'forms.tooLong' };
  const { consultationId, organisationId, ...answer } = parsed.data;
  return autosave(async () => saveAnswer(await currentActor(), { consultationId, organisationId }, answer));
}

const keyForm = z.object(key);
const pathOf = (ids: { consultationId: string; organisationId: string }) => `/responses/${ids.consultationId}/${ids.organisationId}`;

export async function saveConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = keyForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await saveConsent(await currentActor(), parsed.data, { publicationConsent: values.publicationConsent === 'on', namesConsent: values.namesConsent === 'on' });
  } catch (error) {
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(parsed.data));
  return { status: 'success', message: 'forms.saved' };
}

const minorityText = z.string().trim().min(1, { error: 'forms.required' }).max(ANSWER_LIMITS.minorityStatement, { error: 'forms.tooLong' });
const minorityForm = z.object({ ...key, text: minorityText });
const minorityEditForm = z.object({ ...key, statementId: id, text: minorityText });
const minorityDeleteForm = z.object({ ...key, statementId: id });

export async function addMinorityStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = minorityForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { text, ...ids } = parsed.data;
  try {
    await addMinorityStatement(await currentActor(), ids, text);
  } catch (error) {
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(ids));
  return { status: 'success', message: 'forms.saved' };
}

export async function editMinorityStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = minorityEditForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { text, statementId, ...ids } = parsed.data;
  try {
    await editMinorityStatement(await currentActor(), ids, statementId, text);
  } catch (error) {
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(ids));
  return { status: 'success', message: 'forms.saved' };
}

export async function deleteMinorityStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = minorityDeleteForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { statementId, ...ids } = parsed.data;
  try {
    await deleteMinorityStatement(await currentActor(), ids, statementId);
  } catch (error) {
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(ids));
  return { status: 'success', message: 'responses.minorityDeleted' };
}

export async function submitResponseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = keyForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { ip } = await requestContext();
  let receipt;
  try {
    // Inside the try: the limiter's counters are in PostgreSQL, so it fails as the database does.
    if (!(await consumeLimit('submissionPerIp', ip ?? 'unknown')).allowed) return formError('forms.tooManyRequests', values);
    receipt = await submitResponse(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(parsed.data));
  return { status: 'success', message: 'responses.submittedNotice', params: { version: String(receipt.version), receipt: receipt.receiptNumber } };
}

export async function reopenResponseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = keyForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await reopenResponse(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(parsed.data));
  return { status: 'success', message: 'responses.reopened' };
}

export async function uploadAttachmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = keyForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { status: 'error', fieldErrors: { file: 'responses.noFile' }, values };
  try {
    await addAttachment(await currentActor(), parsed.data, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (error) {
    if (error instanceof PdfUploadError) return { status: 'error', fieldErrors: { file: `responses.${error.reason}` }, values };
    return failure(error, values, CLOSED_REASONS);
  }
  revalidatePath(pathOf(parsed.data));
  return { status: 'success', message: 'forms.saved' };
}
