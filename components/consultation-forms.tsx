'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import {
  addDocumentAction,
  addModerationAction,
  assignProposalsAction,
  changePhaseAction,
  createConsultationAction,
  registerResponseAction,
  remindPartyAction,
  removeDocumentAction,
  removeModerationAction,
  setPartiesAction,
  updateConsultationAction,
} from '@/app/staff/consultations/actions';
import { idle, type FormState } from '@/lib/form-state';
import { DateTimeField, ErrorSummary, FileField, FormStatus, SelectField, SubmitButton, TextAreaField, TextField } from './form-fields';
import { LIMIT_MESSAGE_VALUES, TEXT_LIMITS } from '@/lib/limits';

type Option = { value: string; label: string };
type Action = (state: FormState, data: FormData) => Promise<FormState>;

const inputClass = 'form-input';

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** A form that is only a button with the fields that identify what it acts on. */
export function ButtonForm({ action, fields, label }: { action: 'remind' | 'removeDocument' | 'removeModeration'; fields: Record<string, string>; label: string }) {
  const actions: Record<typeof action, Action> = { remind: remindPartyAction, removeDocument: removeDocumentAction, removeModeration: removeModerationAction };
  const [state, formAction, pending] = useActionState<FormState, FormData>(actions[action], idle);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <Hidden fields={fields} />
      <SubmitButton label={label} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

/**
 * The phase changes open now, as buttons of one form, so that the outcome stays on screen when the
 * buttons change with the new phase.
 */
export function PhaseForm({ consultationId, phases }: { consultationId: string; phases: { phase: 'open' | 'close'; label: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changePhaseAction, idle);
  return (
    <form action={action} className="flex flex-col gap-2">
      <Hidden fields={{ consultationId }} />
      <div className="flex flex-wrap gap-4">
        {phases.map(({ phase, label }) => (
          <SubmitButton key={phase} name="phase" value={phase} label={label} pending={pending} />
        ))}
      </div>
      <FormStatus state={state} />
    </form>
  );
}

export function ConsultationDetailsForm({ consultation, budgets }: { consultation?: { id: string; title: string; description: string; deadline: string }; budgets?: Option[] }) {
  const t = useTranslations('consultations');
  const [state, action, pending] = useActionState<FormState, FormData>(consultation ? updateConsultationAction : createConsultationAction, idle);
  const form = consultation ? 'consultation-edit' : 'consultation-new';
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-3">
      <ErrorSummary state={state} />
      {consultation && <Hidden fields={{ consultationId: consultation.id }} />}
      {budgets && <SelectField form={form} name="budgetId" label={t('budget')} state={state} options={budgets} />}
      <TextField form={form} name="title" label={t('titleField')} state={state} maxLength={TEXT_LIMITS.consultationTitle} defaultValue={consultation?.title} />
      <TextAreaField form={form} name="description" label={t('description')} state={state} maxLength={TEXT_LIMITS.consultationDescription} defaultValue={consultation?.description} />
      <DateTimeField form={form} name="deadline" label={t('deadlineField')} state={state} defaultValue={consultation?.deadline} />
      <SubmitButton label={consultation ? t('save') : t('create')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function PartiesForm({ consultationId, organisations }: { consultationId: string; organisations: (Option & { checked: boolean; type: string })[] }) {
  const t = useTranslations('consultations');
  const [state, action, pending] = useActionState<FormState, FormData>(setPartiesAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <Hidden fields={{ consultationId }} />
      <fieldset>
        <legend className="font-medium">{t('chooseParties')}</legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {organisations.map((organisation) => (
            <li key={organisation.value}>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="organisationId" value={organisation.value} defaultChecked={organisation.checked} />
                {organisation.label} <span className="text-sm text-slate-700">({organisation.type})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton label={t('saveParties')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function AssignmentForm({ consultationId, organisationId, proposals, note }: { consultationId: string; organisationId: string; proposals: (Option & { checked: boolean })[]; note: string }) {
  const t = useTranslations('consultations');
  const [state, action, pending] = useActionState<FormState, FormData>(assignProposalsAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <Hidden fields={{ consultationId, organisationId }} />
      <fieldset>
        <legend className="text-sm font-medium">{t('assignedProposals')}</legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-3">
          {proposals.map((proposal) => (
            <li key={proposal.value}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="proposalId" value={proposal.value} defaultChecked={proposal.checked} />
                {proposal.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField form={`assign-${organisationId}`} name="note" label={t('assignmentNote')} state={state} maxLength={TEXT_LIMITS.assignmentNote} defaultValue={note} />
      <SubmitButton label={t('saveAssignment')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function AddDocumentForm({ consultationId }: { consultationId: string }) {
  const t = useTranslations('consultations');
  const [state, action, pending] = useActionState<FormState, FormData>(addDocumentAction, idle);
  return (
    <form action={action} noValidate className="flex max-w-xl flex-col gap-3">
      <ErrorSummary state={state} />
      <Hidden fields={{ consultationId }} />
      <TextField form="document" name="title" label={t('documentTitle')} state={state} maxLength={TEXT_LIMITS.documentTitle} />
      <FileField form="document" name="file" label={t('documentFile', LIMIT_MESSAGE_VALUES)} state={state} />
      <SubmitButton label={t('addDocument')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function RegisterResponseForm({ consultationId, organisationId, proposals, stances, now }: { consultationId: string; organisationId: string; proposals: { id: string; code: string; title: string }[]; stances: Option[]; now: string }) {
  const t = useTranslations('consultations');
  const [state, action, pending] = useActionState<FormState, FormData>(registerResponseAction, idle);
  const kept = (name: string) => (state.status === 'error' ? state.values[name] : undefined);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      <Hidden fields={{ consultationId, organisationId }} />
      <SelectField form="register" name="channel" label={t('channel')} state={state} options={[{ value: 'EMAIL', label: t('channels.EMAIL') }, { value: 'LETTER', label: t('channels.LETTER') }]} />
      <DateTimeField form="register" name="receivedAt" label={t('receivedAt')} state={state} defaultValue={now} />
      <FileField form="register" name="original" label={t('original')} state={state} />
      <TextAreaField form="register" name="generalRemarks" label={t('generalRemarks')} state={state} rows={6} maxLength={TEXT_LIMITS.generalRemarks} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="publicationConsent" defaultChecked={kept('publicationConsent') === 'on'} key={kept('publicationConsent')} />
        {t('publicationConsent')}
      </label>
      <table className="table table-stacked w-full border-collapse text-left text-sm">
        <caption className="text-left font-medium">{t('answersCaption')}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-2">{t('proposal')}</th>
            <th scope="col" className="py-1 pr-2">{t('stance')}</th>
            <th scope="col" className="py-1">{t('comment')}</th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((proposal) => (
            <tr key={proposal.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1 pr-2 font-normal">
                <input type="hidden" name="proposalId" value={proposal.id} />
                <span className="font-semibold">{proposal.code}</span> {proposal.title}
              </th>
              <td className="py-1 pr-2" data-label={t('stance')}>
                <select name={`stance-${proposal.id}`} aria-label={t('stanceFor', { code: proposal.code })} defaultValue={kept(`stance-${proposal.id}`) ?? ''} key={kept(`stance-${proposal.id}`)} className={inputClass}>
                  <option value="">{t('noStance')}</option>
                  {stances.map((stance) => (
                    <option key={stance.value} value={stance.value}>{stance.label}</option>
                  ))}
                </select>
              </td>
              <td className="py-1" data-label={t('comment')}>
                <textarea name={`comment-${proposal.id}`} aria-label={t('commentFor', { code: proposal.code })} rows={2} maxLength={TEXT_LIMITS.comment} defaultValue={kept(`comment-${proposal.id}`) ?? ''} key={kept(`comment-${proposal.id}`)} className={`${inputClass} w-full`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SubmitButton label={t('register')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

/** Hide an item or redact one passage of it, with the reason. */
export function ModerationForm({ consultationId, organisationId, target, label }: { consultationId: string; organisationId: string; target: string; label: string }) {
  const t = useTranslations('consultations');
  const [state, action, pending] = useActionState<FormState, FormData>(addModerationAction, idle);
  const form = `moderate-${target.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <form action={action} noValidate className="mt-2 flex flex-col gap-2 rounded border border-slate-300 p-3" aria-label={t('moderateItem', { item: label })}>
      <ErrorSummary state={state} />
      <Hidden fields={{ consultationId, organisationId, target }} />
      <SelectField form={form} name="kind" label={t('moderationKind')} state={state} options={[{ value: 'REDACT', label: t('kinds.REDACT') }, { value: 'HIDE', label: t('kinds.HIDE') }]} />
      <TextField form={form} name="passage" label={t('passage')} state={state} maxLength={TEXT_LIMITS.passage} />
      <TextField form={form} name="reason" label={t('reason')} state={state} maxLength={TEXT_LIMITS.moderationReason} />
      <SubmitButton label={t('moderate')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
