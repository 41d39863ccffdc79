'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { LiveFieldState } from './live-response';

/** Beside a field: who else is editing it, and the text typed here that could not be saved. */
export function LiveFieldMarks({ id, live }: { id: string; live: LiveFieldState }) {
  const t = useTranslations('responses.live');
  const [copied, setCopied] = useState(false);
  return (
    <>
      {live.editingBy !== undefined && (
        <p className="mt-1 rounded bg-blue-50 px-2 py-1 text-sm font-medium text-blue-900" data-editing-by>
          {t('editing', { name: live.editingBy ?? t('someone') })}
        </p>
      )}
      {live.unsaved !== null && (
        <div className="mt-2 rounded border-2 border-red-800 bg-red-50 p-3" data-unsaved>
          <p id={`${id}-unsaved`} className="font-semibold text-red-900">{t('unsavedTitle')}</p>
          <textarea readOnly aria-labelledby={`${id}-unsaved`} value={live.unsaved} rows={3} className="mt-1 w-full rounded border border-slate-500 bg-white p-2" />
          <div className="mt-1 flex items-center gap-2">
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => void navigator.clipboard.writeText(live.unsaved ?? '').then(() => setCopied(true), () => setCopied(false))}
            >
              {t('copy')}
            </button>
            <span role="status" className="text-sm">{copied ? t('copied') : ''}</span>
          </div>
        </div>
      )}
    </>
  );
}
