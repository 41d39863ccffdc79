import 'server-only';
import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { isDomainError } from '@/lib/server/errors';
import { isDatabaseUnavailable } from '@/lib/server/database-errors';

export const plainText = (text: string, status: number) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * For route handlers: a 503 with a Danish "try again" when the database is down or its pool
 * stayed busy (a load balancer may retry it elsewhere), or null for any other error, which the
 * handler rethrows.
 */
export async function databaseUnavailableResponse(error: unknown): Promise<Response | null> {
  if (!isDatabaseUnavailable(error)) return null;
  console.warn('Route handler: database unavailable:', error instanceof Error ? error.message.trim().split('\n').at(-1) : error);
  const response = plainText((await getTranslations('errors'))('databaseUnavailable'), 503);
  response.headers.set('Retry-After', '5');
  return response;
}

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
    if (isDomainError(error, 'forbidden')) return plainText((await getTranslations('errors'))('attachmentForbidden'), 403);
    const unavailable = await databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
