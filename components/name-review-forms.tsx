'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmNotNameAction, markNamesReviewedAction } from '@/app/staff/consultations/[id]/name-review/actions';
import { addModerationAction, publishConsultationAction } from '@/app/staff/consultations/actions';
import { idle, type FormState } from '@/lib/form-state';
import { FormStatus, SubmitButton } from './form-fields';

type Keys = { consultationId: string; organisationId: string };

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/**
 * One marked passage: redact it (a moderation rule with the standard reason) or confirm that it
 * is not a name.
 */
export function MarkDecisionForms({ keys, target, passage }: { keys: Keys; target: string; passage: string }) {
  const t = useTranslations('nameReview');
  const [redactState, redact, redacting] = useActionState<FormState, FormData>(addModerationAction, idle);
  const [confirmState, confirm, confirming] = useActionState<FormState, FormData>(confirmNotNameAction, idle);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={redact} className="flex flex-col gap-1">
        <Hidden fields={{ ...keys, target, kind: 'REDACT', passage, reason: t('reason') }} />
        <SubmitButton label={t('redact', { passage })} pending={redacting} />
        <FormStatus state={redactState} />
      </form>
      <form action={confirm} className="flex flex-col gap-1">
        <Hidden fields={{ ...keys, target, passage }} />
        <SubmitButton label={t('confirm', { passage })} pending={confirming} />
        <FormStatus state={confirmState} />
      </form>
    </div>
  );
}

export function MarkReviewedForm({ keys, organisation }: { keys: Keys; organisation: string }) {
  const t = useTranslations('nameReview');
  const [state, action, pending] = useActionState<FormState, FormData>(markNamesReviewedAction, idle);
  return (
    <form action={action} className="flex flex-col gap-1">
      <Hidden fields={keys} />
      <SubmitButton label={t('markReviewed', { organisation })} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

/** The confirmation step of publication: the box must be ticked, and the number shown is checked on the server. */
export function PublishForm({ consultationId, published }: { consultationId: string; published: number }) {
  const t = useTranslations('consultations.publication');
  const tRoot = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(publishConsultationAction, idle);
  const error = state.status === 'error' ? state.fieldErrors.confirm : undefined;
  return (
    <form action={action} noValidate className="mt-3 flex flex-col gap-2">
      <Hidden fields={{ consultationId, published }} />
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-2">
          <input type="checkbox" name="confirm" className="mt-1" aria-invalid={error ? true : undefined} aria-describedby={error ? 'publish-confirm-error' : undefined} />
          {t('confirm', { count: published })}
        </label>
        {error && <p id="publish-confirm-error" className="form-error-message">{tRoot(error)}</p>}
      </div>
      <SubmitButton label={t('submit')} pending={pending} />
      <FormStatus state={state} />
      {state.status === 'error' && state.formError === 'consultations.errors.namesNotReviewed' && (
        <Link href={`/staff/consultations/${consultationId}/name-review`} className="text-blue-800 underline underline-offset-2">{t('reviewLink')}</Link>
      )}
    </form>
  );
}
