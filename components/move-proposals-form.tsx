'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { moveProposalsAction, type MoveState } from '@/app/staff/proposals/actions';
import { formatAmount } from '@/lib/format';
import type { TotalsByKind } from '@/lib/budget/totals';
import { FormStatus, SelectField, SubmitButton } from './form-fields';

interface ListView {
  id: string;
  name: string;
  proposals: { id: string; code: string; title: string }[];
}

const idle: MoveState = { status: 'idle' };

function TotalsRow({ label, totals, years }: { label: string; totals: TotalsByKind; years: number[] }) {
  return (
    <tr>
      <th scope="row" className="pr-2 text-left font-normal">{label}</th>
      {years.map((year) => (
        <td key={year} className="px-1 text-right tabular-nums">{formatAmount(totals.SERVICE[year] ?? 0)} / {formatAmount(totals.TRANSFER[year] ?? 0)}</td>
      ))}
    </tr>
  );
}

/** Choose proposals in either list and move them, with a reason; the result shows totals before and after. */
export function MoveProposalsForm({ lists }: { lists: ListView[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MoveState, FormData>(moveProposalsAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {lists.map((list) => (
          <fieldset key={list.id} className="rounded border border-slate-300 p-3" data-list={list.name}>
            <legend className="px-1 font-semibold">{list.name}</legend>
            <ul className="flex flex-col gap-1">
              {list.proposals.map((proposal) => (
                <li key={proposal.id} className="flex items-start justify-between gap-2">
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="proposal" value={`${proposal.id}:${list.id}`} aria-label={t('staff.moves.choose', { code: proposal.code })} />
                    <span><span className="font-mono">{proposal.code}</span> {proposal.title}</span>
                  </label>
                  <Link href={`/staff/proposals/${proposal.id}/edit`} aria-label={t('proposalVersions.editLabel', { code: proposal.code })} className="text-sm text-blue-800 underline underline-offset-2">
                    {t('proposalVersions.edit')}
                  </Link>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
      {errors.proposals && <p className="text-sm text-red-800">{t(errors.proposals)}</p>}
      <SelectField form="move" name="toListId" label={t('staff.moves.to')} state={state} options={lists.map((l) => ({ value: l.id, label: l.name }))} />
      <div className="flex flex-col gap-1">
        <label htmlFor="move-reason" className="text-sm font-medium">{t('staff.moves.reason')}</label>
        <textarea
          id="move-reason"
          name="reason"
          rows={2}
          maxLength={2000}
          defaultValue={state.status === 'error' ? state.values.reason : ''}
          key={state.status === 'error' ? state.values.reason : 'reason'}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? 'move-reason-hint move-reason-error' : 'move-reason-hint'}
          className="rounded border border-slate-500 p-2"
        />
        <p id="move-reason-hint" className="text-sm text-slate-700">{t('staff.moves.reasonHint')}</p>
        {errors.reason && <p id="move-reason-error" className="text-sm text-red-800">{t(errors.reason)}</p>}
      </div>
      <SubmitButton label={t('staff.moves.submit')} pending={pending} />
      <FormStatus state={state} />
      {state.status === 'success' && state.comparison && state.years && (
        <table className="text-sm" data-comparison>
          <caption className="text-left font-semibold">{t('catalogue.overview')} ({t('catalogue.totalService')} / {t('catalogue.totalTransfer')})</caption>
          <thead>
            <tr>
              <td />
              {state.years.map((year) => (
                <th key={year} scope="col" className="px-1 text-right">{year}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.comparison.flatMap((row) => [
              <TotalsRow key={`${row.list}-before`} label={`${row.list}: ${t('staff.moves.before')}`} totals={row.before} years={state.years!} />,
              <TotalsRow key={`${row.list}-after`} label={`${row.list}: ${t('staff.moves.after')}`} totals={row.after} years={state.years!} />,
            ])}
          </tbody>
        </table>
      )}
    </form>
  );
}
