import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AudienceNote, InsightNav } from '@/components/insight/insight-nav';
import { ProposalAnalysis } from '@/components/insight/proposal-analysis';
import { ProposalThemes } from '@/components/insight/proposal-themes';
import { StanceMark } from '@/components/insight/stance';
import { ProposalAmounts } from '@/components/proposal-amounts';
import { ScrollRegion } from '@/components/scroll-region';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { committeeLabel, STANCES, type StanceOrNone } from '@/lib/insight/aggregate';
import { getProposal } from '@/lib/server/catalogue';
import { getConsultationInsight } from '@/lib/server/insight';
import { can } from '@/lib/server/policy';
import { getProposalAnalysis } from '@/lib/server/proposal-analysis';
import { proposalThemeCounts } from '@/lib/server/analysis-view';
import { proposalMoveHistory } from '@/lib/server/proposal-moves';
import { proposalVersionHistory } from '@/lib/server/proposal-versions';
import { currentActor } from '@/lib/server/session';
import { OrganisationType } from '@/lib/generated/prisma/enums';

type Props = { params: Promise<{ id: string; proposalId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('proposalTitle') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** Every visible response to one proposal, by stance and by organisation type, with the proposal's history. */
export default async function InsightProposalPage({ params }: Props) {
  const { id, proposalId } = await params;
  const [t, tRoot, localeName, actor] = await Promise.all([getTranslations('insight'), getTranslations(), getLocale(), currentActor()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  const insight = await getConsultationInsight(actor, id, tRoot('publicConsultations.redactedMarker'));
  const proposal = insight?.proposals.find((p) => p.id === proposalId) ? await getProposal(proposalId) : null;
  if (!insight || !proposal) notFound();
  // The public reads this page too (what was published); the summary is the council's until the results are out.
  const [moves, versions, analysis, themes] = await Promise.all([
    proposalMoveHistory(proposalId),
    proposalVersionHistory(proposalId),
    (await can(actor, 'proposalSummary.read')) ? getProposalAnalysis(actor, id, proposalId) : null,
    (await can(actor, 'theme.read')) ? proposalThemeCounts(actor, id, proposalId) : null,
  ]);

  const answers = insight.responses.flatMap((response) => {
    const answer = response.answers.find((a) => a.proposalId === proposalId);
    return answer ? [{ response, answer, stance: (answer.stance ?? 'NONE') as StanceOrNone }] : [];
  });
  const byStance = ([...STANCES, 'NONE'] as const).map((stance) => ({ stance, answers: answers.filter((a) => a.stance === stance) })).filter((g) => g.answers.length > 0);
  const types = Object.values(OrganisationType).filter((type) => answers.some((a) => a.response.organisation.type === type));

  return (
    <>
      <p className="text-sm"><Link href={`/insight/${id}`} className={link}>{t('backToOverview')}</Link></p>
      <h1 className="mt-2 text-2xl font-bold"><span className="font-mono">{proposal.code}</span> {proposal.title}</h1>
      <AudienceNote audience={insight.audience} published={insight.consultation.status === 'PUBLISHED'} />
      <InsightNav consultationId={id} current="overview" />
      <p className="mt-3 text-sm">
        {proposal.list.name} · {committeeLabel(proposal.committee)} · {tRoot('proposalVersions.version', { version: proposal.version })} ·{' '}
        <Link href={`/proposals/${proposal.id}`} className={link}>{t('publicProposalPage')}</Link>
      </p>
      <p className="mt-2 max-w-prose">{proposal.summary}</p>
      <ProposalAmounts lines={proposal.lines} years={proposal.budget.years} />
      {analysis && <ProposalAnalysis analysis={analysis} organisationOf={new Map(answers.map((a) => [a.response.responseId, a.response.organisation.name]))} />}
      {themes && themes.length > 0 && <ProposalThemes themes={themes} />}

      <section aria-labelledby="by-type-heading" className="mt-6">
        <h2 id="by-type-heading" className="text-xl font-semibold">{t('byType')}</h2>
        {answers.length === 0 ? (
          <p>{t('noAnswers')}</p>
        ) : (
          <div className="mt-2">
          <ScrollRegion label={t('byType')}>
          <table className="table border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-3 text-left">{t('organisationType')}</th>
                {[...STANCES, 'NONE' as const].map((stance) => (
                  <th key={stance} scope="col" className="py-1 pr-3 text-right"><StanceMark stance={stance} /></th>
                ))}
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <tr key={type} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">{tRoot(`orgTypes.${type}`)}</th>
                  {[...STANCES, 'NONE' as const].map((stance) => (
                    <td key={stance} className="py-1 pr-3 text-right tabular-nums">{answers.filter((a) => a.response.organisation.type === type && a.stance === stance).length}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
          </div>
        )}
      </section>

      {byStance.map((group) => (
        <section key={group.stance} aria-labelledby={`stance-${group.stance}`} className="mt-6" data-stance={group.stance}>
          <h2 id={`stance-${group.stance}`} className="text-xl font-semibold">
            <StanceMark stance={group.stance} /> <span className="text-base font-normal">({group.answers.length})</span>
          </h2>
          <ul className="mt-2 flex flex-col gap-3">
            {group.answers.map(({ response, answer }) => (
              <li key={response.organisationId} id={`answer-${response.responseId}`} className="border-l-4 border-slate-300 pl-3 target:bg-yellow-50">
                <p className="text-sm">
                  <Link href={`/insight/${id}/responses/${response.organisationId}#general-remarks`} className={`${link} font-semibold`}>{response.organisation.name}</Link>{' '}
                  <span className="text-slate-700">({tRoot(`orgTypes.${response.organisation.type}`)})</span>
                  {answer.confidential && <span className="ml-2 rounded bg-slate-200 px-1 text-xs">{tRoot('consultations.confidential')}</span>}
                </p>
                {answer.comment === null ? <p className="italic">{tRoot('publicConsultations.hidden')}</p> : answer.comment && <p className="whitespace-pre-wrap">{answer.comment}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="history-heading" className="mt-6">
        <h2 id="history-heading" className="text-xl font-semibold">{t('history')}</h2>
        <ul className="mt-2 list-disc pl-6 text-sm">
          {moves.map((move) => (
            <li key={move.id}>{tRoot('staff.moves.historyLine', { date: formatCopenhagen(move.movedAt, locale), from: move.from, to: move.to, reason: move.reason })}</li>
          ))}
          {versions.map((version) => (
            <li key={version.version}>{tRoot('proposalVersions.historyLine', { version: version.version, date: formatCopenhagen(version.editedAt, locale), reason: version.reason })}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
