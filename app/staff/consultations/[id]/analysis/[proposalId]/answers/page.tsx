import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnalysisAnswers } from '@/components/analysis/answer-analysis';
import { StanceMark } from '@/components/insight/stance';
import { ScrollRegion } from '@/components/scroll-region';
import { STANCES_AND_NONE } from '@/lib/analysis/themes';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { TYPE_ORDER } from '@/lib/insight/status';
import { analysisView, type AnalysisFilters } from '@/lib/server/analysis-view';
import { currentActor } from '@/lib/server/session';
import type { StanceOrNone } from '@/lib/insight/aggregate';
import type { OrganisationType } from '@/lib/generated/prisma/enums';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string; proposalId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('themes'))('analysisLink') };
}

const link = 'text-blue-800 underline underline-offset-2';
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** The filters of the plain GET form; anything unknown is no filter. */
function filtersOf(params: Record<string, string | string[] | undefined>): AnalysisFilters {
  const stance = one(params.stance);
  const type = one(params.type);
  return {
    stance: (STANCES_AND_NONE as readonly string[]).includes(stance) ? (stance as StanceOrNone) : undefined,
    organisationType: (TYPE_ORDER as readonly string[]).includes(type) ? (type as OrganisationType) : undefined,
    statutory: one(params.statutory) === '1',
    theme: one(params.theme) || undefined,
    unread: one(params.unread) === '1',
  };
}

/** One proposal's answers for the budget office: filter, read, tag, note; with the counts per theme and stance. */
export default async function ProposalAnswersPage({ params, searchParams }: Props) {
  const [{ id, proposalId }, query] = await Promise.all([params, searchParams]);
  const filters = filtersOf(query);
  const [view, t, tRoot, localeName] = await Promise.all([analysisView(await currentActor(), id, proposalId, filters), getTranslations('themes'), getTranslations(), getLocale()]);
  if (!view) notFound();
  const locale = isLocale(localeName) ? localeName : 'da';
  const { proposal, themes, answers, total, counts } = view;
  const dates = Object.fromEntries(answers.flatMap((a) => a.notes.map((n) => [n.id, formatCopenhagen(n.createdAt, locale)])));
  const select = 'form-select';
  return (
    <ClientMessages namespaces={['analysis', 'consultations.confidential', 'insight', 'orgTypes', 'responses', 'themes']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}/analysis/${proposalId}`} className={link}>{tRoot('analysis.summaryHeading')}</Link> · <Link href={`/staff/consultations/${id}/analysis/themes`} className={link}>{t('title')}</Link></p>
      <h1 className="text-2xl font-bold">{t('analysisTitle', { code: proposal.code })}</h1>
      <p className="mt-1">{proposal.title}</p>

      <section aria-labelledby="counts-heading" className="mt-4">
        <h2 id="counts-heading" className="text-xl font-semibold">{t('countsHeading')}</h2>
        {themes.length === 0 ? (
          <p>{t('noThemes')}</p>
        ) : (
          <div className="mt-2">
            <ScrollRegion label={t('countsHeading')}>
              <table className="table border-collapse text-sm" data-testid="theme-counts">
                <thead>
                  <tr className="border-b border-slate-400">
                    <th scope="col" className="py-1 pr-3 text-left">{t('theme')}</th>
                    {STANCES_AND_NONE.map((stance) => <th key={stance} scope="col" className="py-1 pr-3 text-right"><StanceMark stance={stance} /></th>)}
                    <th scope="col" className="py-1 pr-3 text-right">{t('countsTotal')}</th>
                  </tr>
                </thead>
                <tbody>
                  {themes.map((theme, i) => (
                    <tr key={theme.id} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">{theme.name}</th>
                      {STANCES_AND_NONE.map((stance) => <td key={stance} className="py-1 pr-3 text-right tabular-nums">{counts[i]!.counts[stance]}</td>)}
                      <td className="py-1 pr-3 text-right tabular-nums">{counts[i]!.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        )}
      </section>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded border border-slate-300 p-3" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="w-full text-lg font-semibold">{t('filters')}</h2>
        <div className="flex flex-col">
          <label htmlFor="filter-stance" className="font-medium">{t('stance')}</label>
          <select id="filter-stance" name="stance" defaultValue={filters.stance ?? ''} className={select}>
            <option value="">{t('allStances')}</option>
            {STANCES_AND_NONE.map((stance) => <option key={stance} value={stance}>{tRoot(`insight.stances.${stance}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="filter-type" className="font-medium">{t('organisationType')}</label>
          <select id="filter-type" name="type" defaultValue={filters.organisationType ?? ''} className={select}>
            <option value="">{t('allTypes')}</option>
            {TYPE_ORDER.map((type) => <option key={type} value={type}>{tRoot(`orgTypes.${type}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="filter-theme" className="font-medium">{t('themeFilter')}</label>
          <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ''} className={select}>
            <option value="">{t('allThemes')}</option>
            <option value="none">{t('untaggedOption')}</option>
            {themes.map((theme) => <option key={theme.id} value={theme.id}>{theme.name}</option>)}
          </select>
        </div>
        <label className="flex items-center gap-2"><input type="checkbox" name="statutory" value="1" defaultChecked={filters.statutory} className="h-5 w-5" /> {t('statutoryOnly')}</label>
        <label className="flex items-center gap-2"><input type="checkbox" name="unread" value="1" defaultChecked={filters.unread} className="h-5 w-5" /> {t('unreadOnly')}</label>
        <button type="submit" className="button button-primary">{t('apply')}</button>
      </form>

      <p className="mt-4" role="status">{t('shown', { shown: answers.length, total })}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('keyboardHelp')}</p>
      <AnalysisAnswers context={{ consultationId: id, proposalId, themes: themes.map(({ id: themeId, name }) => ({ id: themeId, name })) }} answers={answers} dates={dates} />
    </ClientMessages>
  );
}
