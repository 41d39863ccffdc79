import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { auditFilterSchema } from '@/lib/audit-filter';
import { isDomainError } from '@/lib/server/errors';
import { AUDIT_EXPORT_FORMATS, exportAuditLog, type AuditExportFormat } from '@/lib/server/audit-log/export';
import { databaseUnavailableResponse, plainText } from '@/lib/server/download';
import { currentActor } from '@/lib/server/session';

const isFormat = (value: unknown): value is AuditExportFormat => AUDIT_EXPORT_FORMATS.includes(value as AuditExportFormat);

/** The audit log with the page's filter (?format=xlsx|csv), for staff. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const format = params.get('format');
  const t = await getTranslations('audit');
  if (!isFormat(format)) return plainText(t('invalidFormat'), 400);
  try {
    const file = await exportAuditLog(await currentActor(), auditFilterSchema.parse(Object.fromEntries(params)), format);
    return downloadResponse(file.body, file.fileName, file.contentType);
  } catch (error) {
    if (isDomainError(error, 'forbidden')) return plainText(t('forbidden'), 403);
    const unavailable = await databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
