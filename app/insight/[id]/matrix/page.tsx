import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AudienceNote, InsightNav } from '@/components/insight/insight-nav';
import { StanceLegend, StanceMark } from '@/components/insight/stance';
import { stanceMatrix } from '@/lib/insight/aggregate';
import { TYPE_ORDER } from '@/lib/insight/status';
import { getConsultationInsight } from '@/lib/server/insight';
import { can } from '@/lib/server/policy';
import { getResponseStatus } from '@/lib/server/response-status';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('nav.matrix') };
}

/** Proposals across, organisations down (grouped by type): every cell a symbol and a word for screen readers. */
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
        <div className="relative mt-3 max-h-[80vh] overflow-auto" tabIndex={0} role="region" aria-label={t('matrixScroll')}>
          <table className="table border-collapse text-xs" data-matrix>
            <caption className="sr-only">{t('matrixCaption')}</caption>
            <thead className="sticky top-0 bg-white">
              <tr>
                <th scope="col" className="sticky left-0 bg-white p-1 text-left">{t('organisation')}</th>
                {insight.proposals.map((p) => (
                  <th key={p.id} scope="col" className="p-1 font-mono">
                    <Link href={`/insight/${id}/proposals/${p.id}`} className="text-blue-800 underline underline-offset-2" title={p.title}>{p.code}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.type}>
                <tr>
                  <th scope="rowgroup" colSpan={insight.proposals.length + 1} className="bg-slate-200 p-1 text-left text-sm">
                    {tRoot(`orgTypes.${group.type}`)} ({group.organisations.filter((o) => o.responded).length})
                  </th>
                </tr>
                {group.organisations.map((organisation) =>
                  organisation.responded ? (
                    <tr key={organisation.id} className="border-b border-slate-200" data-organisation={organisation.name}>
                      <th scope="row" className="sticky left-0 max-w-56 truncate bg-white p-1 text-left font-normal">
                        <Link href={`/insight/${id}/responses/${organisation.id}`} className="text-blue-800 underline underline-offset-2">{organisation.name}</Link>
                      </th>
                      {organisation.cells.map((stance, i) => (
                        <td key={insight.proposals[i]!.id} className="p-0.5 text-center">
                          {stance ? <StanceMark stance={stance} compact /> : <span className="sr-only">{t('notAnswered')}</span>}
                        </td>
                      ))}
                    </tr>
                  ) : (
                    <tr key={organisation.id} className="border-b border-slate-200 bg-slate-50" data-not-responded={organisation.name}>
                      <th scope="row" className="sticky left-0 max-w-56 truncate bg-slate-50 p-1 text-left font-normal">{organisation.name}</th>
                      <td colSpan={insight.proposals.length} className="p-1 italic text-slate-700">{t('hasNotResponded')}</td>
                    </tr>
                  ),
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </>
  );
}
