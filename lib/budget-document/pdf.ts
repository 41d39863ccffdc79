// The PDF reader: the text layer with positions (pdfjs-dist), grouped into lines by baseline, as
// the table model of table.ts. Server and scripts only (pdfjs-dist's Node build).
import type { DocumentIssue } from './parse';
import type { Fragment, SourceLine } from './table';

// Items whose baselines differ by less than this (points) stand on one line.
const BASELINE_TOLERANCE = 2;

export type PdfRead = { lines: SourceLine[] } | { issue: DocumentIssue };

/** A line-end hyphen as a PDF may encode it (hyphen, non-breaking hyphen), as "-"; soft hyphens dropped. */
const normalise = (text: string) => text.replace(/[\u2010\u2011]/gu, '-').replaceAll('\u00ad', '');

export async function readPdfLines(bytes: Uint8Array): Promise<PdfRead> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer, so it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    // pdf.js 5 reports a password-protected file by the error's name.
    return { issue: { code: (error as Error | undefined)?.name === 'PasswordException' ? 'PDF_ENCRYPTED' : 'PDF_DAMAGED' } };
  }
  try {
    const lines: SourceLine[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      const fragments: (Fragment & { y: number })[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const x0 = item.transform[4] as number;
        fragments.push({ x0, x1: x0 + item.width, y: -(item.transform[5] as number), text: normalise(item.str) });
      }
      fragments.sort((a, b) => a.y - b.y || a.x0 - b.x0);
      for (const f of fragments) {
        const line = lines.findLast((l) => l.page === page && Math.abs(l.y - f.y) < BASELINE_TOLERANCE);
        if (line) line.fragments.push({ x0: f.x0, x1: f.x1, text: f.text });
        else lines.push({ page, y: f.y, fragments: [{ x0: f.x0, x1: f.x1, text: f.text }] });
      }
    }
    for (const line of lines) line.fragments.sort((a, b) => a.x0 - b.x0);
    if (!lines.length) return { issue: { code: 'NO_TEXT_LAYER' } };
    return { lines };
  } catch {
    return { issue: { code: 'PDF_DAMAGED' } };
  } finally {
    await pdf.destroy();
  }
}
