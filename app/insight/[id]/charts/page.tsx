import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import { AudienceNote, InsightNav } from '@/components/insight/insight-nav';
import { STANCE_FILLS } from '@/components/insight/stance';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { committeeLabel, committeeSummaries, overviewRows, STANCES } from '@/lib/insight/aggregate';
import { getConsultationInsight } from '@/lib/server/insight';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('nav.charts') };
}

const LIST_FILLS = [
  ['fill-blue-900', 'fill-sky-400'],
  ['fill-orange-800', 'fill-amber-300'],
];
const YEAR_FILLS = ['fill-blue-900', 'fill-sky-600', 'fill-teal-500', 'fill-slate-400'];

export default async function InsightChartsPage({ params }: Props) {
  const { id } = await params;
  const [t, tRoot] = await Promise.all([getTranslations('insight'), getTranslations()]);
  const insight = await getConsultationInsight(await currentActor(), id, tRoot('publicConsultations.redactedMarker'));
  if (!insight) notFound();
  const { years } = insight.catalogue.budget;
  const committees = committeeSummaries(overviewRows(insight.proposals, insight.responses, years[0]!, years), years);
  const unit = t('unitThousands');

  return (
    <>
      <h1 className="text-2xl font-bold">{t('chartsTitle', { title: insight.consultation.title })}</h1>
      <AudienceNote audience={insight.audience} published={insight.consultation.status === 'PUBLISHED'} />
      <InsightNav consultationId={id} current="charts" />
      <div className="mt-4 grid gap-6">
        <BarChart
          id="budget-effect"
          title={t('charts.budgetEffect')}
          description={t('charts.budgetEffectDescription')}
          categoryHeading={t('year')}
          unit={unit}
          categories={years.map(String)}
          series={insight.catalogue.lists.flatMap((list, l) =>
            EXPENDITURE_KINDS.map((kind, k) => ({ name: `${list.name}: ${tRoot(`kinds.${kind}`)}`, values: years.map((year) => list.totals[kind][year] ?? 0), fill: LIST_FILLS[l % 2]![k]! })),
          )}
        />
        <BarChart
          id="committee-savings"
          title={t('charts.committeeSavings')}
          description={t('charts.committeeSavingsDescription')}
          categoryHeading={tRoot('catalogue.committee')}
          unit={unit}
          categories={committees.map((c) => committeeLabel(c.committee))}
          series={years.map((year, y) => ({ name: String(year), values: committees.map((c) => c.amounts[year] ?? 0), fill: YEAR_FILLS[y % YEAR_FILLS.length]! }))}
        />
        <BarChart
          id="committee-stances"
          title={t('charts.committeeStances')}
          description={t('charts.committeeStancesDescription')}
          categoryHeading={tRoot('catalogue.committee')}
          unit={t('unitAnswers')}
          categories={committees.map((c) => committeeLabel(c.committee))}
          series={STANCES.map((stance) => ({ name: t(`stances.${stance}`), values: committees.map((c) => c.counts[stance]), fill: STANCE_FILLS[stance] }))}
        />
      </div>
    </>
  );
}
