import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { isDomainError } from '@/lib/server/errors';
import { exportBudgetSpreadsheet } from '@/lib/server/budget-spreadsheet';
import { getCurrentBudgetId } from '@/lib/server/catalogue';
import { currentActor } from '@/lib/server/session';

const plainText = (text: string, status: number) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The current budget's proposals as XLSX, in the layout the import reads. */
export async function GET() {
  try {
    const budgetId = await getCurrentBudgetId();
    const file = budgetId ? await exportBudgetSpreadsheet(await currentActor(), budgetId) : null;
    if (!file) return plainText((await getTranslations('catalogue'))('empty'), 404);
    return downloadResponse(file.bytes, file.fileName, file.contentType);
  } catch (error) {
    if (isDomainError(error, 'forbidden')) return plainText((await getTranslations('spreadsheet'))('forbidden'), 403);
    throw error;
  }
}
