import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { isExportFormat, isNoteGrouping } from '@/lib/exports/formats';
import { recordId } from '@/lib/record-id';
import { isDomainError } from '@/lib/server/errors';
import { databaseUnavailableResponse, plainText } from '@/lib/server/download';
import { exportConsultation } from '@/lib/server/exports';
import { currentActor } from '@/lib/server/session';

/**
 * The høringsnotat (?format=pdf|docx, its answers by theme with &group=theme) or every answer
 * (?format=xlsx|csv), as the signed-in reader may see them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const format = query.get('format');
  const group = query.get('group') ?? 'stance';
  const t = await getTranslations('exports');
  if (!isExportFormat(format)) return plainText(t('errors.format'), 400);
  if (!isNoteGrouping(group)) return plainText(t('errors.grouping'), 400);
  if (!recordId.safeParse(id).success) return plainText(t('errors.notFound'), 404);
  try {
    const file = await exportConsultation(await currentActor(), id, format, group);
    if (!file) return plainText(t('errors.notFound'), 404);
    return downloadResponse(file.bytes, file.fileName, file.contentType);
  } catch (error) {
    if (isDomainError(error, 'forbidden')) return plainText(t('errors.forbidden'), 403);
    const unavailable = await databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
