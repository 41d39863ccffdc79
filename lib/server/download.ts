import 'server-only';
import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { ForbiddenError } from '@/lib/server/actor';

export const plainText = (text: string, status: number) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Serves a stored PDF to those the domain function lets read it, always as a download;
 * refusals and missing files get a Danish message and their status.
 */
export async function servePdf(read: () => Promise<{ fileName: string; bytes: Buffer } | null>): Promise<Response> {
  try {
    const file = await read();
    if (!file) return plainText((await getTranslations('errors'))('attachmentMissing'), 404);
    return downloadResponse(file.bytes, file.fileName, 'application/pdf');
  } catch (error) {
    if (error instanceof ForbiddenError) return plainText((await getTranslations('errors'))('attachmentForbidden'), 403);
    throw error;
  }
}
