'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { TEXT_LIMITS } from '@/lib/limits';
import { DomainError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';
import { sessionCookieName, startDemoSession } from '@/lib/server/demo-login';
import { EMAIL_PROVIDER, OIDC_PROVIDER, signIn, signOut } from '@/lib/server/auth';
import { AFTER_SIGN_IN_PATH, safeRedirectPath } from '@/lib/safe-redirect';
import { tooManyLinksMinutes } from '@/lib/server/sign-in-limits';

/** The typed address comes back with an error, so nothing the user typed is lost. */
export type MagicLinkState =
  | { status: 'idle' }
  | { status: 'error'; error: 'invalidEmail'; email: string }
  | { status: 'error'; error: 'tooManyRequests'; minutes: number; email: string };

/** Only paths on this site: an absolute URL here would make the sign-in an open redirect. */
const localPath = z.unknown().transform((value) => safeRedirectPath(value, { fallback: AFTER_SIGN_IN_PATH }));

const magicLinkForm = z.object({ email: z.email().max(TEXT_LIMITS.email), callbackUrl: localPath });

export async function requestMagicLink(_previous: MagicLinkState, formData: FormData): Promise<MagicLinkState> {
  const typed = String(formData.get('email') ?? '').trim().slice(0, TEXT_LIMITS.email);
  const parsed = magicLinkForm.safeParse({ email: typed, callbackUrl: formData.get('callbackUrl') ?? AFTER_SIGN_IN_PATH });
  if (!parsed.success) return { status: 'error', error: 'invalidEmail', email: typed };
  const { email, callbackUrl } = parsed.data;

  // Auth.js counts the request against the limits (lib/server/sign-in-limits.ts) and answers with
  // the "check your e-mail" page whether or not the address is known, or, over a limit, with the
  // sign-in page's message, which the form shows here with the typed address kept.
  const url = await signIn(EMAIL_PROVIDER, { email, redirectTo: callbackUrl, redirect: false });
  const minutes = tooManyLinksMinutes(url);
  if (minutes) return { status: 'error', error: 'tooManyRequests', minutes, email };
  redirect(url);
}

export async function signInWithOidc(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER, { redirectTo: localPath.parse(formData.get('callbackUrl')) });
}

/** The demo/test sign-in; the domain layer refuses it unless switched on outside production. */
export const demoSignInAction = formAction(
  magicLinkForm,
  async ({ email }, { actor }) => (await startDemoSession(actor, email)) ?? refuse(),
  {
    input: (values) => ({ email: values.email?.trim(), callbackUrl: values.callbackUrl ?? AFTER_SIGN_IN_PATH }),
    fields: { demo: 'email' },
    success: async (session, { callbackUrl }) => {
      const { APP_URL } = env();
      (await cookies()).set(sessionCookieName(APP_URL), session.sessionToken, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        expires: session.expires,
        secure: APP_URL.startsWith('https:'),
      });
      redirect(callbackUrl);
    },
  },
);

/** No account, or one the demo sign-in may not use. */
function refuse(): never {
  throw new DomainError('demo.refused');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
