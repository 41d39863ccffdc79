import { getTranslations } from 'next-intl/server';
import { audienceOf } from '@/lib/server/response-views';
import { currentActor } from '@/lib/server/session';
import { ExportDownloads } from './export-downloads';

/** The download section of a consultation; it tells readers which edition they will get. */
export async function ExportSection({ consultationId }: { consultationId: string }) {
  const [t, actor] = await Promise.all([getTranslations('exports'), currentActor()]);
  return (
    <section aria-labelledby="exports-heading" className="mt-6">
      <h2 id="exports-heading" className="text-xl font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-700">{t(audienceOf(actor) === 'full' ? 'helpStaff' : 'helpPublic')} {t('help')}</p>
      <ExportDownloads consultationId={consultationId} />
    </section>
  );
}
