import { getTranslations } from 'next-intl/server';
import { CatalogueFilters } from '@/components/catalogue-filters';
import { ListTotals } from '@/components/list-totals';
import { ProposalTable } from '@/components/proposal-table';
import { parseCatalogueFilters } from '@/lib/catalogue-filters';
import { getCatalogue, getCurrentBudgetId } from '@/lib/server/catalogue';

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('catalogue');
  const params = await searchParams;
  const filters = parseCatalogueFilters(params);
  const erasedNotice = params.erased === '1' ? <p role="status" className="mb-4 rounded bg-green-100 p-2 text-green-900">{(await getTranslations('account'))('erased')}</p> : null;
  const budgetId = await getCurrentBudgetId();
  const catalogue = budgetId ? await getCatalogue(budgetId, filters) : null;

  if (!catalogue) {
    return (
      <>
        {erasedNotice}
        <h1 className="text-2xl font-bold">{t('empty')}</h1>
        <p className="mt-2">{t('emptyHint')}</p>
      </>
    );
  }

  const { budget, lists, committees } = catalogue;
  const filtered = Boolean(filters.committee || filters.type || filters.query);
  return (
    <>
      {erasedNotice}
      <h1 className="text-2xl font-bold">{t('title', { budget: budget.name })}</h1>
      <p className="mt-1 text-slate-700">{t('intro')}</p>

      <section aria-labelledby="overview-heading" className="mt-6">
        <h2 id="overview-heading" className="sr-only">{t('overview')}</h2>
        <div className="grid gap-4 md:grid-cols-2">
          {lists.map((list) => (
            <ListTotals key={list.id} list={list} years={budget.years} />
          ))}
        </div>
      </section>

      <div className="mt-6">
        <CatalogueFilters committees={committees} filters={filters} />
      </div>

      {lists.map((list) => {
        const headingId = `list-${list.id}`;
        return (
          <section key={list.id} aria-labelledby={headingId} className="mt-8">
            <h2 id={headingId} className="text-xl font-semibold">{list.name}</h2>
            <p className="text-sm text-slate-700" role={filtered ? 'status' : undefined}>
              {t('shown', { shown: list.proposals.length, total: list.proposalCount })}
              {filtered && ` · ${t('listTotalsNote')}`}
            </p>
            {list.proposals.length === 0 ? (
              <p className="mt-2 italic">{t('noMatches')}</p>
            ) : null}
            <div className="mt-2">
              <ProposalTable list={list} years={budget.years} headingId={headingId} />
            </div>
          </section>
        );
      })}
    </>
  );
}
