import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ExportSection } from '@/components/export-section';
import { AudienceNote, InsightNav } from '@/components/insight/insight-nav';
import { StanceBar, StanceLegend } from '@/components/insight/stance';
import { PROPOSAL_TYPES } from '@/lib/budget-document/parse';
import { formatAmount } from '@/lib/format';
import { filterAndSort, overviewRows, parseOverviewFilters, STANCES } from '@/lib/insight/aggregate';
import { getConsultationInsight } from '@/lib/server/insight';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('title') };
}

const field = 'form-input';

// Works without JavaScript: filtering and sorting are a GET form.
export default async function InsightOverviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const [t, tRoot] = await Promise.all([getTranslations('insight'), getTranslations()]);
  const insight = await getConsultationInsight(await currentActor(), id, tRoot('publicConsultations.redactedMarker'));
  if (!insight) notFound();
  const filters = parseOverviewFilters(await searchParams);
  const { catalogue, consultation } = insight;
  const firstYear = catalogue.budget.years[0]!;
  const all = overviewRows(insight.proposals, insight.responses, firstYear);
  const rows = filterAndSort(all, filters);
  const answers = all.reduce((sum, row) => sum + row.responses, 0);

  return (
    <>
      <h1 className="text-2xl font-bold">{t('overviewTitle', { title: consultation.title })}</h1>
      <AudienceNote audience={insight.audience} published={consultation.status === 'PUBLISHED'} />
      <InsightNav consultationId={id} current="overview" />
      <p className="mt-3">{t('summary', { responses: insight.responses.length, answers, proposals: all.length })}</p>
      {(insight.audience === 'full' || consultation.status === 'PUBLISHED') && <ExportSection consultationId={id} />}

      <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 p-3" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="sr-only">{t('filters')}</h2>
        <label className="flex flex-col text-sm">
          {tRoot('catalogue.committee')}
          <select name="committee" defaultValue={filters.committee ?? ''} className={field}>
            <option value="">{t('all')}</option>
            {catalogue.committees.map((c) => (
              <option key={c.code} value={c.code}>{c.name ? `${c.code} – ${c.name}` : c.code}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {tRoot('catalogue.type')}
          <select name="type" defaultValue={filters.type ?? ''} className={field}>
            <option value="">{t('all')}</option>
            {PROPOSAL_TYPES.map((type) => (
              <option key={type} value={type}>{tRoot(`types.${type}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('list')}
          <select name="list" defaultValue={filters.list ?? ''} className={field}>
            <option value="">{t('all')}</option>
            {catalogue.lists.map((list) => (
              <option key={list.id} value={list.id}>{list.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('prevailingStance')}
          <select name="stance" defaultValue={filters.stance ?? ''} className={field}>
            <option value="">{t('all')}</option>
            {STANCES.map((stance) => (
              <option key={stance} value={stance}>{t(`stances.${stance}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('minAmount', { year: firstYear })}
          <input name="minAmount" type="number" min={0} step={1} defaultValue={filters.minAmount ?? ''} className={`${field} w-32`} />
        </label>
        <label className="flex flex-col text-sm">
          {t('sort')}
          <select name="sort" defaultValue={filters.sort} className={field}>
            {(['code', 'amount', 'responses', 'opposition'] as const).map((sort) => (
              <option key={sort} value={sort}>{t(`sorts.${sort}`)}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary">{t('apply')}</button>
        <Link href={`/insight/${id}`} className="self-center text-sm text-blue-800 underline underline-offset-2">{t('reset')}</Link>
      </form>

      <div className="mt-4"><StanceLegend /></div>
      <div className="mt-2 overflow-x-auto">
        <table className="table w-full border-collapse text-left text-sm" data-overview>
          <caption className="text-left text-slate-700">{t('showing', { count: rows.length, total: all.length })}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-1 pr-3">{t('proposal')}</th>
              <th scope="col" className="py-1 pr-3">{t('list')}</th>
              <th scope="col" className="py-1 pr-3 text-right">{t('amountYear', { year: firstYear })}</th>
              <th scope="col" className="py-1 pr-3 text-right">{t('responsesCount')}</th>
              <th scope="col" className="py-1">{t('distribution')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ proposal, counts, responses, amount }) => (
              <tr key={proposal.id} className="border-b border-slate-200 align-top" data-proposal={proposal.code}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/insight/${id}/proposals/${proposal.id}`} className="font-semibold text-blue-800 underline underline-offset-2">{proposal.code}</Link> {proposal.title}
                  <span className="block text-xs text-slate-700">{proposal.committee.name ?? proposal.committee.code}</span>
                </th>
                <td className="py-2 pr-3">{proposal.list.name}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatAmount(amount)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{responses}</td>
                <td className="py-2"><StanceBar counts={counts} total={responses} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
