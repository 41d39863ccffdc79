'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldError } from '@/lib/form-state';
import { TEXT_LIMITS } from '@/lib/limits';
import { moveProposalsAction, type MoveState } from '@/app/staff/proposals/actions';
import type { TotalsByKind } from '@/lib/budget/totals';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { formatAmount } from '@/lib/format';
import type { CatalogueLine } from '@/lib/server/catalogue';
import { ErrorSummary, FormStatus, SelectField, SubmitButton } from './form-fields';
import { ScrollRegion } from './scroll-region';

interface ListView {
  id: string;
  name: string;
  proposals: { id: string; code: string; title: string; lines: CatalogueLine[] }[];
}

const idle: MoveState = { status: 'idle' };
const cell = 'px-2 py-1';
const amountCell = `${cell} text-right tabular-nums`;

/** One list's proposals, each with its amounts per expenditure kind and year, and a box to choose it. */
function ListProposals({ list, years }: { list: ListView; years: number[] }) {
  const t = useTranslations();
  return (
    <fieldset className="rounded border border-slate-300 p-3" data-list={list.name}>
      <legend className="px-1 font-semibold">{list.name}</legend>
      <ScrollRegion label={t('staff.moves.amountsCaption', { list: list.name })}>
        <table className="table w-full text-sm">
          <caption className="sr-only">{t('staff.moves.amountsCaption', { list: list.name })}</caption>
          <thead>
            <tr className="border-b border-slate-400 text-left">
              <th scope="col" className={cell}>{t('staff.moves.chooseColumn')}</th>
              <th scope="col" className={cell}>{t('staff.moves.proposalColumn')}</th>
              <th scope="col" className={cell}>{t('staff.moves.kindColumn')}</th>
              {years.map((year) => (
                <th key={year} scope="col" className={`${cell} text-right`}>{year}</th>
              ))}
              <th scope="col" className={cell}><span className="sr-only">{t('staff.moves.editColumn')}</span></th>
            </tr>
          </thead>
          {list.proposals.map((proposal) => {
            const rows = Math.max(proposal.lines.length, 1);
            return (
              <tbody key={proposal.id} className="border-b border-slate-200 align-top" data-proposal={proposal.code}>
                {Array.from({ length: rows }, (_, index) => {
                  const line = proposal.lines[index];
                  return (
                    <tr key={line?.kind ?? 'none'}>
                      {index === 0 && (
                        <>
                          <td rowSpan={rows} className={cell}>
                            <input type="checkbox" name="proposal" value={`${proposal.id}:${list.id}`} aria-label={t('staff.moves.choose', { code: proposal.code })} />
                          </td>
                          <th rowSpan={rows} scope="rowgroup" className={`${cell} text-left font-normal`}>
                            <span className="font-mono">{proposal.code}</span> {proposal.title}
                          </th>
                        </>
                      )}
                      {line ? (
                        <>
                          <td className={cell}>{t(`kinds.${line.kind}`)}</td>
                          {years.map((year) => (
                            <td key={year} className={amountCell}>{formatAmount(line.amounts[year] ?? 0)}</td>
                          ))}
                        </>
                      ) : (
                        <td colSpan={years.length + 1} className={cell}>{t('staff.moves.noAmounts')}</td>
                      )}
                      {index === 0 && (
                        <td rowSpan={rows} className={cell}>
                          <Link href={`/staff/proposals/${proposal.id}/edit`} aria-label={t('proposalVersions.editLabel', { code: proposal.code })} className="text-blue-800 underline underline-offset-2">
                            {t('proposalVersions.edit')}
                          </Link>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </ScrollRegion>
    </fieldset>
  );
}

/** Each list's totals before and after the move: one row per list, moment and expenditure kind. */
function Comparison({ comparison, years }: { comparison: { list: string; before: TotalsByKind; after: TotalsByKind }[]; years: number[] }) {
  const t = useTranslations();
  return (
    <ScrollRegion label={t('staff.moves.comparison')}>
      <table className="table text-sm" data-comparison>
        <caption className="text-left font-semibold">{t('staff.moves.comparison')}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <td />
            {years.map((year) => (
              <th key={year} scope="col" className={`${cell} text-right`}>{year}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.flatMap((row) =>
            (['before', 'after'] as const).flatMap((moment) =>
              EXPENDITURE_KINDS.map((kind) => (
                <tr key={`${row.list}-${moment}-${kind}`} className={kind === 'TRANSFER' ? 'border-b border-slate-200' : undefined}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {t('staff.moves.totalsRow', { list: row.list, moment: t(`staff.moves.${moment}`), kind: t(`kinds.${kind}`) })}
                  </th>
                  {years.map((year) => (
                    <td key={year} className={amountCell}>{formatAmount(row[moment][kind][year] ?? 0)}</td>
                  ))}
                </tr>
              )),
            ),
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Choose proposals in either list and move them, with a reason; the result shows totals before and after. */
export function MoveProposalsForm({ lists, years }: { lists: ListView[]; years: number[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MoveState, FormData>(moveProposalsAction, idle);
  const errors = { proposals: fieldError(state, 'proposals'), reason: fieldError(state, 'reason') };
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      {lists.map((list) => (
        <ListProposals key={list.id} list={list} years={years} />
      ))}
      {errors.proposals && <p className="form-error-message">{t(errors.proposals.key, errors.proposals.params)}</p>}
      <SelectField form="move" name="toListId" label={t('staff.moves.to')} state={state} options={lists.map((l) => ({ value: l.id, label: l.name }))} />
      <div className="flex flex-col gap-1">
        <label htmlFor="move-reason" className="text-sm font-medium">{t('staff.moves.reason')}</label>
        <textarea
          id="move-reason"
          name="reason"
          rows={2}
          maxLength={TEXT_LIMITS.changeReason}
          defaultValue={state.status === 'error' ? state.values.reason : ''}
          key={state.status === 'error' ? state.values.reason : 'reason'}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? 'move-reason-hint move-reason-error' : 'move-reason-hint'}
          className="rounded border border-slate-500 p-2"
        />
        <p id="move-reason-hint" className="text-sm text-slate-700">{t('staff.moves.reasonHint')}</p>
        {errors.reason && <p id="move-reason-error" className="form-error-message">{t(errors.reason.key, errors.reason.params)}</p>}
      </div>
      <SubmitButton label={t('staff.moves.submit')} pending={pending} />
      <FormStatus state={state} />
      {state.status === 'success' && state.comparison && state.years && <Comparison comparison={state.comparison} years={state.years} />}
    </form>
  );
}
