import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DecisionForm, SummaryForm } from '@/components/analysis-forms';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { STANCES } from '@/lib/insight/aggregate';
import { getProposalAnalysis, proposalAnswers } from '@/lib/server/proposal-analysis';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string; proposalId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analysis'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** One proposal's summary editor with its answers to refer to, its versions, and the decision form. */
export default async function ProposalAnalysisPage({ params }: Props) {
  const { id, proposalId } = await params;
  const actor = await currentActor();
  const [analysis, answers, t, tThemes, localeName] = await Promise.all([getProposalAnalysis(actor, id, proposalId), proposalAnswers(actor, id, proposalId), getTranslations('analysis'), getTranslations('themes'), getLocale()]);
  if (!analysis || !answers) notFound();
  const locale = isLocale(localeName) ? localeName : 'da';
  const groups = ([...STANCES, 'NONE'] as const)
    .map((stance) => ({
      stance,
      answers: answers.filter((a) => (a.stance ?? 'NONE') === stance).map((a) => ({ responseId: a.responseId, organisation: a.organisation.name, comment: a.comment })),
    }))
    .filter((group) => group.answers.length > 0);
  const { proposal, summary, history, decision } = analysis;
  return (
    <ClientMessages namespaces={['analysis', 'analysisProgress', 'insight']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}/analysis`} className={link}>{t('backToList')}</Link></p>
      <h1 className="text-2xl font-bold"><span className="font-mono">{proposal.code}</span> {proposal.title}</h1>
      <p className="mt-2"><Link href={`/staff/consultations/${id}/analysis/${proposal.id}/answers`} className={link}>{tThemes('analysisLink')}</Link></p>

      <section aria-labelledby="summary-heading" className="mt-6">
        <h2 id="summary-heading" className="text-xl font-semibold">{t('summaryHeading')}</h2>
        <SummaryForm consultationId={id} proposalId={proposal.id} current={summary} groups={groups} />
      </section>

      {history.length > 0 && (
        <section aria-labelledby="history-heading" className="mt-6">
          <h2 id="history-heading" className="text-xl font-semibold">{t('history')}</h2>
          <ol className="mt-2 list-disc pl-6 text-sm">
            {history.map((version) => (
              <li key={version.version}>{t('historyLine', { version: version.version, date: formatCopenhagen(version.createdAt, locale), author: version.author ?? t('unknownAuthor') })}</li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="decision-heading" className="mt-6">
        <h2 id="decision-heading" className="text-xl font-semibold">{t('decisionHeading')}</h2>
        <DecisionForm consultationId={id} proposalId={proposal.id} current={decision && { outcome: decision.outcome, note: decision.note, decidedOn: decision.decidedOn.toISOString().slice(0, 10) }} />
      </section>
    </ClientMessages>
  );
}
