import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { formatAmount } from '@/lib/format';
import type { CatalogueLine } from '@/lib/server/catalogue';

// Every cell padded; the body's rows ruled, its row headers plain; the year columns (after kind
// and type) right-aligned with figures of equal width.
const CELLS =
  '[&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-300 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_thead_th~th~th]:text-right [&_td~td]:text-right [&_td~td]:tabular-nums';

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
        {/* Cell styles are set once on the table: the response form shows 31 of these, and each cell is sent twice (HTML and RSC). */}
        <table className={`table text-sm ${compact ? 'mt-1' : 'mt-2'} ${CELLS}`} aria-labelledby={headingId}>
          <thead>
            <tr className="border-b-2 border-slate-700 text-left">
              <th scope="col">{t('catalogue.colKind')}</th>
              <th scope="col">{t('catalogue.colType')}</th>
              {years.map((year) => (
                <th key={year} scope="col">{year}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.kind} data-kind={line.kind}>
                <th scope="row">{t(`kinds.${line.kind}`)}</th>
                <td>{t(`types.${line.type}`)}</td>
                {years.map((year) => (
                  <td key={year}>{formatAmount(line.amounts[year] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
