'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { assignAnalystAction } from '@/app/staff/consultations/[id]/analysis/actions';
import { ErrorSummary, FormStatus, SelectField, SubmitButton } from '@/components/form-fields';
import { idle, type FormState } from '@/lib/form-state';

export interface ProgressRow {
  proposalId: string;
  code: string;
  title: string;
  href: string;
  analyst: string | null;
  answers: number;
  readByAnalyst: number;
  read: number;
  tagged: number;
  /** The summary's and the decision's state, translated. */
  state: string;
}

interface Props {
  consultationId: string;
  analysts: { userId: string; name: string }[];
  rows: ProgressRow[];
}

/**
 * The consultation's proposals with their analyst and progress; ticking some and choosing a member
 * of staff gives them to that analyst at once.
 */
export function AssignmentForm({ consultationId, analysts, rows }: Props) {
  const t = useTranslations('analysisProgress');
  const [state, action, pending] = useActionState<FormState, FormData>(assignAnalystAction, idle);
  const options = [{ value: '', label: t('noAnalyst') }, ...analysts.map((a) => ({ value: a.userId, label: a.name }))];
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <table className="table table-stacked w-full border-collapse text-left text-sm" data-analysis-progress>
        <caption className="text-left font-semibold">{t('tableCaption')}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-1 pr-2">{t('choose')}</th>
            <th scope="col" className="py-1 pr-2">{t('proposal')}</th>
            <th scope="col" className="py-1 pr-2">{t('analyst')}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t('answers')}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t('readByAnalyst')}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t('read')}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t('tagged')}</th>
            <th scope="col" className="py-1">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.proposalId} className="border-b border-slate-200 align-top" data-proposal={row.code}>
              <td className="py-1 pr-2">
                <input type="checkbox" name="proposalIds" value={row.proposalId} id={`assign-${row.proposalId}`} aria-label={t('chooseProposal', { code: row.code })} />
              </td>
              <th scope="row" className="py-1 pr-2 font-normal">
                <Link href={row.href} className="font-semibold text-blue-800 underline underline-offset-2">
                  <span className="font-mono">{row.code}</span> {row.title}
                </Link>
              </th>
              <td className="py-1 pr-2" data-label={t('analyst')} data-analyst>{row.analyst ?? t('noAnalyst')}</td>
              <td className="py-1 pr-2 text-right tabular-nums" data-label={t('answers')}>{row.answers}</td>
              <td className="py-1 pr-2 text-right tabular-nums" data-label={t('readByAnalyst')} data-read-by-analyst>{row.readByAnalyst}</td>
              <td className="py-1 pr-2 text-right tabular-nums" data-label={t('read')} data-read>{row.read}</td>
              <td className="py-1 pr-2 text-right tabular-nums" data-label={t('tagged')} data-tagged>{row.tagged}</td>
              <td className="py-1" data-label={t('state')}>{row.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SelectField form="assign" name="userId" label={t('assignTo')} hint={t('assignHint')} state={state} options={options} />
      <SubmitButton label={t('assign')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
