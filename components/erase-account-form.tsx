'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { eraseMyDataAction } from '@/app/account/actions';
import { idle, type FormState } from '@/lib/form-state';
import { FormStatus } from './form-fields';

export function EraseAccountForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(eraseMyDataAction, idle);
  const error = state.status === 'error' ? state.fieldErrors.confirm : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <label className="flex items-center gap-2">
        <input type="checkbox" name="confirm" value="yes" aria-describedby={error ? 'erase-confirm-error' : undefined} aria-invalid={error ? true : undefined} />
        {t('account.eraseConfirm')}
      </label>
      {error && <p id="erase-confirm-error" className="form-error-message">{t(error)}</p>}
      <button type="submit" disabled={pending} className="button button-warning self-start">
        {t('account.eraseButton')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
