'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { acceptInvitationAction } from '@/app/invitation/[token]/actions';
import { idle, type FormState } from '@/lib/form-state';
import { FormStatus, SubmitButton } from './form-fields';

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations('invitation');
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAction, idle);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton label={t('accept')} pending={pending} />
      <p className="text-sm text-slate-700">{t('afterAccept')}</p>
      <FormStatus state={state} />
    </form>
  );
}
