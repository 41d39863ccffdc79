'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveDecisionAction, saveSummaryAction, publishResultsAction } from '@/app/staff/consultations/[id]/analysis/actions';
import { StanceMark } from '@/components/insight/stance';
import { idle, type FormState } from '@/lib/form-state';
import type { StanceOrNone } from '@/lib/insight/aggregate';
import { TEXT_LIMITS } from '@/lib/limits';
import { ErrorSummary, FormStatus, SelectField, SubmitButton, TextAreaField, TextField } from './form-fields';

// Staff's forms for one proposal's analysis (summary, decision) and for publishing the results.

export interface ReferableAnswer {
  responseId: string;
  organisation: string;
  comment: string | null;
}

interface SummaryFormProps {
  consultationId: string;
  proposalId: string;
  current: { version: number; text: string; responseIds: string[] } | null;
  groups: { stance: StanceOrNone; answers: ReferableAnswer[] }[];
}

/** A new version of the summary, with a checkbox for each answer it may refer to. */
export function SummaryForm({ consultationId, proposalId, current, groups }: SummaryFormProps) {
  const t = useTranslations('analysis');
  const [state, action, pending] = useActionState<FormState, FormData>(saveSummaryAction, idle);
  const referenced = new Set(current?.responseIds);
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="expectedVersion" value={current?.version ?? 0} />
      <TextAreaField form="summary" name="text" label={t('summaryField')} state={state} rows={8} maxLength={TEXT_LIMITS.responsesSummary} defaultValue={current?.text} />
      <fieldset aria-describedby="references-hint">
        <legend className="font-medium">{t('references')}</legend>
        <p id="references-hint" className="text-sm text-slate-700">{t('referencesHelp')}</p>
        {groups.length === 0 && <p>{t('noAnswers')}</p>}
        {groups.map((group) => (
          <div key={group.stance} className="mt-3">
            <h3 className="font-semibold"><StanceMark stance={group.stance} /> <span className="font-normal">({group.answers.length})</span></h3>
            <ul className="mt-1 flex flex-col gap-2">
              {group.answers.map((answer) => (
                <li key={answer.responseId}>
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="responseIds" value={answer.responseId} defaultChecked={referenced.has(answer.responseId)} className="mt-1" />
                    <span>
                      <span className="font-semibold">{answer.organisation}</span>
                      <span className="block whitespace-pre-wrap text-sm">{answer.comment || t('noComment')}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      <SubmitButton label={t('saveSummary')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

interface DecisionFormProps {
  consultationId: string;
  proposalId: string;
  current: { outcome: string; note: string; decidedOn: string } | null;
}

export function DecisionForm({ consultationId, proposalId, current }: DecisionFormProps) {
  const t = useTranslations('analysis');
  const [state, action, pending] = useActionState<FormState, FormData>(saveDecisionAction, idle);
  const outcomes = (['ADOPTED', 'ADOPTED_WITH_CHANGES', 'REJECTED', 'POSTPONED'] as const).map((value) => ({ value, label: t(`outcomes.${value}`) }));
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="proposalId" value={proposalId} />
      {/* Keyed by the saved outcome: a form reset after saving would otherwise show the first mount's choice. */}
      <SelectField key={current?.outcome ?? ''} form="decision" name="outcome" label={t('outcome')} state={state} options={[{ value: '', label: t('chooseOutcome') }, ...outcomes]} defaultValue={current?.outcome ?? ''} />
      <TextField form="decision" name="decidedOn" type="date" label={t('decidedOn')} state={state} defaultValue={current?.decidedOn} />
      <TextAreaField form="decision" name="note" label={t('decisionNote')} state={state} rows={3} maxLength={TEXT_LIMITS.decisionNote} defaultValue={current?.note} />
      <SubmitButton label={t('saveDecision')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function PublishResultsForm({ consultationId, published }: { consultationId: string; published: boolean }) {
  const t = useTranslations('analysis');
  const [state, action, pending] = useActionState<FormState, FormData>(publishResultsAction, idle);
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-2">
      <input type="hidden" name="consultationId" value={consultationId} />
      {!published && state.status !== 'success' && <SubmitButton label={t('publish')} pending={pending} />}
      <FormStatus state={state} />
    </form>
  );
}
