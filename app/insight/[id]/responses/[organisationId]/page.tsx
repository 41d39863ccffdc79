import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AudienceNote } from '@/components/insight/insight-nav';
import { ResponseAnswers, ResponseMeta } from '@/components/visible-response';
import { visibleResponses } from '@/lib/server/response-views';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string; organisationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('responseTitle') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** One organisation's whole response, as the reader may see it. */
export default async function InsightResponsePage({ params }: Props) {
  const { id, organisationId } = await params;
  const [t, tRoot] = await Promise.all([getTranslations('insight'), getTranslations()]);
  const visible = await visibleResponses(await currentActor(), id, tRoot('publicConsultations.redactedMarker'));
  const response = visible?.responses.find((r) => r.organisationId === organisationId);
  if (!visible || !response) notFound();

  return (
    <>
      <p className="text-sm"><Link href={`/insight/${id}`} className={link}>{t('backToOverview')}</Link></p>
      <h1 className="mt-2 text-2xl font-bold">{response.organisation.name}</h1>
      <AudienceNote audience={visible.audience} published={visible.consultation.status === 'PUBLISHED'} />
      <ResponseMeta response={response} />

      <h2 id="general-remarks" className="mt-6 text-xl font-semibold">{tRoot('responses.generalRemarks')}</h2>
      <p className="mt-1 whitespace-pre-wrap">{response.generalRemarks ?? tRoot('publicConsultations.hidden')}</p>

      <h2 className="mt-6 text-xl font-semibold">{t('answers')}</h2>
      <ResponseAnswers response={response} proposalHref={(proposalId) => `/insight/${id}/proposals/${proposalId}`} />
    </>
  );
}
