import 'server-only';
import { getTranslations } from 'next-intl/server';
import { ForbiddenError } from '@/lib/server/actor';

const plainText = (text: string, status: number) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A download header that survives any file name: an ASCII fallback plus the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Serves a stored PDF to those the domain function lets read it, always as a download, never
 * rendered inline; refusals and missing files get a Danish message and their status.
 */
export async function servePdf(read: () => Promise<{ fileName: string; bytes: Buffer } | null>): Promise<Response> {
  try {
    const file = await read();
    if (!file) return plainText((await getTranslations('errors'))('attachmentMissing'), 404);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(file.fileName),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return plainText((await getTranslations('errors'))('attachmentForbidden'), 403);
    throw error;
  }
}
