import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { StanceMark } from '@/components/insight/stance';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import type { VisibleResponse } from '@/lib/server/response-views';

// One organisation's response as the reader may see it (see response-views.ts), shared by the
// public consultation page and the insight pages.

const link = 'text-blue-800 underline underline-offset-2';

/** Type, submission time, receipt (full audience), channel and, with consent, who submitted. */
export async function ResponseMeta({ response }: { response: VisibleResponse }) {
  const [t, localeName] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  return (
    <p className="mt-1 text-sm text-slate-700">
      {t(`orgTypes.${response.organisation.type}`)} · {t('publicConsultations.submittedAt', { date: formatCopenhagen(response.submittedAt, locale) })}
      {response.receiptNumber && ` · ${response.receiptNumber}`}
      {response.channel !== 'ONLINE' && ` · ${t(`consultations.channels.${response.channel}`)}`}
      {response.submittedBy && ` · ${response.submittedBy}`}
    </p>
  );
}

/** The answers (each linked to `proposalHref`) and the minority statements. */
export async function ResponseAnswers({ response, proposalHref }: { response: VisibleResponse; proposalHref: (proposalId: string) => string }) {
  const t = await getTranslations();
  return (
    <>
      {response.answers.length > 0 && (
        <dl className="mt-3">
          {response.answers.map((answer) => (
            <div key={answer.proposalId} className="mt-3">
              <dt>
                <Link href={proposalHref(answer.proposalId)} className={`${link} font-semibold`}>{answer.code}</Link> {answer.title}{' '}
                {answer.stance && <StanceMark stance={answer.stance} />}
                {answer.confidential && <span className="ml-2 rounded bg-slate-200 px-1 text-xs">{t('consultations.confidential')}</span>}
              </dt>
              <dd className="whitespace-pre-wrap">{answer.comment === null ? <em>{t('publicConsultations.hidden')}</em> : answer.comment}</dd>
            </div>
          ))}
        </dl>
      )}
      {response.minorityStatements.map((statement, index) => (
        <blockquote key={index} className="mt-3 border-l-4 border-slate-400 pl-3">
          <p className="text-sm font-semibold">{statement.author ? t('publicConsultations.minorityBy', { author: statement.author }) : t('publicConsultations.minority')}</p>
          <p className="whitespace-pre-wrap">{statement.text}</p>
        </blockquote>
      ))}
    </>
  );
}
