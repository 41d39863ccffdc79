'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldError } from '@/lib/form-state';
import { confirmImportAction, previewImportAction, type ImportState } from '@/app/staff/import/actions';
import { formatAmount } from '@/lib/format';
import { FormStatus, SubmitButton } from './form-fields';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { ScrollRegion } from './scroll-region';
import { StepIndicator } from './step-indicator';

const idle: ImportState = { status: 'idle' };

/** Step one shows what the document or spreadsheet holds and whether its totals add up; step two writes it. */
export function ImportDocumentForm() {
  const t = useTranslations();
  const [preview, previewAction, previewing] = useActionState<ImportState, FormData>(previewImportAction, idle);
  const [result, confirmAction, importing] = useActionState<ImportState, FormData>(confirmImportAction, idle);
  const textError = fieldError(preview, 'text');
  const fileError = fieldError(preview, 'file');
  const step = result.status === 'success' ? 2 : preview.preview ? 1 : 0;
  return (
    <>
      <StepIndicator steps={[t('staff.import.stepChoose'), t('staff.import.stepCheck'), t('staff.import.stepDone')]} current={step} />
      <form action={previewAction} noValidate className="flex flex-col gap-2">
        <label htmlFor="import-file" className="form-label">{t('staff.import.file')}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".pdf,.docx,.txt,.csv,.xlsx"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'import-file-error' : undefined}
        />
        {fileError && <p id="import-file-error" className="form-error-message">{t(fileError.key, fileError.params)}</p>}
        <label htmlFor="import-text" className="form-label">{t('staff.import.text')}</label>
        <textarea
          id="import-text"
          name="text"
          rows={8}
          defaultValue={preview.text ?? ''}
          key={preview.text ?? ''}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? 'import-text-error' : undefined}
          className="form-input font-mono text-xs"
        />
        {textError && <p id="import-text-error" className="form-error-message">{t(textError.key, textError.params)}</p>}
        <SubmitButton label={t('staff.import.preview')} pending={previewing} />
        <FormStatus state={preview} />
        {preview.problems && (
          <ul className="list-disc pl-6 text-sm text-red-800" data-problems>
            {preview.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </form>

      {preview.preview && (
        <section aria-labelledby="import-preview-heading" className="mt-6">
          <h2 id="import-preview-heading" className="text-xl font-semibold">{t('staff.import.previewHeading', { budget: preview.preview.budgetName })}</h2>
          <p role="status" className={preview.preview.totalsChecked ? 'text-green-900' : 'text-slate-800'}>
            {t(preview.preview.totalsChecked ? 'staff.import.totalsMatch' : 'spreadsheet.totalsUnchecked')}
          </p>
          {preview.preview.lists.map((list) => (
            <div key={list.name} className="mt-3">
            <ScrollRegion label={t('staff.import.listLine', { list: list.name, count: list.proposals })}>
            <table className="table text-sm" data-preview-list={list.name}>
              <caption className="text-left font-semibold">{t('staff.import.listLine', { list: list.name, count: list.proposals })}</caption>
              <thead>
                <tr>
                  <td />
                  {preview.preview!.years.map((year) => (
                    <th key={year} scope="col" className="px-2 text-right">{year}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {EXPENDITURE_KINDS.map((kind) => (
                  <tr key={kind} data-total={kind}>
                    <th scope="row" className="pr-2 text-left font-normal">{t(kind === 'SERVICE' ? 'catalogue.totalService' : 'catalogue.totalTransfer')}</th>
                    {list.totals.filter((total) => total.kind === kind).map((total) => (
                      <td key={total.year} className="px-2 text-right tabular-nums">{formatAmount(total.amount)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            </ScrollRegion>
            </div>
          ))}
          <form action={confirmAction} className="mt-4 flex flex-col gap-2">
            {preview.spreadsheet ? (
              <input type="hidden" name="spreadsheet" value={preview.spreadsheet} />
            ) : (
              <input type="hidden" name="text" value={preview.text ?? ''} />
            )}
            <SubmitButton label={t('staff.import.confirm')} pending={importing} />
            <FormStatus state={result} />
            {result.kept && (result.kept.moves.length > 0 || result.kept.edits.length > 0) && (
              <ul className="list-disc pl-6 text-sm" data-kept>
                {result.kept.moves.length > 0 && <li data-kept-moves>{t('proposalVersions.keptMoves', { codes: result.kept.moves.join(', ') })}</li>}
                {result.kept.edits.length > 0 && <li data-kept-edits>{t('proposalVersions.keptEdits', { codes: result.kept.edits.join(', ') })}</li>}
              </ul>
            )}
          </form>
        </section>
      )}
    </>
  );
}
