'use client';

import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { saveAnswerAction, saveGeneralRemarksAction } from '@/app/responses/actions';
import { saveAnswerFormAction, saveGeneralRemarksFormAction } from '@/app/responses/sections/actions';
import { answerState } from '@/lib/answer-state';
import type { Stance } from '@/lib/generated/prisma/enums';
import { AutosaveStatusLine, ConflictPanel } from './autosave-status';
import { LimitedTextarea } from './limited-textarea';
import { SectionForm, useSectionAutosave } from './section-form';
import { LiveFieldMarks } from './live-field-marks';
import { useLiveField } from './live-response';
import { GENERAL_FIELD } from '@/lib/live-events';
import { proposalAnchor, useAnswerOrientation } from './response-orientation';

interface Keys {
  consultationId: string;
  organisationId: string;
}

/** `savedSection`: the anchor of the section a save without JavaScript came back to (?saved=). */
export function GeneralRemarksField({ keys, text, version, lastEditedBy, disabled, savedSection }: { keys: Keys; text: string; version: number; lastEditedBy: string | null; disabled: boolean; savedSection?: string }) {
  const t = useTranslations('responses');
  const field = useSectionAutosave({
    action: saveGeneralRemarksFormAction,
    saved: text,
    version,
    read: (values) => values.text ?? '',
    justSaved: savedSection === 'general',
    save: (value: string, expectedVersion) => saveGeneralRemarksAction({ ...keys, text: value, expectedVersion }),
  });
  const live = useLiveField(GENERAL_FIELD, t('live.generalRemarks'), field, (value) => value, (saved) => saved.text);
  return (
    <SectionForm action={field.formAction} keys={keys} anchor="general" version={field.version} disabled={disabled || live.locked} choosing={field.status.kind === 'conflict'}>
      <div {...live.focusProps}>
        <LimitedTextarea id="general-remarks" name="text" label={t('generalRemarks')} value={field.value} maxLength={TEXT_LIMITS.generalRemarks} rows={6} disabled={disabled || live.locked} onChange={field.change} />
        <LiveFieldMarks id="general-remarks" live={live} />
      </div>
      <AutosaveStatusLine status={field.status} lastEditedBy={lastEditedBy} />
      <ConflictPanel status={field.status} mine={field.value} onKeepMine={field.keepMine} onKeepTheirs={() => field.keepTheirs(field.status.kind === 'conflict' ? field.status.theirs : field.value)} />
    </SectionForm>
  );
}

export interface AnswerView {
  id: string;
  code: string;
  title: string;
  assigned: boolean;
  assignmentNote: string | null;
  stance: Stance | null;
  comment: string;
  confidential: boolean;
  version: number;
  lastEditedBy: string | null;
  /** The proposal's current version, and the one the saved answer was given to (null before the first save). */
  proposalVersion: number;
  answeredVersion: number | null;
}

const STANCES: Stance[] = ['SUPPORT', 'OPPOSE', 'REMARKS', 'NO_REMARKS'];
const isStance = (value: string | undefined): value is Stance => STANCES.includes(value as Stance);

/**
 * One proposal's stance, comment and publication flag, saved together as one versioned answer,
 * under the proposal's title (a link to its public page) and its context (`children`: summary,
 * list, committee and amounts). Each save's result feeds the form's progress and contents.
 */
export function AnswerCard({ keys, answer, disabled, savedSection, children }: { keys: Keys; answer: AnswerView; disabled: boolean; savedSection?: string; children?: React.ReactNode }) {
  const t = useTranslations('responses');
  const tVersions = useTranslations('proposalVersions');
  const { hidden, report } = useAnswerOrientation(answer.code);
  const field = useSectionAutosave({
    action: saveAnswerFormAction,
    saved: { stance: answer.stance, comment: answer.comment, confidential: answer.confidential },
    version: answer.version,
    read: (values) => ({ stance: isStance(values.stance) ? values.stance : null, comment: values.comment ?? '', confidential: values.confidential === 'on' }),
    justSaved: savedSection === proposalAnchor(answer.code),
    save: async (value, expectedVersion) => {
      const result = await saveAnswerAction({ ...keys, proposalId: answer.id, ...value, expectedVersion });
      if (result.ok) report(answer.code, answerState(value));
      else if ('conflict' in result) report(answer.code, 'conflict');
      return result;
    },
  });
  const live = useLiveField(answer.id, answer.code, field, (value) => value.comment, (saved) => ({ stance: saved.stance, comment: saved.text, confidential: saved.confidential }));
  const base = `answer-${answer.code}`;
  const anchor = proposalAnchor(answer.code);
  disabled ||= live.locked;
  return (
    <fieldset
      {...live.focusProps}
      id={anchor}
      hidden={hidden}
      className={`min-w-0 rounded border p-3 ${answer.assigned ? 'border-2 border-brand' : 'border-slate-300'}`}
      data-answer={answer.code}
      data-proposal-version={answer.proposalVersion}
    >
      <legend className="px-1">
        <h3 className="font-semibold">
          <span className="font-mono">{answer.code}</span>{' '}
          <a href={`/proposals/${answer.id}`} className="text-blue-800 underline underline-offset-2">{answer.title}</a>
        </h3>
      </legend>
      {answer.assigned && (
        <p className="text-sm font-medium text-brand">{answer.assignmentNote ? t('assignedNote', { note: answer.assignmentNote }) : t('assigned')}</p>
      )}
      {/* A save records the current version, so the notice goes once the answer is saved again. */}
      {answer.answeredVersion !== null && answer.answeredVersion < answer.proposalVersion && field.status.kind !== 'saved' && (
        <p className="mt-1 rounded bg-amber-100 p-2 text-sm" data-changed-since-answer>
          {tVersions.rich('changedSinceAnswer', {
            link: (chunks) => <a href={`/proposals/${answer.id}#versions`} className="text-blue-800 underline underline-offset-2">{chunks}</a>,
          })}
        </p>
      )}
      {children}
      <SectionForm action={field.formAction} keys={keys} anchor={anchor} version={field.version} disabled={disabled} choosing={field.status.kind === 'conflict'} fields={{ proposalId: answer.id }}>
        <div role="radiogroup" aria-label={`${t('stance')} (${answer.code})`} className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
          {STANCES.map((stance) => (
            <label key={stance} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="stance"
                value={stance}
                checked={field.value.stance === stance}
                disabled={disabled}
                onChange={() => field.change({ ...field.value, stance })}
              />
              {t(`stances.${stance}`)}
            </label>
          ))}
        </div>
        <div className="mt-2">
          <LimitedTextarea
            id={`${base}-comment`}
            name="comment"
            label={`${t('comment')} (${answer.code})`}
            value={field.value.comment}
            maxLength={TEXT_LIMITS.comment}
            rows={3}
            disabled={disabled}
            onChange={(comment) => field.change({ ...field.value, comment })}
          />
        </div>
        <LiveFieldMarks id={base} live={live} />
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input type="checkbox" name="confidential" checked={field.value.confidential} disabled={disabled} onChange={(event) => field.change({ ...field.value, confidential: event.target.checked })} />
          {t('confidential')}
        </label>
        <AutosaveStatusLine status={field.status} lastEditedBy={answer.lastEditedBy} />
        <ConflictPanel
          status={field.status}
          mine={field.value.comment}
          onKeepMine={field.keepMine}
          onKeepTheirs={() => {
            const theirs = { ...field.value, comment: field.status.kind === 'conflict' ? field.status.theirs : field.value.comment };
            field.keepTheirs(theirs);
            report(answer.code, answerState(theirs));
          }}
        />
      </SectionForm>
    </fieldset>
  );
}
