import { getLocale, getTranslations } from 'next-intl/server';
import { formatCopenhagen, formatDay } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import type { getProposalAnalysis } from '@/lib/server/proposal-analysis';

type Analysis = NonNullable<Awaited<ReturnType<typeof getProposalAnalysis>>>;

const link = 'text-blue-800 underline underline-offset-2';

/**
 * Staff's current summary, its references as links to the answers further down the page
 * (`#answer-<response id>`), and the council's decision when recorded.
 */
export async function ProposalAnalysis({ analysis, organisationOf }: { analysis: Analysis; organisationOf: Map<string, string> }) {
  const [t, localeName] = await Promise.all([getTranslations('analysis'), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  const { summary, decision } = analysis;
  const references = summary?.responseIds.filter((id) => organisationOf.has(id)) ?? [];
  return (
    <>
      <section aria-labelledby="summary-heading" className="mt-6" data-summary>
        <h2 id="summary-heading" className="text-xl font-semibold">{t('summaryHeading')}</h2>
        {summary ? (
          <>
            <p className="mt-2 max-w-prose whitespace-pre-wrap">{summary.text}</p>
            {references.length > 0 && (
              <p className="mt-2 text-sm">
                {t('referencedAnswers')}{' '}
                {references.map((id, i) => (
                  <span key={id}>{i > 0 && ', '}<a href={`#answer-${id}`} className={link}>{organisationOf.get(id)}</a></span>
                ))}
              </p>
            )}
            <p className="mt-1 text-sm text-slate-700">{t('writtenBy', { author: summary.author ?? t('unknownAuthor'), date: formatCopenhagen(summary.createdAt, locale), version: summary.version })}</p>
          </>
        ) : (
          <p className="mt-2">{t('noSummary')}</p>
        )}
      </section>
      {decision && (
        <section aria-labelledby="decision-heading" className="mt-6" data-decision>
          <h2 id="decision-heading" className="text-xl font-semibold">{t('decisionHeading')}</h2>
          <p className="mt-2 font-semibold">{t('decisionLine', { outcome: t(`outcomes.${decision.outcome}`), date: formatDay(decision.decidedOn, locale) })}</p>
          {decision.note && <p className="mt-1 max-w-prose whitespace-pre-wrap">{decision.note}</p>}
          {decision.recordedBy && <p className="mt-1 text-sm text-slate-700">{t('recordedBy', { name: decision.recordedBy })}</p>}
        </section>
      )}
    </>
  );
}
