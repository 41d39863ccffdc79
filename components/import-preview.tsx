import { getTranslations } from 'next-intl/server';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { formatAmount } from '@/lib/format';
import type { ProposalDiff, ProposalStatus } from '@/lib/server/budget-import-diff';
import type { ImportPreviewData } from '@/lib/server/budget-import-draft';
import { ImportConfirmForm, ImportCorrectionForm } from './import-preview-forms';
import { ScrollRegion } from './scroll-region';

// Light backgrounds with dark text, so each badge keeps a contrast of at least 4.5:1.
const BADGE: Record<ProposalStatus | 'notInDocument', string> = {
  new: 'bg-green-100 text-green-900',
  changed: 'bg-amber-100 text-amber-900',
  unchanged: 'bg-slate-100 text-slate-800',
  notInDocument: 'bg-red-100 text-red-900',
};

async function StatusBadge({ status }: { status: ProposalStatus | 'notInDocument' }) {
  const t = await getTranslations('staff.import.status');
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${BADGE[status]}`} data-status={status}>{t(status)}</span>;
}

/** The fields the document changes, old → new, and staff's work the import keeps. */
async function Changes({ proposal }: { proposal: ProposalDiff }) {
  const t = await getTranslations();
  const c = proposal.changes;
  const none = t('proposalVersions.noAmount');
  const items = [
    c?.title && t('staff.import.changeTitle', c.title),
    c?.summary && t('staff.import.changeSummary'),
    c?.list && t('staff.import.changeList', c.list),
    ...(c?.types ?? []).map((type) => t('staff.import.changeType', { kind: t(`kinds.${type.kind}`), from: t(`types.${type.from}`), to: t(`types.${type.to}`) })),
    ...(c?.amounts ?? []).map((a) => t('proposalVersions.changedAmount', { kind: t(`kinds.${a.kind}`), year: a.year, from: a.from === null ? none : formatAmount(a.from), to: a.to === null ? none : formatAmount(a.to) })),
    proposal.keptMove && t('staff.import.keptMove'),
    proposal.keptEdit && t('staff.import.keptEdit'),
  ].filter((item): item is string => Boolean(item));
  if (!items.length) return null;
  return (
    <ul className="list-disc pl-5" data-changes>
      {items.map((item) => <li key={item}>{item}</li>)}
    </ul>
  );
}

async function TotalsTable({ data, position, heading }: { data: ImportPreviewData; position: number; heading: string }) {
  const t = await getTranslations();
  const rows = data.totals.filter((row) => row.listPosition === position);
  const caption = t('staff.import.totalsCaption', { list: heading });
  const cells = (kind: string, value: (row: (typeof rows)[number]) => string, mark?: (row: (typeof rows)[number]) => boolean) =>
    rows.filter((row) => row.kind === kind).map((row) => (
      <td key={row.year} className={`px-2 text-right tabular-nums ${mark?.(row) ? 'font-bold text-red-800' : ''}`}>{value(row)}</td>
    ));
  return (
    <ScrollRegion label={caption}>
      <table className="table text-sm" data-totals-list={heading}>
        <caption className="text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <td />
            {data.years.map((year) => <th key={year} scope="col" className="px-2 text-right">{year}</th>)}
          </tr>
        </thead>
        <tbody>
          {EXPENDITURE_KINDS.flatMap((kind) => {
            const name = t(`kinds.${kind}`);
            return [
              <tr key={`${kind}-computed`} data-total={kind}>
                <th scope="row" className="pr-2 text-left font-normal">{t('staff.import.totalsComputed', { kind: name })}</th>
                {cells(kind, (row) => formatAmount(row.computed))}
              </tr>,
              <tr key={`${kind}-printed`} data-printed={kind}>
                <th scope="row" className="pr-2 text-left font-normal">{t('staff.import.totalsPrinted', { kind: name })}</th>
                {cells(kind, (row) => (row.printed === null ? '–' : formatAmount(row.printed)))}
              </tr>,
              <tr key={`${kind}-difference`} data-difference={kind}>
                <th scope="row" className="pr-2 text-left font-normal">{t('staff.import.totalsDifference', { kind: name })}</th>
                {cells(kind, (row) => formatAmount(row.difference), (row) => row.difference !== 0)}
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The import's second step: what will change per list, the totals check, unread rows to correct, and the confirmation. */
export async function ImportPreview({ data }: { data: ImportPreviewData }) {
  const t = await getTranslations();
  const { diff } = data;
  const count = (status: ProposalStatus) => diff.proposals.filter((p) => p.status === status).length;
  const totalsHold = data.totals.every((row) => row.difference === 0);
  return (
    <section aria-labelledby="import-preview-heading" className="mt-6 flex flex-col gap-4">
      <h2 id="import-preview-heading" className="text-xl font-semibold">{t('staff.import.previewHeading', { budget: diff.budgetName })}</h2>
      {data.fileName && <p className="text-sm text-slate-700">{t('staff.import.source', { name: data.fileName })}</p>}
      <p data-counts>{diff.budgetExists ? t('staff.import.counts', { new: count('new'), changed: count('changed'), unchanged: count('unchanged') }) : t('staff.import.newBudget', { budget: diff.budgetName })}</p>

      {data.lists.map((list) => {
        const proposals = diff.proposals.filter((p) => p.listPosition === list.position);
        const caption = t('staff.import.diffCaption', { list: list.heading, count: list.proposals });
        return (
          <ScrollRegion key={list.position} label={caption}>
            <table className="table w-full text-sm" data-preview-list={list.heading}>
              <caption className="text-left font-semibold">{caption}</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col">{t('staff.import.colStatus')}</th>
                  <th scope="col">{t('staff.import.colProposal')}</th>
                  <th scope="col">{t('staff.import.colChanges')}</th>
                </tr>
              </thead>
              <tbody>
                {proposals.map((proposal) => (
                  <tr key={proposal.code} data-proposal={proposal.code}>
                    <td><StatusBadge status={proposal.status} /></td>
                    <th scope="row" className="text-left font-normal"><span className="font-semibold">{proposal.code}</span> {proposal.title}</th>
                    <td><Changes proposal={proposal} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      })}

      {diff.notInDocument.length > 0 && (
        <div data-not-in-document>
          <h3 className="text-lg font-semibold">{t('staff.import.notInDocumentHeading')}</h3>
          <p className="text-sm text-slate-700">{t('staff.import.notInDocumentIntro')}</p>
          <ul className="mt-1 flex flex-col gap-1">
            {diff.notInDocument.map((p) => (
              <li key={p.code} data-proposal={p.code}><StatusBadge status="notInDocument" /> <span className="font-semibold">{p.code}</span> {p.title} ({p.list})</li>
            ))}
          </ul>
        </div>
      )}

      <h3 className="text-lg font-semibold">{t('staff.import.totalsHeading')}</h3>
      <p role="status" className={totalsHold ? 'text-green-900' : 'font-semibold text-red-800'} data-totals-status>
        {t(!totalsHold ? 'staff.import.totalsFail' : data.totalsChecked ? 'staff.import.totalsMatch' : 'spreadsheet.totalsUnchecked')}
      </p>
      {data.lists.map((list) => <TotalsTable key={list.position} data={data} position={list.position} heading={list.heading} />)}

      {(data.unread.length > 0 || data.corrections.length > 0) && (
        <div className="flex flex-col gap-3">
          <h3 className="text-lg font-semibold">{t('staff.import.unreadHeading')}</h3>
          <p className="text-sm text-slate-700">{t('staff.import.unreadIntro')}</p>
          {data.corrections.map((c) => (
            <p key={c.key} className="alert alert-success text-sm" data-corrected={c.code}>{t('staff.import.corrected', { code: c.code, title: c.title })}</p>
          ))}
          {data.unread.map((row) => (
            <ImportCorrectionForm key={row.key} draftId={data.draftId} row={row} years={data.years} lists={data.lists} />
          ))}
        </div>
      )}

      <ImportConfirmForm draftId={data.draftId} documentHash={data.documentHash} ready={data.ready} imported={data.imported} />
    </section>
  );
}
