import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StanceMark } from '@/components/insight/stance';
import { formatCopenhagen, formatDay } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { STANCES } from '@/lib/insight/aggregate';
import { getPublishedResults } from '@/lib/server/results';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('results'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** Per list and proposal how the parties answered, staff's summary and the council's decision; not found before publication. */
export default async function ResultsPage({ params }: Props) {
  const { id } = await params;
  const [t, tAnalysis, localeName] = await Promise.all([getTranslations('results'), getTranslations('analysis'), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  const results = await getPublishedResults(await currentActor(), id);
  if (!results) notFound();
  return (
    <>
      <p className="text-sm"><Link href={`/consultations/${results.id}`} className={link}>{t('back')}</Link></p>
      <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1">{results.title} · {t('publishedAt', { date: formatCopenhagen(results.publishedAt, locale) })}</p>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {results.lists.map((list) => (
        <section key={list.id} aria-labelledby={`list-${list.id}`} className="mt-6">
          <h2 id={`list-${list.id}`} className="text-xl font-semibold">{list.name}</h2>
          <ul className="mt-2 flex flex-col gap-5">
            {list.proposals.map((proposal) => (
              <li key={proposal.id} aria-labelledby={`proposal-${proposal.id}`} className="border-l-4 border-slate-300 pl-3" data-proposal={proposal.code}>
                <h3 id={`proposal-${proposal.id}`} className="text-lg font-semibold">
                  <Link href={`/proposals/${proposal.id}`} className={link}><span className="font-mono">{proposal.code}</span> {proposal.title}</Link>
                </h3>
                <p className="mt-1 text-sm font-medium">{t('counts')}</p>
                <ul className="mt-1 flex flex-wrap gap-3 text-sm" data-counts>
                  {[...STANCES, 'NONE' as const].map((stance) => (
                    <li key={stance} data-stance={stance}><StanceMark stance={stance} /> <span className="tabular-nums">{proposal.counts[stance]}</span></li>
                  ))}
                </ul>
                <h4 className="mt-2 font-semibold">{t('summary')}</h4>
                <p className="max-w-prose whitespace-pre-wrap">{proposal.summary ?? t('noSummary')}</p>
                <h4 className="mt-2 font-semibold">{t('decision')}</h4>
                {proposal.decision ? (
                  <>
                    <p className="font-medium">{tAnalysis('decisionLine', { outcome: tAnalysis(`outcomes.${proposal.decision.outcome}`), date: formatDay(proposal.decision.decidedOn, locale) })}</p>
                    {proposal.decision.note && <p className="max-w-prose whitespace-pre-wrap">{proposal.decision.note}</p>}
                  </>
                ) : (
                  <p>{t('noDecision')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
