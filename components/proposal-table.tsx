import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatAmount } from '@/lib/format';
import type { CatalogueList } from '@/lib/server/catalogue';
import { CommitteeName } from './committee-name';
import { ScrollRegion } from './scroll-region';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';

const amountCell = 'px-2 py-1 text-right tabular-nums whitespace-nowrap';

export async function ProposalTable({ list, years, headingId }: { list: CatalogueList; years: number[]; headingId: string }) {
  const t = await getTranslations();
  return (
    <ScrollRegion label={t('catalogue.tableCaption', { list: list.name })}>
      <table className="table w-full border-collapse text-sm" aria-labelledby={headingId}>
        <caption className="sr-only">{t('catalogue.tableCaption', { list: list.name })}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700 text-left">
            <th scope="col" className="px-2 py-1">{t('catalogue.colCode')}</th>
            <th scope="col" className="px-2 py-1">{t('catalogue.colTitle')}</th>
            <th scope="col" className="px-2 py-1">{t('catalogue.colCommittee')}</th>
            <th scope="col" className="px-2 py-1">{t('catalogue.colKind')}</th>
            <th scope="col" className="px-2 py-1">{t('catalogue.colType')}</th>
            {years.map((year) => (
              <th key={year} scope="col" className={amountCell}>{year}</th>
            ))}
          </tr>
        </thead>
        {list.proposals.map((proposal) => (
          <tbody key={proposal.id} className="border-b border-slate-300">
            {proposal.lines.map((line, index) => (
              <tr key={line.kind} data-proposal={proposal.code} data-kind={line.kind}>
                {index === 0 && (
                  <>
                    <th scope="rowgroup" rowSpan={proposal.lines.length} className="px-2 py-1 text-left align-top font-mono">
                      {proposal.code}
                    </th>
                    <td rowSpan={proposal.lines.length} className="px-2 py-1 align-top">
                      <Link href={`/proposals/${proposal.id}`} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
                        {proposal.title}
                      </Link>
                    </td>
                    <td rowSpan={proposal.lines.length} className="px-2 py-1 align-top">
                      <CommitteeName committee={proposal.committee} />
                    </td>
                  </>
                )}
                <td className="px-2 py-1">{t(`kinds.${line.kind}`)}</td>
                <td className="px-2 py-1">{t(`types.${line.type}`)}</td>
                {years.map((year) => (
                  <td key={year} className={amountCell}>{formatAmount(line.amounts[year] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot className="border-t-2 border-slate-700 font-semibold">
          {EXPENDITURE_KINDS.map((kind) => (
            <tr key={kind} data-total={kind}>
              <th scope="row" colSpan={5} className="px-2 py-1 text-left">
                {t(kind === 'SERVICE' ? 'catalogue.totalService' : 'catalogue.totalTransfer')}
              </th>
              {years.map((year) => (
                <td key={year} className={amountCell}>{formatAmount(list.totals[kind][year] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
