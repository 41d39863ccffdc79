import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/highlighted-text';
import { parseSearchQuery, SEARCH_QUERY_MAX, SEARCH_QUERY_MIN } from '@/lib/search';
import { getCurrentBudgetId } from '@/lib/server/catalogue';
import { search } from '@/lib/server/search';
import { currentActor } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('search'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';
const field = 'form-input';

// A plain GET form, so that searching works without JavaScript and a search can be shared as a link.
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = parseSearchQuery(params.q);
  const [t, tRoot, budgetId, actor] = await Promise.all([getTranslations('search'), getTranslations(), getCurrentBudgetId(), currentActor()]);
  const result =
    parsed.status === 'ok' && budgetId ? await search(actor, parsed.query, { budgetId, marker: tRoot('publicConsultations.redactedMarker') }) : null;
  const typed = Array.isArray(params.q) ? params.q[0] : params.q;
  const shown = (hits: number, total: number) => hits < total && <p className="text-sm text-slate-700">{t('shown', { shown: hits, total })}</p>;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" action="/search" role="search" aria-label={t('title')} className="no-print mt-4 flex flex-wrap items-end gap-3 rounded bg-slate-100 p-3">
        <div className="flex flex-col">
          <label htmlFor="search-query" className="text-sm font-medium">{t('label')}</label>
          <input id="search-query" name="q" type="search" defaultValue={typed ?? ''} aria-describedby="search-hint" className={field} />
        </div>
        <button type="submit" className="button button-primary">{t('submit')}</button>
        <p id="search-hint" className="w-full text-sm text-slate-700">{t('hint')}</p>
      </form>

      {parsed.status === 'tooShort' && <p role="alert" className="mt-4 rounded bg-amber-100 p-2">{t('tooShort', { min: SEARCH_QUERY_MIN })}</p>}
      {parsed.status === 'tooLong' && <p role="alert" className="mt-4 rounded bg-amber-100 p-2">{t('tooLong', { max: SEARCH_QUERY_MAX })}</p>}
      {parsed.status === 'ok' && !budgetId && <p className="mt-4">{tRoot('catalogue.empty')}</p>}
      {parsed.status === 'ok' && result && result.proposals.total + result.responses.total === 0 && (
        <p role="status" className="mt-4">{t('nothing', { query: parsed.query })}</p>
      )}

      {result && result.proposals.total + result.responses.total > 0 && (
        <>
          <section aria-labelledby="proposal-hits" className="mt-6">
            <h2 id="proposal-hits" className="text-xl font-semibold">{t('proposals', { count: result.proposals.total })}</h2>
            {shown(result.proposals.hits.length, result.proposals.total)}
            {result.proposals.total === 0 && <p>{t('noProposals')}</p>}
            <ol className="mt-2 flex flex-col gap-3">
              {result.proposals.hits.map((hit) => (
                <li key={hit.id}>
                  <Link href={hit.href} className={link}>
                    <span className="font-mono">{hit.code}</span> <HighlightedText headline={hit.title} />
                  </Link>
                  <p className="text-sm">
                    <HighlightedText headline={hit.excerpt} />
                  </p>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="response-hits" className="mt-6">
            <h2 id="response-hits" className="text-xl font-semibold">{t('responses', { count: result.responses.total })}</h2>
            {shown(result.responses.hits.length, result.responses.total)}
            {result.responses.total === 0 && <p>{t('noResponses')}</p>}
            <ol className="mt-2 flex flex-col gap-3">
              {result.responses.hits.map((hit, index) => (
                <li key={index}>
                  <Link href={hit.href} className={link}>{hit.organisation}</Link>
                  <p className="text-sm text-slate-700">
                    {hit.consultation.title} · {hit.proposal ? t('answer', { code: hit.proposal.code }) : t(hit.part === 'minority' ? 'minority' : 'generalRemarks')}
                    {hit.stance && ` · ${tRoot(`responses.stances.${hit.stance}`)}`}
                  </p>
                  <p className="text-sm">
                    <HighlightedText headline={hit.excerpt} />
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
