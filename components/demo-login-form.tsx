'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { demoSignInAction } from '@/app/signin/actions';
import { idle, type FormState } from '@/lib/form-state';
import { ErrorSummary, FormStatus, SubmitButton, TextField } from './form-fields';

export function DemoLoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState<FormState, FormData>(demoSignInAction, idle);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField form="demo" name="email" type="email" autoComplete="email" label={t('email')} state={state} maxLength={TEXT_LIMITS.email} />
      <SubmitButton label={t('demoButton')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
