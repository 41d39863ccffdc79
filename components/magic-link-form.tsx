'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestMagicLink, type MagicLinkState } from '@/app/signin/actions';

/** `waitMinutes`: the page was reached over the sign-in link limit (a direct request to Auth.js's route). */
export function MagicLinkForm({ callbackUrl, waitMinutes }: { callbackUrl: string; waitMinutes?: number | null }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState<MagicLinkState, FormData>(
    requestMagicLink,
    waitMinutes ? { status: 'error', error: 'tooManyRequests', minutes: waitMinutes, email: '' } : { status: 'idle' },
  );
  const error =
    state.status === 'error' ? (state.error === 'tooManyRequests' ? t('tooManyRequests', { minutes: state.minutes }) : t('invalidEmail')) : null;
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="signin-email" className="font-medium">{t('email')}</label>
      <input
        id="signin-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.status === 'error' ? state.email : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'signin-email-error' : undefined}
        className="rounded border border-slate-500 px-2 py-1"
      />
      {error && (
        <p id="signin-email-error" role="alert" className="form-error-message">{error}</p>
      )}
      <button type="submit" disabled={pending} className="button button-primary self-start">
        {t('sendLink')}
      </button>
    </form>
  );
}
