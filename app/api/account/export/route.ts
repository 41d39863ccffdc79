import { getTranslations } from 'next-intl/server';
import { isDomainError } from '@/lib/server/errors';
import { databaseUnavailableResponse } from '@/lib/server/download';
import { exportMyData } from '@/lib/server/personal-data';
import { currentActor } from '@/lib/server/session';

/** The signed-in user's own data as a JSON download. */
export async function GET() {
  try {
    const data = await exportMyData(await currentActor());
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': 'attachment; filename="mine-data.json"',
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (isDomainError(error, 'forbidden')) return Response.json({ error: (await getTranslations('errors'))('signInToExport') }, { status: 401 });
    const unavailable = await databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
