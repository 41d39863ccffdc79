'use client';

import { useActionState } from 'react';
import { retryMailAction } from '@/app/staff/mail/actions';
import { idle, type FormState } from '@/lib/form-state';
import { FormStatus } from './form-fields';

/** Sends one failed mail again; the button names the mail for screen readers. */
export function RetryMailForm({ jobId, label, description }: { jobId: string; label: string; description: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retryMailAction, idle);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="jobId" value={jobId} />
      <button type="submit" disabled={pending} aria-label={description} className="button button-primary button-small self-start">
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
