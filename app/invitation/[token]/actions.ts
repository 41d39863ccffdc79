'use server';

import { z } from 'zod';
import { EMAIL_PROVIDER, signIn } from '@/lib/server/auth';
import { DomainError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';
import { acceptInvitation } from '@/lib/server/invitations';
import { consumeLimit } from '@/lib/server/rate-limit';
import { requestContext } from '@/lib/server/request-context';

/** Accepts the invitation, then sends a sign-in link to the invited address. */
export const acceptInvitationAction = formAction(
  z.object({ token: z.string().min(20).max(200) }),
  async ({ token }) => {
    const { ip } = await requestContext();
    if (!(await consumeLimit('invitationPerIp', ip ?? 'unknown')).allowed) throw new DomainError('rateLimited');
    return acceptInvitation(token);
  },
  {
    // The token is in the link, not typed: a malformed one is an invalid link.
    invalid: 'invitation.notFound',
    // signIn redirects to the "check your e-mail" page.
    success: async ({ email }) => {
      await signIn(EMAIL_PROVIDER, { email, redirectTo: '/account' });
      return { status: 'idle' };
    },
  },
);
