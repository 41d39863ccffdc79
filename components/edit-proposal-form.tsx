'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { editProposalAction } from '@/app/staff/proposals/actions';
import { EXPENDITURE_KINDS, PROPOSAL_TYPES } from '@/lib/budget/vocabulary';
import { formatAmount } from '@/lib/format';
import { fieldError, idle, type FormState } from '@/lib/form-state';
import type { VersionLine } from '@/lib/budget/versions';
import { ErrorSummary, FormStatus, SubmitButton, TextAreaField, TextField } from './form-fields';

interface EditableProposal {
  id: string;
  code: string;
  title: string;
  summary: string;
  version: number;
  years: number[];
  lines: VersionLine[];
}

const cellClass = 'w-24 rounded border border-slate-500 bg-white px-2 py-1 text-right tabular-nums';

/** Title, summary, a type per expenditure kind and a kind × year grid of amounts, saved with a reason as the next version. */
export function EditProposalForm({ proposal }: { proposal: EditableProposal }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(editProposalAction, idle);
  const typed = state.status === 'error' ? state.values : null;
  const amountOf = (kind: string, year: number) => proposal.lines.find((line) => line.kind === kind && line.year === year)?.amount;
  const typeOf = (kind: string) => proposal.lines.find((line) => line.kind === kind)?.type ?? proposal.lines[0]?.type ?? 'SAVING';
  const cellErrors = EXPENDITURE_KINDS.flatMap((kind) =>
    proposal.years.flatMap((year) => {
      const error = fieldError(state, `amount:${kind}:${year}`);
      return error ? [{ kind, year, error, id: `edit-amount-${kind}-${year}-error` }] : [];
    }),
  );

  return (
    // Remounted on a new version, so that the fields show what was saved.
    <form key={proposal.version} action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="proposalId" value={proposal.id} />
      <input type="hidden" name="expectedVersion" value={proposal.version} />
      <TextField form="edit" name="title" label={t('proposalVersions.title')} state={state} maxLength={TEXT_LIMITS.proposalTitle} defaultValue={proposal.title} />
      <TextAreaField form="edit" name="summary" label={t('proposalVersions.summary')} state={state} rows={6} maxLength={TEXT_LIMITS.proposalSummary} defaultValue={proposal.summary} />

      <fieldset className="rounded border border-slate-300 p-3" aria-describedby="edit-amounts-hint">
        <legend className="px-1 font-semibold">{t('proposalVersions.amounts')}</legend>
        <p id="edit-amounts-hint" className="text-sm text-slate-700">{t('proposalVersions.amountsHint')}</p>
        <div className="overflow-x-auto">
          <table className="table mt-2 text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-1">{t('proposalVersions.kind')}</th>
                <th scope="col" className="px-1">{t('catalogue.colType')}</th>
                {proposal.years.map((year) => (
                  <th key={year} scope="col" className="px-1 text-right">{year}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {EXPENDITURE_KINDS.map((kind) => (
                <tr key={kind} data-kind={kind}>
                  <th scope="row" className="px-1 text-left font-normal">{t(`kinds.${kind}`)}</th>
                  <td className="px-1">
                    <select
                      name={`type:${kind}`}
                      aria-label={t('proposalVersions.typeFor', { kind: t(`kinds.${kind}`) })}
                      defaultValue={typed?.[`type:${kind}`] ?? typeOf(kind)}
                      key={typed?.[`type:${kind}`]}
                      className="rounded border border-slate-500 bg-white px-2 py-1"
                    >
                      {PROPOSAL_TYPES.map((type) => (
                        <option key={type} value={type}>{t(`types.${type}`)}</option>
                      ))}
                    </select>
                  </td>
                  {proposal.years.map((year) => {
                    const name = `amount:${kind}:${year}`;
                    const stored = amountOf(kind, year);
                    const error = fieldError(state, name);
                    return (
                      <td key={year} className="px-1">
                        <input
                          name={name}
                          inputMode="numeric"
                          aria-label={t('proposalVersions.amountFor', { kind: t(`kinds.${kind}`), year })}
                          defaultValue={typed?.[name] ?? (stored === undefined ? '' : formatAmount(stored))}
                          key={typed?.[name]}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `edit-amount-${kind}-${year}-error` : undefined}
                          className={cellClass}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {cellErrors.map((cell) => (
          <p key={cell.id} id={cell.id} className="form-error-message">
            {t('proposalVersions.amountFor', { kind: t(`kinds.${cell.kind}`), year: cell.year })}: {t(cell.error.key, cell.error.params)}
          </p>
        ))}
      </fieldset>

      <TextAreaField form="edit" name="reason" label={t('proposalVersions.reason')} state={state} rows={2} maxLength={TEXT_LIMITS.changeReason} />
      <SubmitButton label={t('proposalVersions.save')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
