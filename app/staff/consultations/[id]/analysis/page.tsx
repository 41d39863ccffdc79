import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PublishResultsForm } from '@/components/analysis-forms';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { listProposalAnalyses } from '@/lib/server/proposal-analysis';
import { resultsPath } from '@/lib/server/results';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analysis'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** Every proposal with how far its summary and decision have come, and publishing the results. */
export default async function AnalysisPage({ params }: Props) {
  const { id } = await params;
  const [consultation, t, tThemes, localeName] = await Promise.all([listProposalAnalyses(await currentActor(), id), getTranslations('analysis'), getTranslations('themes'), getLocale()]);
  if (!consultation) notFound();
  const locale = isLocale(localeName) ? localeName : 'da';
  const closed = consultation.status === 'CLOSED' || consultation.status === 'PUBLISHED';
  return (
    <>
      <p className="text-sm"><Link href={`/staff/consultations/${consultation.id}`} className={link}>{t('back')}</Link></p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1">{consultation.title}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('help')}</p>
      <p className="mt-2"><Link href={`/staff/consultations/${consultation.id}/analysis/themes`} className={link}>{tThemes('link')}</Link></p>
      {consultation.proposals.length === 0 && <p className="mt-4">{t('none')}</p>}
      <ul className="mt-4 flex flex-col gap-3">
        {consultation.proposals.map((proposal) => (
          <li key={proposal.id} className="border-l-4 border-slate-300 pl-3">
            <Link href={`/staff/consultations/${consultation.id}/analysis/${proposal.id}`} className={`${link} font-semibold`}>
              <span className="font-mono">{proposal.code}</span> {proposal.title}
            </Link>
            <p className="text-sm">
              {proposal.summaryVersion > 0 ? t('summaryVersion', { version: proposal.summaryVersion }) : t('noSummary')} ·{' '}
              {proposal.outcome ? t(`outcomes.${proposal.outcome}`) : t('noDecision')}
            </p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="publish-heading" className="mt-8">
        <h2 id="publish-heading" className="text-xl font-semibold">{t('publishHeading')}</h2>
        {consultation.resultsPublishedAt ? (
          <p className="mt-1">
            {t('publishedAt', { date: formatCopenhagen(consultation.resultsPublishedAt, locale) })}{' '}
            <Link href={resultsPath(consultation.id)} className={link}>{t('publicPage')}</Link>
          </p>
        ) : closed ? (
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('publishHelp')}</p>
        ) : (
          <p className="mt-1">{t('publishNotYet')}</p>
        )}
        {/* Stays mounted when publishing re-renders the page, so that its status (how many were mailed) stays. */}
        {closed && <PublishResultsForm consultationId={consultation.id} published={consultation.resultsPublishedAt !== null} />}
      </section>
    </>
  );
}
