import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { downloadResponse } from '@/lib/download';
import { isDomainError } from '@/lib/server/errors';
import { budgetSpreadsheetTemplate } from '@/lib/server/budget-spreadsheet';
import { getCurrentBudgetId } from '@/lib/server/catalogue';
import { currentActor } from '@/lib/server/session';

const formatSchema = z.enum(['xlsx', 'csv']).catch('xlsx');

/** The import template with the header and one example row: ?format=xlsx (the default) or ?format=csv. */
export async function GET(request: Request) {
  try {
    const format = formatSchema.parse(new URL(request.url).searchParams.get('format'));
    const file = await budgetSpreadsheetTemplate(await currentActor(), format, await getCurrentBudgetId());
    return downloadResponse(file.bytes, file.fileName, file.contentType);
  } catch (error) {
    if (isDomainError(error, 'forbidden')) {
      return new Response((await getTranslations('spreadsheet'))('forbidden'), { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    throw error;
  }
}
