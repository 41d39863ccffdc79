import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AudienceNote } from '@/components/insight/insight-nav';
import { StanceMark } from '@/components/insight/stance';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
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
  const [t, tRoot, localeName] = await Promise.all([getTranslations('insight'), getTranslations(), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  const visible = await visibleResponses(await currentActor(), id, tRoot('publicConsultations.redactedMarker'));
  const response = visible?.responses.find((r) => r.organisationId === organisationId);
  if (!visible || !response) notFound();

  return (
    <>
      <p className="text-sm"><Link href={`/insight/${id}`} className={link}>{t('backToOverview')}</Link></p>
      <h1 className="mt-2 text-2xl font-bold">{response.organisation.name}</h1>
      <AudienceNote audience={visible.audience} published={visible.consultation.status === 'PUBLISHED'} />
      <p className="mt-1 text-sm">
        {tRoot(`orgTypes.${response.organisation.type}`)} · {tRoot('publicConsultations.submittedAt', { date: formatCopenhagen(response.submittedAt, locale) })}
        {response.receiptNumber && ` · ${response.receiptNumber}`}
        {response.channel !== 'ONLINE' && ` · ${tRoot(`consultations.channels.${response.channel}`)}`}
        {response.submittedBy && ` · ${response.submittedBy}`}
      </p>

      <h2 id="general-remarks" className="mt-6 text-xl font-semibold">{tRoot('responses.generalRemarks')}</h2>
      <p className="mt-1 whitespace-pre-wrap">{response.generalRemarks ?? tRoot('publicConsultations.hidden')}</p>

      <h2 className="mt-6 text-xl font-semibold">{t('answers')}</h2>
      <dl className="mt-2">
        {response.answers.map((answer) => (
          <div key={answer.proposalId} className="mt-3">
            <dt>
              <Link href={`/insight/${id}/proposals/${answer.proposalId}`} className={`${link} font-semibold`}>{answer.code}</Link> {answer.title}{' '}
              {answer.stance && <StanceMark stance={answer.stance} />}
              {answer.confidential && <span className="ml-2 rounded bg-slate-200 px-1 text-xs">{tRoot('consultations.confidential')}</span>}
            </dt>
            <dd className="whitespace-pre-wrap">{answer.comment === null ? <em>{tRoot('publicConsultations.hidden')}</em> : answer.comment}</dd>
          </div>
        ))}
      </dl>

      {response.minorityStatements.length > 0 && (
        <>
          <h2 className="mt-6 text-xl font-semibold">{tRoot('responses.minorityStatements')}</h2>
          {response.minorityStatements.map((statement, index) => (
            <blockquote key={index} className="mt-2 border-l-4 border-slate-400 pl-3">
              {statement.author && <p className="text-sm font-semibold">{statement.author}</p>}
              <p className="whitespace-pre-wrap">{statement.text}</p>
            </blockquote>
          ))}
        </>
      )}
    </>
  );
}
