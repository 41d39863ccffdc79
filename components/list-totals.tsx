import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { formatAmount } from '@/lib/format';
import type { CatalogueList } from '@/lib/server/catalogue';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';

/** The printed "I alt" lines of one list, for comparing the two lists at a glance. */
export async function ListTotals({ list, years }: { list: CatalogueList; years: number[] }) {
  const t = await getTranslations('catalogue');
  return (
    <div className="min-w-0 rounded border border-slate-300 p-2 sm:p-3" data-list-totals={list.name}>
      <h3 className="font-semibold">{list.name}</h3>
      <p className="text-sm text-slate-700">
        {list.incorporated ? t('incorporated') : t('notIncorporated')} · {t('proposalCount', { count: list.proposalCount })}
      </p>
      <ScrollRegion label={list.name}>
      <table className="table mt-2 w-full text-sm">
        <caption className="sr-only">{list.name}</caption>
        <thead>
          <tr>
            <td />
            {years.map((year) => (
              <th key={year} scope="col" className="px-1 text-right">{year}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {EXPENDITURE_KINDS.map((kind) => (
            <tr key={kind} data-total={kind}>
              <th scope="row" className="pr-1 text-left font-normal">{t(kind === 'SERVICE' ? 'totalService' : 'totalTransfer')}</th>
              {years.map((year) => (
                <td key={year} className="px-1 text-right tabular-nums">{formatAmount(list.totals[kind][year] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollRegion>
    </div>
  );
}
