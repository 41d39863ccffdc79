'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { EXPORT_FORMATS, exportHref, type ExportFormat, type NoteGrouping } from '@/lib/exports/formats';

type FormatKey = ExportFormat | 'pdfByTheme' | 'docxByTheme';
type Progress = { format: FormatKey; phase: 'preparing' | 'done' | 'failed' } | { format: FormatKey; phase: 'receiving'; kilobytes: number };

interface Download {
  key: FormatKey;
  format: ExportFormat;
  grouping: NoteGrouping;
}

const DOWNLOADS: Download[] = EXPORT_FORMATS.map((format) => ({ key: format, format, grouping: 'stance' }));
/** The høringsnotat with its answers by the budget office's themes: for staff, who tag them. */
const BY_THEME: Download[] = [
  { key: 'pdfByTheme', format: 'pdf', grouping: 'theme' },
  { key: 'docxByTheme', format: 'docx', grouping: 'theme' },
];

/** The name the server gave the file (RFC 6266), so that the saved file is named as with a plain link. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/**
 * Links to the exports. Without JavaScript they are plain downloads; with it, the file is fetched
 * here so that the page can say that it is being generated and how much has arrived.
 */
export function ExportDownloads({ consultationId, byTheme = false }: { consultationId: string; byTheme?: boolean }) {
  const t = useTranslations('exports');
  const [progress, setProgress] = useState<Progress | null>(null);
  const busy = progress?.phase === 'preparing' || progress?.phase === 'receiving';

  async function download(event: React.MouseEvent<HTMLAnchorElement>, { key, format, grouping }: Download) {
    event.preventDefault();
    if (busy) return;
    const progressOf = (phase: 'preparing' | 'done' | 'failed') => setProgress({ format: key, phase });
    progressOf('preparing');
    try {
      const response = await fetch(exportHref(consultationId, format, grouping));
      if (!response.ok || !response.body) throw new Error(`Export failed with status ${response.status}`);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        chunks.push(chunk.value);
        received += chunk.value.length;
        setProgress({ format: key, phase: 'receiving', kilobytes: Math.ceil(received / 1024) });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response.headers.get('Content-Disposition'), `export.${format}`);
      link.click();
      // The browser has started saving the file; the object URL is not needed after that.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      progressOf('done');
    } catch (error) {
      console.error(error);
      progressOf('failed');
    }
  }

  const file = progress ? t(`formats.${progress.format}`) : '';
  return (
    <div className="mt-2" aria-busy={busy}>
      <ul className="flex flex-wrap gap-4">
        {[...DOWNLOADS, ...(byTheme ? BY_THEME : [])].map((item) => (
          <li key={item.key}>
            <a
              href={exportHref(consultationId, item.format, item.grouping)}
              onClick={(event) => void download(event, item)}
              aria-disabled={busy}
              className={`text-blue-800 underline underline-offset-2 ${busy ? 'cursor-wait opacity-60' : ''}`}
            >
              {t(`formats.${item.key}`)}
            </a>
          </li>
        ))}
      </ul>
      <p role="status" className={`mt-1 text-sm ${progress?.phase === 'failed' ? 'text-red-800' : 'text-slate-700'}`}>
        {progress?.phase === 'preparing' && t('preparing', { file })}
        {progress?.phase === 'receiving' && t('receiving', { file, kilobytes: progress.kilobytes })}
        {progress?.phase === 'done' && t('done', { file })}
        {progress?.phase === 'failed' && t('failed', { file })}
      </p>
    </div>
  );
}
