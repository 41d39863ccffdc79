'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldError } from '@/lib/form-state';
import { previewImportAction, type ImportState } from '@/app/staff/import/actions';
import { FormStatus, SubmitButton } from './form-fields';

const idle: ImportState = { status: 'idle' };

/** The import's first step: a file or pasted text, read into a preview (ImportPreview) or refused with every problem. */
export function ImportDocumentForm() {
  const t = useTranslations();
  const [preview, previewAction, previewing] = useActionState<ImportState, FormData>(previewImportAction, idle);
  const textError = fieldError(preview, 'text');
  const fileError = fieldError(preview, 'file');
  return (
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
  );
}
