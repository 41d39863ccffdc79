import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OrganisationHits, ProposalHits, ResponseHits } from '@/components/search-hits';
import { parseSearchKind, parseSearchPage, parseSearchQuery, SEARCH_KINDS, SEARCH_PAGE_SIZE, SEARCH_QUERY_MAX, SEARCH_QUERY_MIN, type SearchKind } from '@/lib/search';
import { getCurrentBudgetId } from '@/lib/server/catalogue';
import { search, type SearchResult } from '@/lib/server/search';
import { currentActor } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('search'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';
const field = 'form-input';

function hrefOf(query: string, kind: SearchKind | null, page = 1) {
  const params = new URLSearchParams({ q: query });
  if (kind) params.set('kind', kind);
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

function Hits({ kind, result }: { kind: SearchKind; result: SearchResult }) {
  if (kind === 'proposals') return <ProposalHits hits={result.proposals.hits} />;
  if (kind === 'responses') return <ResponseHits hits={result.responses.hits} />;
  return <OrganisationHits hits={result.organisations.hits} />;
}

// A plain GET form and links, so that searching, filtering and paging work without JavaScript
// and a search can be shared as a link. Without a kind every kind shows its first page.
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = parseSearchQuery(params.q);
  const kind = parseSearchKind(params.kind);
  const page = parseSearchPage(params.page);
  const [t, tRoot, budgetId, actor] = await Promise.all([getTranslations('search'), getTranslations(), getCurrentBudgetId(), currentActor()]);
  const result =
    parsed.status === 'ok' && budgetId
      ? await search(actor, parsed.query, { budgetId, marker: tRoot('publicConsultations.redactedMarker'), kind: kind ?? undefined, page })
      : null;
  const typed = Array.isArray(params.q) ? params.q[0] : params.q;
  const total = result ? SEARCH_KINDS.reduce((sum, k) => sum + result[k].total, 0) : 0;
  const shownKinds = kind ? [kind] : SEARCH_KINDS;
  const pages = result && kind ? Math.max(1, Math.ceil(result[kind].total / SEARCH_PAGE_SIZE)) : 1;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" action="/search" role="search" aria-label={t('title')} className="no-print mt-4 flex flex-wrap items-end gap-3 rounded bg-slate-100 p-3">
        <div className="flex flex-col">
          <label htmlFor="search-query" className="text-sm font-medium">{t('label')}</label>
          <input id="search-query" name="q" type="search" defaultValue={typed ?? ''} aria-describedby="search-hint" className={field} />
        </div>
        <div className="flex flex-col">
          <label htmlFor="search-kind" className="text-sm font-medium">{t('kindLabel')}</label>
          <select id="search-kind" name="kind" defaultValue={kind ?? ''} className="form-select">
            <option value="">{t('kinds.all')}</option>
            {SEARCH_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="button button-primary">{t('submit')}</button>
        <p id="search-hint" className="w-full text-sm text-slate-700">{t('hint')}</p>
      </form>

      {parsed.status === 'tooShort' && <p role="alert" className="mt-4 rounded bg-amber-100 p-2">{t('tooShort', { min: SEARCH_QUERY_MIN })}</p>}
      {parsed.status === 'tooLong' && <p role="alert" className="mt-4 rounded bg-amber-100 p-2">{t('tooLong', { max: SEARCH_QUERY_MAX })}</p>}
      {parsed.status === 'ok' && !budgetId && <p className="mt-4">{tRoot('catalogue.empty')}</p>}
      {parsed.status === 'ok' && result && total === 0 && <p role="status" className="mt-4">{t('nothing', { query: parsed.query })}</p>}

      {parsed.status === 'ok' && result && total > 0 && (
        <>
          <nav aria-label={t('kindsNav')} className="no-print mt-4">
            <ul className="tab-list">
              <li><Link href={hrefOf(parsed.query, null)} aria-current={kind === null ? 'page' : undefined}>{t('kinds.all')} ({total})</Link></li>
              {SEARCH_KINDS.map((k) => (
                <li key={k}><Link href={hrefOf(parsed.query, k)} aria-current={kind === k ? 'page' : undefined}>{t(`kinds.${k}`)} ({result[k].total})</Link></li>
              ))}
            </ul>
          </nav>
          {shownKinds.map((k) => (
            <section key={k} aria-labelledby={`${k}-hits`} className="mt-6">
              <h2 id={`${k}-hits`} className="text-xl font-semibold">{t(k, { count: result[k].total })}</h2>
              {kind && <p className="text-sm text-slate-700">{t('pageOf', { page, pages })}</p>}
              {result[k].total === 0 ? <p>{t(`none.${k}`)}</p> : <Hits kind={k} result={result} />}
              {!kind && result[k].hits.length < result[k].total && (
                <p className="mt-2"><Link href={hrefOf(parsed.query, k)} className={link}>{t('showAll', { count: result[k].total, kind: t(`kinds.${k}`).toLowerCase() })}</Link></p>
              )}
            </section>
          ))}
          {kind && pages > 1 && (
            <nav aria-label={t('pages')} className="pagination mt-4 flex gap-4">
              {page > 1 && <Link href={hrefOf(parsed.query, kind, Math.min(page - 1, pages))} className={link} rel="prev">{t('previous')}</Link>}
              {page < pages && <Link href={hrefOf(parsed.query, kind, page + 1)} className={link} rel="next">{t('next')}</Link>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
