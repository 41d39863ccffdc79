import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { formatAmount } from '@/lib/format';
import type { CatalogueLine } from '@/lib/server/catalogue';

/** A proposal's amounts per expenditure kind and year, in thousands of DKK. */
export async function ProposalAmounts({ lines, years }: { lines: CatalogueLine[]; years: number[] }) {
  const t = await getTranslations();
  return (
    <>
      <h2 id="amounts-heading" className="mt-6 text-xl font-semibold">{t('proposal.amounts')}</h2>
      <ScrollRegion label={t('proposal.amounts')}>
        <table className="table mt-2 text-sm" aria-labelledby="amounts-heading">
          <thead>
            <tr className="border-b-2 border-slate-700 text-left">
              <th scope="col" className="px-2 py-1">{t('catalogue.colKind')}</th>
              <th scope="col" className="px-2 py-1">{t('catalogue.colType')}</th>
              {years.map((year) => (
                <th key={year} scope="col" className="px-2 py-1 text-right">{year}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.kind} className="border-b border-slate-300" data-kind={line.kind}>
                <th scope="row" className="px-2 py-1 text-left font-normal">{t(`kinds.${line.kind}`)}</th>
                <td className="px-2 py-1">{t(`types.${line.type}`)}</td>
                {years.map((year) => (
                  <td key={year} className="px-2 py-1 text-right tabular-nums">{formatAmount(line.amounts[year] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
