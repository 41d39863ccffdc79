import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportSection } from '@/components/export-section';
import { PublicResponseIndex } from '@/components/public-response-index';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { getCatalogue } from '@/lib/server/catalogue';
import { getPublicConsultation } from '@/lib/server/public-consultations';
import { audienceOf } from '@/lib/server/response-views';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicConsultations'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

// Public and readable without JavaScript: the consultation, its documents and parties, and after
// publication an index of the responses as their organisations consented to publish them, each
// response, moderated, on a page of its own (responses/[organisationId]).
export default async function PublicConsultationPage({ params }: Props) {
  const { id } = await params;
  const [t, tRoot, localeName] = await Promise.all([getTranslations('publicConsultations'), getTranslations(), getLocale()]);
  const consultation = await getPublicConsultation(id, t('redactedMarker'));
  if (!consultation) notFound();
  const locale = isLocale(localeName) ? localeName : 'da';
  const catalogue = await getCatalogue(consultation.budgetId);

  return (
    <ClientMessages namespaces={['exports']} forms={false}>
      <h1 className="text-2xl font-bold">{consultation.title}</h1>
      <p className="mt-1">
        {tRoot(`consultations.phases.${consultation.status}`)} · {t('deadline', { date: formatCopenhagen(consultation.deadline, locale) })}
        {consultation.publishedAt && ` · ${t('publishedAt', { date: formatCopenhagen(consultation.publishedAt, locale) })}`}
      </p>
      {consultation.description && <p className="mt-3 max-w-3xl whitespace-pre-wrap">{consultation.description}</p>}
      {consultation.resultsPublishedAt && <p className="mt-3"><Link href={`/consultations/${consultation.id}/results`} className={`${link} font-semibold`}>{tRoot('results.link')}</Link></p>}

      {catalogue && (
        <section aria-labelledby="proposals-heading" className="mt-6">
          <h2 id="proposals-heading" className="text-xl font-semibold">{t('proposals')}</h2>
          {catalogue.lists.map((list) => (
            <div key={list.id} className="mt-2">
              <h3 className="font-semibold">{list.name}</h3>
              <ul className="mt-1 grid gap-x-6 sm:grid-cols-2">
                {list.proposals.map((p) => (
                  <li key={p.id}>
                    <Link href={`/proposals/${p.id}`} className={link}><span className="font-mono">{p.code}</span> {p.title}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="mt-2"><Link href="/" className={link}>{t('proposalsLink')}</Link></p>
        </section>
      )}

      <section aria-labelledby="documents-heading" className="mt-6">
        <h2 id="documents-heading" className="text-xl font-semibold">{t('documents')}</h2>
        {consultation.documents.length === 0 ? (
          <p>{t('noDocuments')}</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {consultation.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/consultation-documents/${d.id}`} className={link}>{d.title}</a> <span className="text-sm text-slate-700">{t('documentSize', { kilobytes: Math.ceil(d.size / 1024) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="parties-heading" className="mt-6">
        <h2 id="parties-heading" className="text-xl font-semibold">{t('parties')}</h2>
        <ul className="mt-2 list-disc pl-6">
          {consultation.parties.map((p) => (
            <li key={p.id}>{p.name} <span className="text-sm text-slate-700">({tRoot(`orgTypes.${p.type}`)})</span></li>
          ))}
        </ul>
      </section>

      {consultation.status === 'PUBLISHED' && <ExportSection consultationId={consultation.id} audience={audienceOf(await currentActor())} />}

      <section aria-labelledby="responses-heading" className="mt-6">
        <h2 id="responses-heading" className="text-xl font-semibold">{t('responses')}</h2>
        {consultation.status !== 'PUBLISHED' ? (
          <p>{t('notYetPublished')}</p>
        ) : consultation.responses.length === 0 ? (
          <p>{t('noResponses')}</p>
        ) : (
          <PublicResponseIndex consultationId={consultation.id} responses={consultation.responses} />
        )}
      </section>
    </ClientMessages>
  );
}
