'use server';

import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { retryFailedMail } from '@/lib/server/mail';

// The row stays, with the success message, until the page is reloaded: the mail is queued, not yet sent.
export const retryMailAction = formAction(z.object({ jobId: z.uuid() }), ({ jobId }, { actor }) => retryFailedMail(actor, jobId), {
  // The form's only field is hidden: a malformed id names no mail.
  invalid: 'forms.notFound',
  success: 'staff.mail.retried',
});
