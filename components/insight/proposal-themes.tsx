import { useTranslations } from 'next-intl';
import { BarChart } from '@/components/charts/bar-chart';
import { STANCE_FILLS } from '@/components/insight/stance';
import { STANCES, type StanceCounts } from '@/lib/insight/aggregate';

interface ThemeCount {
  id: string;
  name: string;
  description: string;
  counts: StanceCounts;
  total: number;
}

/** The budget office's themes on a proposal's answers: a chart per stance with the same figures in its table. */
export function ProposalThemes({ themes }: { themes: ThemeCount[] }) {
  const t = useTranslations('themes');
  const tInsight = useTranslations('insight');
  return (
    <section aria-labelledby="themes-heading" className="mt-6">
      <h2 id="themes-heading" className="text-xl font-semibold">{t('insightHeading')}</h2>
      <p className="max-w-prose text-sm text-slate-700">{t('insightHelp')}</p>
      <ul className="mt-2 list-disc pl-6 text-sm">
        {themes.map((theme) => (
          <li key={theme.id} data-theme={theme.name}>
            <span className="font-semibold">{theme.name}</span>: {t('answerCount', { count: theme.total })}
            {theme.description && <> – {theme.description}</>}
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <BarChart
          id="theme-stances"
          title={t('chartTitle')}
          description={t('chartDescription')}
          categoryHeading={t('theme')}
          unit={tInsight('unitAnswers')}
          categories={themes.map((theme) => theme.name)}
          series={STANCES.map((stance) => ({ name: tInsight(`stances.${stance}`), values: themes.map((theme) => theme.counts[stance]), fill: STANCE_FILLS[stance] }))}
        />
      </div>
    </section>
  );
}
