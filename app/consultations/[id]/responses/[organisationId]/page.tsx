import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ResponseAnswers, ResponseMeta } from '@/components/visible-response';
import { getPublicResponse } from '@/lib/server/public-consultations';

type Props = { params: Promise<{ id: string; organisationId: string }> };

async function load({ params }: Props) {
  const { id, organisationId } = await params;
  const t = await getTranslations('publicConsultations');
  return getPublicResponse(id, organisationId, t('redactedMarker'));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  return { title: found ? found.response.organisation.name : (await getTranslations('publicConsultations'))('responses') };
}

const link = 'text-blue-800 underline underline-offset-2';

// One published response, as the public may read it (consent, confidentiality, moderation,
// names): the same view the consultation page showed for all of them at once.
export default async function PublicResponsePage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const t = await getTranslations('publicConsultations');
  const { consultation, response } = found;
  return (
    <>
      <p className="no-print"><Link href={`/consultations/${consultation.id}#responses-heading`} className={link}>{t('backToResponses', { title: consultation.title })}</Link></p>
      <h1 className="mt-2 text-2xl font-bold">{response.organisation.name}</h1>
      <p className="text-slate-700">{t('responseTo', { title: consultation.title })}</p>
      <ResponseMeta response={response} />
      {response.generalRemarks && <p className="mt-3 max-w-3xl whitespace-pre-wrap">{response.generalRemarks}</p>}
      <ResponseAnswers response={response} proposalHref={(proposalId) => `/proposals/${proposalId}`} />
    </>
  );
}
