import { getTranslations } from 'next-intl/server';
import type { Audience } from '@/lib/server/response-views';
import { ExportDownloads } from './export-downloads';

/**
 * The download section of a consultation; it tells readers which edition (audience) they will get.
 * `byTheme` offers the høringsnotat with its answers by theme as well.
 */
export async function ExportSection({ consultationId, audience, byTheme = false }: { consultationId: string; audience: Audience; byTheme?: boolean }) {
  const t = await getTranslations('exports');
  return (
    <section aria-labelledby="exports-heading" className="mt-6">
      <h2 id="exports-heading" className="text-xl font-semibold">{t('heading')}</h2>
      <p className="text-sm text-slate-700">{t(audience === 'full' ? 'helpStaff' : 'helpPublic')} {t('help')}</p>
      <ExportDownloads consultationId={consultationId} byTheme={byTheme} />
    </section>
  );
}
