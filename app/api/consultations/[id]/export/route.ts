import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { isExportFormat } from '@/lib/exports/formats';
import { recordId } from '@/lib/record-id';
import { isDomainError } from '@/lib/server/errors';
import { databaseUnavailableResponse, plainText } from '@/lib/server/download';
import { exportConsultation } from '@/lib/server/exports';
import { currentActor } from '@/lib/server/session';

/** The høringsnotat (?format=pdf|docx) or every answer (?format=xlsx|csv), as the signed-in reader may see them. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format');
  const t = await getTranslations('exports');
  if (!isExportFormat(format)) return plainText(t('errors.format'), 400);
  if (!recordId.safeParse(id).success) return plainText(t('errors.notFound'), 404);
  try {
    const file = await exportConsultation(await currentActor(), id, format);
    if (!file) return plainText(t('errors.notFound'), 404);
    return downloadResponse(file.bytes, file.fileName, file.contentType);
  } catch (error) {
    if (isDomainError(error, 'forbidden')) return plainText(t('errors.forbidden'), 403);
    const unavailable = await databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
