'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import {
  addMinorityStatementAction,
  deleteMinorityStatementAction,
  editMinorityStatementAction,
  reopenResponseAction,
  saveConsentAction,
  submitResponseAction,
  uploadAttachmentAction,
} from '@/app/responses/actions';
import { fieldError, idle, type FormState } from '@/lib/form-state';
import { ErrorSummary, FormStatus, SubmitButton } from '../form-fields';
import { LIMIT_MESSAGE_VALUES, TEXT_LIMITS } from '@/lib/limits';
import { LimitedTextField } from './limited-textarea';
import { useHydrated } from './response-orientation';

interface Keys {
  consultationId: string;
  organisationId: string;
}

function KeyFields({ keys }: { keys: Keys }) {
  return (
    <>
      <input type="hidden" name="consultationId" value={keys.consultationId} />
      <input type="hidden" name="organisationId" value={keys.organisationId} />
    </>
  );
}

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const useForm = (action: Action) => useActionState<FormState, FormData>(action, idle);

export function ConsentForm({ keys, publicationConsent, namesConsent, disabled }: { keys: Keys; publicationConsent: boolean; namesConsent: boolean; disabled: boolean }) {
  const t = useTranslations('responses');
  const [state, action, pending] = useForm(saveConsentAction);
  // Saved on each change, like the rest of the form; the button is for browsers without JavaScript.
  const hydrated = useHydrated();
  const save = (event: React.ChangeEvent<HTMLInputElement>) => event.currentTarget.form?.requestSubmit();
  return (
    <form action={action} className="flex flex-col gap-2">
      <KeyFields keys={keys} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="publicationConsent" defaultChecked={publicationConsent} disabled={disabled} onChange={save} />
        {t('publicationConsent')}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="namesConsent" defaultChecked={namesConsent} disabled={disabled} onChange={save} />
        {t('namesConsent')}
      </label>
      {!disabled && !hydrated && <SubmitButton label={t('saveConsent')} pending={pending} />}
      <FormStatus state={state} />
    </form>
  );
}

export function MinorityStatementForm({ keys }: { keys: Keys }) {
  const t = useTranslations();
  const [state, action, pending] = useForm(addMinorityStatementAction);
  const error = fieldError(state, 'text');
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <KeyFields keys={keys} />
      <LimitedTextField
        key={state.status}
        id="minority-text"
        name="text"
        label={t('responses.minorityText')}
        rows={3}
        maxLength={TEXT_LIMITS.minorityStatement}
        defaultValue={state.status === 'error' ? (state.values.text ?? '') : ''}
        error={error && t(error.key, error.params)}
      />
      <SubmitButton label={t('responses.addMinority')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

/** The member's own minority statement in a draft: its text can be changed, or the statement withdrawn. */
export function OwnMinorityStatementForms({ keys, statement }: { keys: Keys; statement: { id: string; text: string } }) {
  const t = useTranslations();
  const [editState, editAction, editing] = useForm(editMinorityStatementAction);
  const [deleteState, deleteAction, deleting] = useForm(deleteMinorityStatementAction);
  const editError = fieldError(editState, 'text');
  return (
    <details className="accordion mt-2">
      <summary>{t('responses.changeMinority')}</summary>
      <form action={editAction} noValidate className="mt-2 flex flex-col gap-2">
        <ErrorSummary state={editState} />
        <KeyFields keys={keys} />
        <input type="hidden" name="statementId" value={statement.id} />
        <LimitedTextField
          key={editState.status}
          id={`minority-${statement.id}-text`}
          name="text"
          label={t('responses.editMinorityText')}
          rows={3}
          maxLength={TEXT_LIMITS.minorityStatement}
          defaultValue={editState.status === 'error' ? (editState.values.text ?? '') : statement.text}
          error={editError && t(editError.key, editError.params)}
        />
        <SubmitButton label={t('responses.saveMinority')} pending={editing} />
        <FormStatus state={editState} />
      </form>
      <form action={deleteAction} className="mt-2 flex flex-col gap-2">
        <KeyFields keys={keys} />
        <input type="hidden" name="statementId" value={statement.id} />
        <SubmitButton label={t('responses.deleteMinority')} pending={deleting} />
        <FormStatus state={deleteState} />
      </form>
    </details>
  );
}

/**
 * A draft is submitted from its review page, so here it gets a link there; a submitted response
 * is reopened here. Give it `key={status}` so it starts afresh when that flips.
 */
export function SubmissionForm({ keys, submitted }: { keys: Keys; submitted: boolean }) {
  const t = useTranslations('responses');
  if (!submitted) {
    return (
      <Link href={`/responses/${keys.consultationId}/${keys.organisationId}/review`} className="button button-primary self-start">
        {t('review.open')}
      </Link>
    );
  }
  return <ReopenForm keys={keys} />;
}

function ReopenForm({ keys }: { keys: Keys }) {
  const t = useTranslations('responses');
  const [state, action, pending] = useForm(reopenResponseAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <KeyFields keys={keys} />
      <SubmitButton label={t('reopen')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

/** The review page's explicit confirmation, then the submission; success goes on to the receipt page. */
export function ConfirmSubmissionForm({ keys, unanswered }: { keys: Keys; unanswered: number }) {
  const t = useTranslations('responses');
  const messages = useTranslations();
  const [state, action, pending] = useForm(submitResponseAction);
  const error = fieldError(state, 'confirm');
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <KeyFields keys={keys} />
      <div className={`form-group${error ? ' form-error' : ''}`}>
        {error && <p id="confirm-submission-error" className="form-error-message">{messages(error.key, error.params)}</p>}
        <label className="flex items-start gap-2">
          <input
            id="confirm-submission"
            type="checkbox"
            name="confirm"
            className="mt-1"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'confirm-submission-error' : undefined}
          />
          <span>{unanswered > 0 ? t('review.confirmWithUnanswered', { count: unanswered }) : t('review.confirm')}</span>
        </label>
      </div>
      <SubmitButton label={t('submit')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function AttachmentForm({ keys }: { keys: Keys }) {
  const t = useTranslations();
  const [state, action, pending] = useForm(uploadAttachmentAction);
  const error = fieldError(state, 'file');
  return (
    <form action={action} className="flex flex-col gap-2">
      <KeyFields keys={keys} />
      <label htmlFor="attachment-file" className="text-sm font-medium">{t('responses.attachmentFile')}</label>
      <input
        id="attachment-file"
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'attachment-file-error' : 'attachment-file-hint'}
      />
      <p id="attachment-file-hint" className="text-xs text-slate-700">{t('responses.attachmentsIntro', LIMIT_MESSAGE_VALUES)}</p>
      {error && <p id="attachment-file-error" className="form-error-message">{t(error.key, error.params)}</p>}
      <SubmitButton label={t('responses.upload')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
