import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AudienceNote, InsightNav } from '@/components/insight/insight-nav';
import { StanceLegend, StanceMark } from '@/components/insight/stance';
import { answersPerProposal, stanceMatrix } from '@/lib/insight/aggregate';
import { TYPE_ORDER } from '@/lib/insight/status';
import { getConsultationInsight } from '@/lib/server/insight';
import { can } from '@/lib/server/policy';
import { getResponseStatus } from '@/lib/server/response-status';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('nav.matrix') };
}

/**
 * Proposals across, organisations down (grouped by type): every cell a symbol and a word for
 * screen readers, the answers counted per organisation (last column) and per proposal (last row).
 * The header row and the names stay in view while the matrix scrolls (.matrix in globals.css).
 */
export default async function InsightMatrixPage({ params }: Props) {
  const { id } = await params;
  const [t, tRoot] = await Promise.all([getTranslations('insight'), getTranslations()]);
  const actor = await currentActor();
  const insight = await getConsultationInsight(actor, id, tRoot('publicConsultations.redactedMarker'));
  if (!insight) notFound();
  // Politicians and staff see the parties that have not responded too, as rows of their own.
  const status = (await can(actor, 'consultation.status.read', { consultation: insight.consultation })) ? await getResponseStatus(actor, id) : null;
  const missing = status?.groups.flatMap((group) => group.missing) ?? [];
  const groups = stanceMatrix(insight.proposals, insight.responses, TYPE_ORDER, missing);

  return (
    <>
      <h1 className="text-2xl font-bold">{t('matrixTitle', { title: insight.consultation.title })}</h1>
      <AudienceNote audience={insight.audience} published={insight.consultation.status === 'PUBLISHED'} />
      <InsightNav consultationId={id} current="matrix" />
      <div className="mt-3"><StanceLegend /></div>
      {groups.length === 0 ? (
        <p className="mt-4">{t('noResponses')}</p>
      ) : (
        <div className="matrix-scroll relative mt-3 max-h-[80vh] overflow-auto" tabIndex={0} role="region" aria-label={t('matrixScroll')}>
          {/* Print: A3 landscape for this page only, so that every proposal's column fits. */}
          <style>{'@media print { @page { size: A3 landscape; margin: 1cm; } }'}</style>
          <table className="table matrix border-collapse text-xs" data-matrix>
            <caption className="sr-only">{t('matrixCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="matrix-corner p-1 text-left">{t('organisation')}</th>
                {insight.proposals.map((p) => (
                  <th key={p.id} scope="col" className="p-1 font-mono">
                    <Link href={`/insight/${id}/proposals/${p.id}`} className="text-blue-800 underline underline-offset-2" title={p.title}>{p.code}</Link>
                  </th>
                ))}
                <th scope="col" className="p-1 text-right">{t('answersByOrganisation')}</th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.type}>
                <tr>
                  <th scope="rowgroup" colSpan={insight.proposals.length + 2} className="bg-slate-200 p-1 text-left text-sm">
                    <span className="matrix-group">{tRoot(`orgTypes.${group.type}`)} ({group.organisations.filter((o) => o.responded).length})</span>
                  </th>
                </tr>
                {group.organisations.map((organisation) =>
                  organisation.responded ? (
                    <tr key={organisation.id} className="border-b border-slate-200" data-organisation={organisation.name}>
                      <th scope="row" className="matrix-name p-1 text-left font-normal">
                        <Link href={`/insight/${id}/responses/${organisation.id}`} className="text-blue-800 underline underline-offset-2" title={organisation.name}>{organisation.name}</Link>
                      </th>
                      {organisation.cells.map((stance, i) => (
                        <td key={insight.proposals[i]!.id} className="p-0.5 text-center">
                          {stance ? <StanceMark stance={stance} compact /> : <span className="sr-only">{t('notAnswered')}</span>}
                        </td>
                      ))}
                      <td className="p-1 text-right tabular-nums">{organisation.cells.filter((cell) => cell !== null).length}</td>
                    </tr>
                  ) : (
                    <tr key={organisation.id} className="border-b border-slate-200 bg-slate-50" data-not-responded={organisation.name}>
                      <th scope="row" className="matrix-name p-1 text-left font-normal" title={organisation.name}>
                        <span tabIndex={0}>{organisation.name}</span>
                      </th>
                      <td colSpan={insight.proposals.length + 1} className="p-1 italic text-slate-700">{t('hasNotResponded')}</td>
                    </tr>
                  ),
                )}
              </tbody>
            ))}
            <tfoot>
              <tr>
                <th scope="row" className="matrix-name p-1 text-left">{t('answers')}</th>
                {answersPerProposal(groups, insight.proposals.length).map((count, i) => (
                  <td key={insight.proposals[i]!.id} className="p-1 text-center font-semibold tabular-nums">{count}</td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
