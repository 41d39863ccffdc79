'use server';

import { z } from 'zod';
import { formError, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { EMAIL_PROVIDER, signIn } from '@/lib/server/auth';
import { acceptInvitation } from '@/lib/server/invitations';
import { consumeLimit } from '@/lib/server/rate-limit';
import { requestContext } from '@/lib/server/request-context';

const tokenForm = z.object({ token: z.string().min(20).max(200) });

/** Accepts the invitation, then sends a sign-in link to the invited address. */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = tokenForm.safeParse(values);
  if (!parsed.success) return formError('invitation.notFound', values);
  const { ip } = await requestContext();
  const limit = await consumeLimit('invitationPerIp', ip ?? 'unknown');
  if (!limit.allowed) return formError('forms.tooManyRequests', values);
  let email: string;
  try {
    ({ email } = await acceptInvitation(parsed.data.token));
  } catch (error) {
    return failure(error, values, { notFound: 'invitation.notFound', expired: 'invitation.expired', used: 'invitation.used' });
  }
  await signIn(EMAIL_PROVIDER, { email, redirectTo: '/account' });
  return { status: 'idle' };
}
