import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { formatAmount } from '@/lib/format';
import type { CatalogueLine } from '@/lib/server/catalogue';

/**
 * A proposal's amounts per expenditure kind and year, in thousands of DKK. On the proposal's page
 * under an h2; where several are shown on one page (the response form), `compact` gives each
 * its own heading id and a small h4 named after the proposal.
 */
export async function ProposalAmounts({ lines, years, compact }: { lines: CatalogueLine[]; years: number[]; compact?: { code: string } }) {
  const t = await getTranslations();
  const headingId = compact ? `amounts-heading-${compact.code}` : 'amounts-heading';
  const label = compact ? `${t('proposal.amounts')} (${compact.code})` : t('proposal.amounts');
  return (
    <>
      {compact ? (
        <h4 id={headingId} className="mt-2 text-sm font-semibold">{t('proposal.amounts')}</h4>
      ) : (
        <h2 id={headingId} className="mt-6 text-xl font-semibold">{t('proposal.amounts')}</h2>
      )}
      <ScrollRegion label={label}>
        <table className={`table text-sm ${compact ? 'mt-1' : 'mt-2'}`} aria-labelledby={headingId}>
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
