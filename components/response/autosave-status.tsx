'use client';

import { useLocale, useTranslations } from 'next-intl';
import { genitive } from '@/lib/answer-state';
import type { AutosaveStatus } from './use-autosave';

/** The save state of one field, announced politely to screen readers. */
export function AutosaveStatusLine({ status, lastEditedBy }: { status: AutosaveStatus; lastEditedBy: string | null }) {
  const t = useTranslations();
  let text = lastEditedBy ? t('responses.savedBy', { name: lastEditedBy }) : '';
  let className = 'text-slate-700';
  if (status.kind === 'saving') text = t('responses.saving');
  if (status.kind === 'saved') text = status.editedBy ? `${t('responses.saved')} · ${t('responses.savedBy', { name: status.editedBy })}` : t('responses.saved');
  if (status.kind === 'offline') [text, className] = [t('responses.offline'), 'text-red-800 font-medium'];
  if (status.kind === 'error') [text, className] = [t(status.message, status.params), 'text-red-800 font-medium'];
  return (
    <p role="status" className={`min-h-5 text-sm ${className}`}>
      {text}
    </p>
  );
}

/** Both texts side by side when another member saved the field first; the user chooses. */
export function ConflictPanel({ status, mine, onKeepMine, onKeepTheirs }: { status: AutosaveStatus; mine: string; onKeepMine: () => void; onKeepTheirs: () => void }) {
  const t = useTranslations('responses');
  const locale = useLocale();
  if (status.kind !== 'conflict') return null;
  // Named after the member who saved it ("Karens tekst"): a bare "deres" reads as the formal "your".
  const owner = status.editedBy ? genitive(status.editedBy, locale) : null;
  return (
    <div role="alert" className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3">
      <p className="font-semibold">{t('conflictTitle', { name: status.editedBy ?? t('someone') })}</p>
      <div className="mt-2 grid gap-3 md:grid-cols-2">
        <div>
          <p className="text-sm font-semibold">{owner ? t('conflictTheirs', { owner }) : t('conflictTheirsUnknown')}</p>
          <pre className="whitespace-pre-wrap rounded bg-white p-2 font-sans text-sm" data-conflict="theirs">{status.theirs}</pre>
        </div>
        <div>
          <p className="text-sm font-semibold">{t('conflictYours')}</p>
          <pre className="whitespace-pre-wrap rounded bg-white p-2 font-sans text-sm" data-conflict="mine">{mine}</pre>
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {/* Buttons of the section's form: without JavaScript they post the choice (see section-form.tsx). */}
        <button type="submit" name="intent" value="mine" onClick={onKeepMine} className="button button-primary button-small">{t('keepMine')}</button>
        <button type="submit" name="intent" value="theirs" onClick={onKeepTheirs} className="button button-secondary button-small">{owner ? t('keepTheirs', { owner }) : t('keepTheirsUnknown')}</button>
      </div>
    </div>
  );
}
