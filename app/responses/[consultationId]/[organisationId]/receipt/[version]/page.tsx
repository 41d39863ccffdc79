import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FocusHeading } from '@/components/focus-heading';
import { StepIndicator } from '@/components/step-indicator';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { getReceipt } from '@/lib/server/receipts';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ consultationId: string; organisationId: string; version: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('responses'))('receipt.title') };
}

/** After submitting: the receipt, its PDF copy, and what happens next. */
export default async function ReceiptPage({ params }: Props) {
  const { consultationId, organisationId, version } = await params;
  const base = `/responses/${consultationId}/${organisationId}`;
  const actor = await currentActor();
  if (actor.kind !== 'user') redirect(`/signin?callbackUrl=${base}/receipt/${encodeURIComponent(version)}`);
  if (!/^\d{1,6}$/.test(version)) notFound();
  const [receipt, t, locale] = await Promise.all([getReceipt(actor, { consultationId, organisationId }, Number(version)), getTranslations('responses'), getLocale()]);
  if (!receipt) notFound();
  const lang = isLocale(locale) ? locale : 'da';

  return (
    <>
      <StepIndicator steps={[t('steps.write'), t('steps.review'), t('steps.receipt')]} current={2} />
      <FocusHeading>{t('receiptPage.heading')}</FocusHeading>
      <div className="alert alert-success mt-4" role="status" data-receipt={receipt.receiptNumber}>
        <p>{t('submittedNotice', { version: receipt.version, receipt: receipt.receiptNumber })}</p>
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('receipt.receiptNumber')}</dt>
        <dd className="font-mono">{receipt.receiptNumber}</dd>
        <dt className="font-semibold">{t('receiptPage.consultation')}</dt>
        <dd className="break-words">{receipt.consultationTitle}</dd>
        <dt className="font-semibold">{t('receipt.organisation')}</dt>
        <dd className="break-words">{receipt.organisationName}</dd>
        <dt className="font-semibold">{t('receipt.version')}</dt>
        <dd>{receipt.version}</dd>
        <dt className="font-semibold">{t('receipt.submitted')}</dt>
        <dd>{formatCopenhagen(receipt.submittedAt, lang)}</dd>
        <dt className="font-semibold">{t('receipt.submittedBy')}</dt>
        <dd className="break-words">{receipt.submittedBy ?? t('someone')}</dd>
      </dl>
      <p className="mt-4">
        <a href={`/api${base}/receipts/${receipt.version}`} className="button button-secondary" download>
          {t('receiptPage.download', { receipt: receipt.receiptNumber })}
        </a>
      </p>
      <p className="mt-2 text-sm text-slate-700">{t('receiptPage.mailed')}</p>
      {!receipt.latest && <p className="alert alert-info mt-4">{t('receiptPage.notLatest')}</p>}

      <section aria-labelledby="next-heading" className="mt-8">
        <h2 id="next-heading" className="text-xl font-semibold">{t('receiptPage.nextHeading')}</h2>
        <ul className="mt-2 flex list-disc flex-col gap-2 pl-6">
          <li>{receipt.open ? t('receiptPage.reopenUntil', { date: formatCopenhagen(receipt.deadline, lang) }) : t('receiptPage.closedNow')}</li>
          <li>
            {receipt.publishedAt
              ? t('receiptPage.published', { date: formatCopenhagen(receipt.publishedAt, lang) })
              : t(receipt.publicationConsent ? 'receiptPage.publicationAfter' : 'receiptPage.notPublished')}
          </li>
          <li>{t('receiptPage.council')}</li>
        </ul>
      </section>
      <p className="mt-6 flex flex-wrap gap-4">
        <Link href={base} className="underline underline-offset-2">{t('receiptPage.toResponse')}</Link>
        <Link href="/responses" className="underline underline-offset-2">{t('receiptPage.toHome')}</Link>
      </p>
    </>
  );
}
