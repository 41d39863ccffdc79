'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { sessionCookieName, startDemoSession } from '@/lib/server/demo-login';
import { currentActor } from '@/lib/server/session';
import { EMAIL_PROVIDER, OIDC_PROVIDER, signIn, signOut } from '@/lib/server/auth';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { tooManyLinksMinutes } from '@/lib/server/sign-in-limits';

/** The typed address comes back with an error, so nothing the user typed is lost. */
export type MagicLinkState =
  | { status: 'idle' }
  | { status: 'error'; error: 'invalidEmail'; email: string }
  | { status: 'error'; error: 'tooManyRequests'; minutes: number; email: string };

/** Only paths on this site: an absolute URL here would make the sign-in an open redirect. */
const localPath = z.unknown().transform((value) => safeRedirectPath(value));

const magicLinkForm = z.object({ email: z.email().max(254), callbackUrl: localPath });

export async function requestMagicLink(_previous: MagicLinkState, formData: FormData): Promise<MagicLinkState> {
  const typed = String(formData.get('email') ?? '').trim().slice(0, 254);
  const parsed = magicLinkForm.safeParse({ email: typed, callbackUrl: formData.get('callbackUrl') ?? '/' });
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
export async function demoSignInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = magicLinkForm.safeParse({ email: values.email?.trim(), callbackUrl: values.callbackUrl ?? '/' });
  if (!parsed.success) return { status: 'error', fieldErrors: { email: 'forms.invalidEmail' }, values };
  let session;
  try {
    session = await startDemoSession(await currentActor(), parsed.data.email);
  } catch (error) {
    return failure(error, values);
  }
  if (!session) return { status: 'error', fieldErrors: { email: 'auth.errorAccessDenied' }, values };
  const { APP_URL } = env();
  (await cookies()).set(sessionCookieName(APP_URL), session.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    expires: session.expires,
    secure: APP_URL.startsWith('https:'),
  });
  redirect(parsed.data.callbackUrl);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
