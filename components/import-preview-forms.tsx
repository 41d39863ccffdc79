'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmImportAction, correctRowAction, type ImportState } from '@/app/staff/import/actions';
import type { UnreadRow } from '@/lib/budget-document/unread';
import { idle, type FormState } from '@/lib/form-state';
import { TEXT_LIMITS } from '@/lib/limits';
import type { ImportResult } from '@/lib/server/budget-import';
import { AmountGrid } from './amount-grid';
import { ErrorSummary, FormStatus, SelectField, SubmitButton, TextAreaField, TextField } from './form-fields';

/** Staff's reading of one row the parser could not read, shown beside its raw text. */
export function ImportCorrectionForm({ draftId, row, years, lists }: { draftId: string; row: UnreadRow; years: number[]; lists: { position: number; heading: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(correctRowAction, idle);
  const form = `correct-${row.key}`;
  const { line, page, table, row: rowNo } = row.at;
  const place = line ? t('staff.import.place.line', { line }) : page ? t('staff.import.place.page', { page, row: rowNo ?? 0 }) : t('staff.import.place.table', { table: table ?? 0, row: rowNo ?? 0 });
  const heading = t('staff.import.unreadRow', { place, list: row.list });
  return (
    <form action={action} noValidate aria-label={heading} className="flex flex-col gap-3 rounded border border-slate-400 p-3" data-unread-row={row.key}>
      <h4 className="font-semibold">{heading}</h4>
      <ErrorSummary state={state} />
      <p className="text-sm font-semibold" id={`${form}-raw-label`}>{t('staff.import.rawText')}</p>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 text-xs" aria-labelledby={`${form}-raw-label`} data-raw>{row.text}</pre>
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="key" value={row.key} />
      <TextField form={form} name="code" label={t('staff.import.code')} hint={t('staff.import.codeHint')} state={state} maxLength={20} defaultValue={row.code ?? ''} />
      <TextField form={form} name="title" label={t('proposalVersions.title')} state={state} maxLength={TEXT_LIMITS.proposalTitle} />
      <TextAreaField form={form} name="summary" label={t('proposalVersions.summary')} state={state} rows={3} maxLength={TEXT_LIMITS.proposalSummary} />
      <SelectField form={form} name="listPosition" label={t('staff.import.list')} state={state} options={lists.map((l) => ({ value: String(l.position), label: l.heading }))} defaultValue={String(row.listPosition)} />
      <AmountGrid form={form} years={years} state={state} typeOf={() => 'SAVING'} amountOf={() => undefined} />
      <SubmitButton label={t('staff.import.saveCorrection')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

/** Confirms the import; refused, with each problem named, while a row is unread or a sum is off. Afterwards shows what it did. */
export function ImportConfirmForm({ draftId, documentHash, ready, imported }: { draftId: string; documentHash: string; ready: boolean; imported: ImportResult | null }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ImportState, FormData>(confirmImportAction, idle);
  if (imported) {
    const params = { budget: imported.budgetName, proposals: imported.proposals, changes: imported.changes };
    return (
      <div className="flex flex-col gap-2">
        <p role="status" className="alert alert-success">{t(imported.changes === 0 ? 'staff.import.unchanged' : 'staff.import.imported', params)}</p>
        {(imported.keptMoves.length > 0 || imported.keptEdits.length > 0) && (
          <ul className="list-disc pl-6 text-sm" data-kept>
            {imported.keptMoves.length > 0 && <li data-kept-moves>{t('proposalVersions.keptMoves', { codes: imported.keptMoves.join(', ') })}</li>}
            {imported.keptEdits.length > 0 && <li data-kept-edits>{t('proposalVersions.keptEdits', { codes: imported.keptEdits.join(', ') })}</li>}
          </ul>
        )}
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="documentHash" value={documentHash} />
      {!ready && <p id="import-not-ready" className="text-sm">{t('staff.import.notReady')}</p>}
      {/* Disabled until ready; the server refuses the same, whatever the browser sends. */}
      <button type="submit" disabled={pending || !ready} aria-describedby={ready ? undefined : 'import-not-ready'} className="button button-primary self-start">
        {t('staff.import.confirm')}
      </button>
      <FormStatus state={state} />
      {state.problems && (
        <ul className="list-disc pl-6 text-sm text-red-800" data-problems>
          {state.problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
    </form>
  );
}
