import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FocusHeading } from '@/components/focus-heading';
import { StepIndicator } from '@/components/step-indicator';
import { ConfirmSubmissionForm } from '@/components/response/response-forms';
import { calendarDaysUntil, formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { reviewSummary } from '@/lib/response-review';
import { getResponseWorkspace } from '@/lib/server/responses/workspace';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ consultationId: string; organisationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('responses'))('review.title') };
}

const brief = (text: string, length = 200) => (text.length > length ? `${text.slice(0, length).trimEnd()} …` : text);

/** Links back to each proposal's comment field in the form. */
function ProposalLinks({ base, proposals }: { base: string; proposals: { id: string; code: string; title: string }[] }) {
  return (
    <ul className="mt-2 list-disc pl-6">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <Link href={`${base}#answer-${proposal.code}-comment`} className="underline underline-offset-2">
            {proposal.code} {proposal.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The step before submitting: the response in brief, what is missing, then an explicit confirmation. */
export default async function ReviewPage({ params }: Props) {
  const keys = await params;
  const base = `/responses/${keys.consultationId}/${keys.organisationId}`;
  const actor = await currentActor();
  if (actor.kind !== 'user') redirect(`/signin?callbackUrl=${base}/review`);
  const [workspace, t, locale] = await Promise.all([getResponseWorkspace(actor, keys), getTranslations('responses'), getLocale()]);
  if (!workspace) notFound();
  const lang = isLocale(locale) ? locale : 'da';
  const summary = reviewSummary(workspace.proposals);
  const total = workspace.proposals.length;
  const latest = workspace.submissions[0];
  const submitter = workspace.membershipRole === 'SUBMITTER';
  const daysLeft = calendarDaysUntil(new Date(), workspace.deadline);

  return (
    <ClientMessages namespaces={['responses']}>
      <p className="text-sm">
        <Link href={base} className="underline underline-offset-2">{t('review.back')}</Link>
      </p>
      <StepIndicator steps={[t('steps.write'), t('steps.review'), t('steps.receipt')]} current={1} />
      <FocusHeading>{t('review.heading', { organisation: workspace.organisation.name })}</FocusHeading>
      <p className="mt-1">{workspace.consultation.title}</p>
      <p className="mt-1 font-semibold">
        {t('deadline', { date: formatCopenhagen(workspace.deadline, lang) })}
        {workspace.open && ` · ${t('home.daysLeft', { count: Math.max(daysLeft, 0) })}`}
      </p>
      <p className="mt-2 text-slate-700">{t('review.intro')}</p>

      {workspace.status === 'SUBMITTED' && latest && (
        <div className="alert alert-success mt-4" role="status">
          <p>{t('submittedNotice', { version: latest.version, receipt: latest.receiptNumber })}</p>
          <p className="mt-1">
            <Link href={`${base}/receipt/${latest.version}`} className="underline underline-offset-2">{t('review.toReceipt')}</Link>
          </p>
        </div>
      )}

      <section aria-labelledby="review-progress" className="mt-6">
        <h2 id="review-progress" className="text-xl font-semibold">{t('review.answersHeading')}</h2>
        <p className="mt-1" data-review-progress>{t('home.progress', { answered: summary.answered.length, total })}</p>
        {summary.unanswered.length > 0 && (
          <div className="alert alert-warning mt-3" data-unanswered={summary.unanswered.length}>
            <p className="font-semibold">{t('review.unansweredWarning', { count: summary.unanswered.length, total })}</p>
            <p className="mt-1">{t('review.unansweredHint')}</p>
            <ProposalLinks base={base} proposals={summary.unanswered} />
          </div>
        )}
        {summary.withoutComment.length > 0 && (
          <div className="alert alert-info mt-3">
            <p className="font-semibold">{t('review.withoutCommentHeading', { count: summary.withoutComment.length })}</p>
            <ProposalLinks base={base} proposals={summary.withoutComment} />
          </div>
        )}
        {summary.answered.length > 0 && (
          <table className="table table-stacked mt-3 w-full text-sm">
            <caption className="sr-only">{t('review.answersHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.colProposal')}</th>
                <th scope="col">{t('stance')}</th>
                <th scope="col">{t('comment')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.answered.map((proposal) => (
                <tr key={proposal.id}>
                  <th scope="row" className="text-left font-normal">
                    <span className="font-mono">{proposal.code}</span> {proposal.title}
                  </th>
                  <td data-label={t('stance')}>{proposal.stance ? t(`stances.${proposal.stance}`) : t('noStance')}</td>
                  <td data-label={t('comment')} className="break-words">
                    {proposal.comment.trim() ? brief(proposal.comment) : '–'}
                    {proposal.confidential && <span className="block text-slate-700">{t('confidential')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="review-general" className="mt-6">
        <h2 id="review-general" className="text-xl font-semibold">{t('generalRemarks')}</h2>
        <p className="mt-1 whitespace-pre-wrap break-words">{workspace.generalRemarks.text.trim() ? brief(workspace.generalRemarks.text, 600) : t('receipt.none')}</p>
      </section>

      <section aria-labelledby="review-consent" className="mt-6">
        <h2 id="review-consent" className="text-xl font-semibold">{t('consentHeading')}</h2>
        <ul className="mt-1 list-disc pl-6">
          <li>{t('publicationConsent')}: {t(workspace.publicationConsent ? 'receipt.publicationYes' : 'receipt.publicationNo')}</li>
          <li>{t('namesConsent')}: {t(workspace.namesConsent ? 'receipt.publicationYes' : 'receipt.publicationNo')}</li>
        </ul>
      </section>

      <section aria-labelledby="review-attachments" className="mt-6">
        <h2 id="review-attachments" className="text-xl font-semibold">{t('attachments')}</h2>
        {workspace.attachments.length === 0 ? (
          <p className="mt-1">{t('receipt.none')}</p>
        ) : (
          <ul className="mt-1 list-disc pl-6">
            {workspace.attachments.map((attachment) => (
              <li key={attachment.id} className="break-words">{attachment.fileName}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="review-minority" className="mt-6">
        <h2 id="review-minority" className="text-xl font-semibold">{t('minorityStatements')}</h2>
        {workspace.minorityStatements.length === 0 ? (
          <p className="mt-1">{t('receipt.none')}</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-2">
            {workspace.minorityStatements.map((statement) => (
              <li key={statement.id} className="break-words">
                <span className="font-semibold">{statement.author ?? t('someone')}:</span> {brief(statement.text)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="review-submit" className="mt-8">
        <h2 id="review-submit" className="text-xl font-semibold">{t('submitHeading')}</h2>
        {!workspace.open ? (
          <p className="alert alert-warning mt-2">{t('closed')}</p>
        ) : workspace.status === 'SUBMITTED' ? null : !submitter ? (
          <p className="mt-2" data-only-submitter>{t('onlySubmitter')}</p>
        ) : (
          <div className="mt-2">
            <p className="mb-3 text-slate-700">{t('submitIntro')}</p>
            <ConfirmSubmissionForm keys={keys} unanswered={summary.unanswered.length} />
          </div>
        )}
      </section>
    </ClientMessages>
  );
}
