import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PROPOSAL_TYPES } from '@/lib/budget/vocabulary';
import type { CatalogueFilters as Filters, CommitteeLabel } from '@/lib/server/catalogue';

const field = 'form-input';

/** A plain GET form: filtering works without JavaScript and the URL can be shared. */
export async function CatalogueFilters({ committees, filters }: { committees: CommitteeLabel[]; filters: Filters }) {
  const t = await getTranslations();
  return (
    <form method="get" role="search" aria-label={t('catalogue.filters')} className="no-print flex flex-wrap items-end gap-3 rounded bg-slate-100 p-3">
      <div className="flex flex-col">
        <label htmlFor="filter-committee" className="text-sm font-medium">{t('catalogue.committee')}</label>
        <select id="filter-committee" name="committee" defaultValue={filters.committee ?? ''} className={field}>
          <option value="">{t('catalogue.allCommittees')}</option>
          {committees.map((committee) => (
            <option key={committee.code} value={committee.code}>
              {committee.name ? `${committee.name} (${committee.code})` : committee.code}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="filter-type" className="text-sm font-medium">{t('catalogue.type')}</label>
        <select id="filter-type" name="type" defaultValue={filters.type ?? ''} className={field}>
          <option value="">{t('catalogue.allTypes')}</option>
          {PROPOSAL_TYPES.map((type) => (
            <option key={type} value={type}>{t(`types.${type}`)}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="filter-query" className="text-sm font-medium">{t('catalogue.search')}</label>
        <input id="filter-query" name="q" type="search" maxLength={100} defaultValue={filters.query ?? ''} className={field} />
      </div>
      <button type="submit" className="button button-primary">
        {t('catalogue.apply')}
      </button>
      <Link href="/" className="py-1.5 text-blue-800 underline underline-offset-2">{t('catalogue.reset')}</Link>
    </form>
  );
}
