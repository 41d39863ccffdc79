import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ExportSection } from '@/components/export-section';
import { AudienceNote, InsightNav } from '@/components/insight/insight-nav';
import { StanceBar, StanceLegend } from '@/components/insight/stance';
import { PROPOSAL_TYPES } from '@/lib/budget/vocabulary';
import { formatAmount } from '@/lib/format';
import { committeeLabel, filterAndSort, isFiltered, kindTotals, overviewRows, parseOverviewFilters, resolvePeriod, SORTS, STANCES, type KindTotals } from '@/lib/insight/aggregate';
import { ResponseStatusSection } from '@/components/insight/response-status';
import { getConsultationInsight } from '@/lib/server/insight';
import { getResponseStatus } from '@/lib/server/response-status';
import { can } from '@/lib/server/policy';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('title') };
}

const field = 'form-input';

// Works without JavaScript: filtering and sorting are a GET form.
export default async function InsightOverviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const [t, tRoot] = await Promise.all([getTranslations('insight'), getTranslations()]);
  const actor = await currentActor();
  const insight = await getConsultationInsight(actor, id, tRoot('publicConsultations.redactedMarker'));
  if (!insight) notFound();
  const [mayExport, mayReadStatus] = await Promise.all([
    can(actor, 'consultation.export', { consultation: insight.consultation }),
    can(actor, 'consultation.status.read', { consultation: insight.consultation }),
  ]);
  const status = mayReadStatus ? await getResponseStatus(actor, id) : null;
  const filters = parseOverviewFilters(await searchParams);
  const { catalogue, consultation } = insight;
  const { years } = catalogue.budget;
  const period = resolvePeriod(filters.period, years);
  const periodName = (p: typeof period) => (p === 'sum' ? t('periodSum', { first: years[0]!, last: years[years.length - 1]! }) : String(p));
  const all = overviewRows(insight.proposals, insight.responses, period, years);
  const rows = filterAndSort(all, filters);
  const answers = all.reduce((sum, row) => sum + row.responses, 0);
  const filtered = isFiltered(filters);
  const listTotals = catalogue.lists.map((list) => ({
    list,
    whole: kindTotals(insight.proposals.filter((p) => p.list.id === list.id), period, years),
    shown: kindTotals(rows.filter((row) => row.proposal.list.id === list.id).map((row) => row.proposal), period, years),
  }));
  const KINDS = ['SERVICE', 'TRANSFER', 'total'] as const satisfies readonly (keyof KindTotals)[];
  const kindHeading = { SERVICE: t('kindService'), TRANSFER: t('kindTransfer'), total: t('kindTotal') };

  return (
    <ClientMessages namespaces={['exports']} forms={false}>
      <h1 className="text-2xl font-bold">{t('overviewTitle', { title: consultation.title })}</h1>
      <AudienceNote audience={insight.audience} published={consultation.status === 'PUBLISHED'} />
      <InsightNav consultationId={id} current="overview" />
      <p className="mt-3">{t('summary', { responses: insight.responses.length, answers, proposals: all.length })}</p>
      {status && <ResponseStatusSection status={status} />}
      {mayExport && <ExportSection consultationId={id} audience={insight.audience} />}

      <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 p-3" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="sr-only">{t('filters')}</h2>
        <label className="flex flex-col text-sm">
          {tRoot('catalogue.committee')}
          <select name="committee" defaultValue={filters.committee ?? ''} className={field}>
            <option value="">{t('all')}</option>
            {catalogue.committees.map((c) => (
              <option key={c.code} value={c.code}>{committeeLabel(c)}</option>
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
          {t('periodLabel')}
          <select name="period" defaultValue={String(period)} className={field}>
            {[...years, 'sum' as const].map((p) => (
              <option key={p} value={String(p)}>{periodName(p)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('direction')}
          <select name="direction" defaultValue={filters.direction ?? ''} className={field}>
            <option value="">{t('directions.any')}</option>
            <option value="saving">{t('directions.saving')}</option>
            <option value="cost">{t('directions.cost')}</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('atLeast')}
          <input name="minAmount" type="number" min={0} step={1} defaultValue={filters.minAmount ?? ''} className={`${field} w-32`} />
        </label>
        <label className="flex flex-col text-sm">
          {t('sort')}
          <select name="sort" defaultValue={filters.sort} className={field}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>{t(`sorts.${sort}`)}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary">{t('apply')}</button>
        <Link href={`/insight/${id}`} className="self-center text-sm text-blue-800 underline underline-offset-2">{t('reset')}</Link>
      </form>

      <div className="mt-4 overflow-x-auto">
        <table className="border-collapse text-left text-sm" data-list-totals>
          <caption className="text-left font-semibold">{t(filtered ? 'totalsCaptionFiltered' : 'totalsCaption', { period: periodName(period) })}</caption>
          <thead>
            {filtered ? (
              <>
                <tr>
                  <th scope="col" rowSpan={2} className="py-1 pr-3 align-bottom">{t('list')}</th>
                  <th scope="colgroup" colSpan={KINDS.length} className="px-2 text-center">{t('wholeList')}</th>
                  <th scope="colgroup" colSpan={KINDS.length} className="px-2 text-center">{t('shown')}</th>
                </tr>
                <tr className="border-b border-slate-400">
                  {[...KINDS, ...KINDS].map((kind, i) => (
                    <th key={i} scope="col" className="px-2 py-1 text-right">{kindHeading[kind]}</th>
                  ))}
                </tr>
              </>
            ) : (
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-3">{t('list')}</th>
                {KINDS.map((kind) => (
                  <th key={kind} scope="col" className="px-2 py-1 text-right">{kindHeading[kind]}</th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {listTotals.map(({ list, whole, shown }) => (
              <tr key={list.id} className="border-b border-slate-200" data-list={list.name}>
                <th scope="row" className="py-1 pr-3 font-normal">{list.name}</th>
                {KINDS.map((kind) => (
                  <td key={kind} className="px-2 py-1 text-right tabular-nums" data-whole={kind}>{formatAmount(whole[kind])}</td>
                ))}
                {filtered &&
                  KINDS.map((kind) => (
                    <td key={kind} className="px-2 py-1 text-right tabular-nums" data-shown={kind}>{formatAmount(shown[kind])}</td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="mt-4"><StanceLegend /></div>
      <div className="mt-2 overflow-x-auto">
        <table className="table w-full border-collapse text-left text-sm" data-overview>
          <caption className="text-left text-slate-700">{t('showing', { count: rows.length, total: all.length })}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-1 pr-3">{t('proposal')}</th>
              <th scope="col" className="py-1 pr-3">{t('list')}</th>
              <th scope="col" className="py-1 pr-3 text-right">{t('amountIn', { period: periodName(period) })}</th>
              <th scope="col" className="py-1 pr-3 text-right">{t('responsesCount')}</th>
              <th scope="col" className="py-1">{t('distribution')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ proposal, counts, responses, amount }) => (
              <tr key={proposal.id} className="border-b border-slate-200 align-top" data-proposal={proposal.code} data-amount={amount}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/insight/${id}/proposals/${proposal.id}`} className="font-semibold text-blue-800 underline underline-offset-2">{proposal.code}</Link> {proposal.title}
                  <span className="block text-xs text-slate-700">{committeeLabel(proposal.committee)}</span>
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
    </ClientMessages>
  );
}
