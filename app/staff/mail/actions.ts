'use server';

import { z } from 'zod';
import { formError, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { retryFailedMail } from '@/lib/server/mail';
import { currentActor } from '@/lib/server/session';

const retryForm = z.object({ jobId: z.uuid() });

export async function retryMailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = retryForm.safeParse(values);
  // The form's only field is hidden: a malformed id names no mail.
  if (!parsed.success) return formError('forms.notFound', values);
  try {
    await retryFailedMail(await currentActor(), parsed.data.jobId);
  } catch (error) {
    return failure(error, values, { notFailed: 'staff.mail.notFailed' });
  }
  // The row stays, with this message, until the page is reloaded: the mail is queued, not yet sent.
  return { status: 'success', message: 'staff.mail.retried' };
}
