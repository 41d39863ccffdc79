'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { confirmNotName, markNamesReviewed } from '@/lib/server/name-review';
import { currentActor } from '@/lib/server/session';

const REFUSALS = {
  notSubmitted: 'consultations.errors.notSubmitted',
  notNeeded: 'nameReview.errors.notNeeded',
  unknownTarget: 'consultations.errors.unknownTarget',
  passageNotMarked: 'nameReview.errors.passageNotMarked',
  passagesPending: 'nameReview.errors.passagesPending',
};

const responseForm = z.object({ consultationId: recordId, organisationId: recordId });

function revalidate(consultationId: string) {
  revalidatePath(`/staff/consultations/${consultationId}`, 'layout');
}

const confirmForm = responseForm.extend({ target: z.string().min(1).max(200), passage: z.string().min(1).max(5000) });

export async function confirmNotNameAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = confirmForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { consultationId, organisationId, ...input } = parsed.data;
  try {
    await confirmNotName(await currentActor(), { consultationId, organisationId }, input);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidate(consultationId);
  return { status: 'success', message: 'nameReview.confirmed' };
}

export async function markNamesReviewedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = responseForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await markNamesReviewed(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, REFUSALS);
  }
  revalidate(parsed.data.consultationId);
  return { status: 'success', message: 'nameReview.reviewed' };
}
