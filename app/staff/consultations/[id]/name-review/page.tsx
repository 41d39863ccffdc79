import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MarkDecisionForms, MarkReviewedForm } from '@/components/name-review-forms';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { markedSegments } from '@/lib/name-marking';
import type { MarkDecision, ReviewItem } from '@/lib/name-review';
import { getNameReviews } from '@/lib/server/name-review';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nameReview'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';
const MARK_STYLE: Record<MarkDecision, string> = {
  pending: 'bg-yellow-200 text-slate-900',
  redacted: 'bg-slate-200 text-slate-900 line-through',
  confirmed: 'bg-green-100 text-slate-900',
};

/** The text with every marked passage in <mark>, styled by what was decided. */
function MarkedText({ item }: { item: ReviewItem }) {
  return (
    <p className="mt-1 whitespace-pre-wrap">
      {markedSegments(item.text, item.marks).map((segment, index) => {
        const mark = segment.mark === null ? null : item.marks[segment.mark]!;
        return mark ? <mark key={index} className={MARK_STYLE[mark.decision]}>{segment.text}</mark> : <span key={index}>{segment.text}</span>;
      })}
    </p>
  );
}

export default async function NameReviewPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tRoot, localeName] = await Promise.all([getNameReviews(await currentActor(), id), getTranslations('nameReview'), getTranslations(), getLocale()]);
  if (!data) notFound();
  const locale = isLocale(localeName) ? localeName : 'da';
  const remaining = data.responses.filter((r) => !r.reviewed).length;
  const itemLabel = (item: ReviewItem) =>
    item.part === 'generalRemarks' ? tRoot('responses.generalRemarks') : item.part === 'answer' ? `${item.proposal!.code} ${item.proposal!.title}` : t('minority');

  return (
    <ClientMessages namespaces={['consultations', 'nameReview', 'responses.noFile']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}`} className={link}>{tRoot('consultations.backTo', { title: data.consultation.title })}</Link></p>
      <h1 className="text-2xl font-bold">{t('heading')}</h1>
      <p className="mt-1">{data.consultation.title}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('help')}</p>
      <p className="mt-2 font-medium" role="status">{data.responses.length === 0 ? t('none') : t('remaining', { count: remaining, total: data.responses.length })}</p>

      <ol className="mt-4 flex flex-col gap-8">
        {data.responses.map((response) => {
          const keys = { consultationId: id, organisationId: response.organisationId };
          const headingId = `review-${response.organisationId}`;
          return (
            <li key={response.responseId} aria-labelledby={headingId} className="rounded border border-slate-300 p-4" data-review={response.organisationName}>
              <h2 id={headingId} className="text-xl font-semibold">{response.organisationName}</h2>
              <p className="text-sm">
                {tRoot('consultations.receiptLine', { receipt: response.submission.receiptNumber, version: response.submission.version, date: formatCopenhagen(response.submission.submittedAt, locale) })}
              </p>
              <p className="text-sm">
                <strong>
                  {response.reviewed ? t('statusReviewed', { name: response.review!.by ?? '–', date: formatCopenhagen(response.review!.at, locale) })
                  : response.review ? t('statusReopened', { count: response.pending })
                  : t('statusPending', { count: response.pending })}
                </strong>
              </p>
              <p className="text-sm"><Link href={`/staff/consultations/${id}/responses/${response.organisationId}`} className={link}>{t('moderationLink', { organisation: response.organisationName })}</Link></p>
              {response.items.length === 0 && <p className="mt-2">{t('noText')}</p>}
              <ul className="mt-3 flex flex-col gap-4">
                {response.items.map((item) => (
                  <li key={item.target} className="border-t border-slate-200 pt-3">
                    <h3 className="font-semibold">{itemLabel(item)}</h3>
                    {item.hidden ? <p className="text-sm">{t('hiddenItem')}</p> : <MarkedText item={item} />}
                    {!item.hidden && item.marks.length === 0 && <p className="text-sm text-slate-700">{t('noMarks')}</p>}
                    {!item.hidden && item.marks.length > 0 && (
                      <ul className="mt-2 flex flex-col gap-2" aria-label={t('marksOf', { item: itemLabel(item) })}>
                        {item.marks.map((mark) => (
                          <li key={`${mark.start}-${mark.end}`} className="flex flex-wrap items-start gap-3 text-sm">
                            <span>«{mark.text}»: <strong>{t(`decisions.${mark.decision}`)}</strong></span>
                            {mark.decision === 'pending' && <MarkDecisionForms keys={keys} target={item.target} passage={mark.text} />}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              {!response.reviewed && (
                <div className="mt-4">
                  <MarkReviewedForm keys={keys} organisation={response.organisationName} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </ClientMessages>
  );
}
