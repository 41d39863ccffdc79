import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

export const MAX_PDF_BYTES = 10 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-');

export class PdfUploadError extends Error {
  constructor(readonly reason: 'notPdf' | 'tooLarge' | 'noFile') {
    super(`PDF upload refused: ${reason}`);
    this.name = 'PdfUploadError';
  }
}

/** A PDF by its content: the header must be within the first kilobyte, whatever the file is called. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).indexOf(PDF_MAGIC) !== -1;
}

/** Only the base name, without control or path characters, for display and Content-Disposition. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f"/\\]/g, '').trim();
  const withExtension = base.toLowerCase().endsWith('.pdf') ? base : `${base || 'bilag'}.pdf`;
  return withExtension.slice(-150);
}

// Outside the web root, named by the server: an upload can never be served as a page or overwrite a file.
const storagePath = (storageKey: string) => path.join(path.resolve(env().ATTACHMENT_DIR), storageKey);

/**
 * Checks and stores an uploaded PDF, then runs `record` to write its row. When `record` fails the
 * file is removed again, so nothing is left half-written.
 */
export async function storePdf<T>(file: { name: string; bytes: Uint8Array }, record: (stored: { storageKey: string; fileName: string; size: number }) => Promise<T>): Promise<T> {
  if (file.bytes.byteLength === 0) throw new PdfUploadError('noFile');
  if (file.bytes.byteLength > MAX_PDF_BYTES) throw new PdfUploadError('tooLarge');
  if (!looksLikePdf(file.bytes)) throw new PdfUploadError('notPdf');
  const storageKey = `${randomUUID()}.pdf`;
  await mkdir(path.resolve(env().ATTACHMENT_DIR), { recursive: true });
  await writeFile(storagePath(storageKey), file.bytes, { mode: 0o600, flag: 'wx' });
  try {
    return await record({ storageKey, fileName: safeFileName(file.name), size: file.bytes.byteLength });
  } catch (error) {
    await removeStored(storageKey);
    throw error;
  }
}

export const readStored = (storageKey: string) => readFile(storagePath(storageKey));

export const removeStored = (storageKey: string) => rm(storagePath(storageKey), { force: true });
