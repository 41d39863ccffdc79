import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PublishResultsForm } from '@/components/analysis-forms';
import { AssignmentForm } from '@/components/analysis/assignment-form';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { analysisProgress, analystCandidates } from '@/lib/server/analysis-progress';
import { listProposalAnalyses } from '@/lib/server/proposal-analysis';
import { resultsPath } from '@/lib/server/results';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analysis'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

/**
 * Every proposal with its analyst, how far the reading has come and how far its summary and
 * decision have, the analysts' progress, and publishing the results.
 */
export default async function AnalysisPage({ params }: Props) {
  const { id } = await params;
  const actor = await currentActor();
  const [consultation, progress, analysts, t, tProgress, tThemes, localeName] = await Promise.all([
    listProposalAnalyses(actor, id),
    analysisProgress(actor, id),
    analystCandidates(actor),
    getTranslations('analysis'),
    getTranslations('analysisProgress'),
    getTranslations('themes'),
    getLocale(),
  ]);
  if (!consultation || !progress) notFound();
  const progressOf = new Map(progress.proposals.map((p) => [p.proposalId, p]));
  const locale = isLocale(localeName) ? localeName : 'da';
  const closed = consultation.status === 'CLOSED' || consultation.status === 'PUBLISHED';
  return (
    <ClientMessages namespaces={['analysis', 'analysisProgress', 'insight']}>
      <p className="text-sm"><Link href={`/staff/consultations/${consultation.id}`} className={link}>{t('back')}</Link></p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1">{consultation.title}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('help')}</p>
      <p className="mt-2"><Link href={`/staff/consultations/${consultation.id}/analysis/themes`} className={link}>{tThemes('link')}</Link></p>
      <p className="mt-2"><Link href={`/staff/consultations/${consultation.id}/analysis/duplicates`} className={link}>{tProgress('duplicatesLink')}</Link></p>
      <p className="mt-2 font-medium" data-progress-total>{tProgress('summary', progress.total)}</p>
      {consultation.proposals.length === 0 ? (
        <p className="mt-4">{t('none')}</p>
      ) : (
        <div className="mt-4">
          <AssignmentForm
            consultationId={consultation.id}
            analysts={analysts}
            rows={consultation.proposals.map((proposal) => {
              const counts = progressOf.get(proposal.id);
              return {
                proposalId: proposal.id,
                code: proposal.code,
                title: proposal.title,
                href: `/staff/consultations/${consultation.id}/analysis/${proposal.id}`,
                analyst: counts?.analyst ? (counts.analyst.name ?? tProgress('erasedAnalyst')) : null,
                answers: counts?.answers ?? 0,
                readByAnalyst: counts?.readByAnalyst ?? 0,
                read: counts?.read ?? 0,
                tagged: counts?.tagged ?? 0,
                state: `${proposal.summaryVersion > 0 ? t('summaryVersion', { version: proposal.summaryVersion }) : t('noSummary')} · ${proposal.outcome ? t(`outcomes.${proposal.outcome}`) : t('noDecision')}`,
              };
            })}
          />
        </div>
      )}

      <section aria-labelledby="analysts-heading" className="mt-8">
        <h2 id="analysts-heading" className="text-xl font-semibold">{tProgress('analystsHeading')}</h2>
        {progress.analysts.length === 0 ? (
          <p className="mt-1">{tProgress('noAnalysts')}</p>
        ) : (
          <table className="table table-stacked mt-2 w-full border-collapse text-left text-sm" data-analysts>
            <caption className="sr-only">{tProgress('analystsHeading')}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-2">{tProgress('analyst')}</th>
                <th scope="col" className="py-1 pr-2 text-right">{tProgress('proposals')}</th>
                <th scope="col" className="py-1 pr-2 text-right">{tProgress('answers')}</th>
                <th scope="col" className="py-1 pr-2 text-right">{tProgress('readByThem')}</th>
                <th scope="col" className="py-1 text-right">{tProgress('tagged')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.analysts.map((analyst) => (
                <tr key={analyst.userId} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-2 font-normal">{analyst.name ?? tProgress('erasedAnalyst')}</th>
                  <td className="py-1 pr-2 text-right tabular-nums" data-label={tProgress('proposals')}>{analyst.proposals}</td>
                  <td className="py-1 pr-2 text-right tabular-nums" data-label={tProgress('answers')}>{analyst.answers}</td>
                  <td className="py-1 pr-2 text-right tabular-nums" data-label={tProgress('readByThem')}>{analyst.read}</td>
                  <td className="py-1 text-right tabular-nums" data-label={tProgress('tagged')}>{analyst.tagged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

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
    </ClientMessages>
  );
}
