import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The views of one consultation's feedback; the current one is marked for screen readers. */
export async function InsightNav({ consultationId, current }: { consultationId: string; current: 'overview' | 'matrix' | 'charts' }) {
  const t = await getTranslations('insight');
  const views = [
    { key: 'overview', href: `/insight/${consultationId}` },
    { key: 'matrix', href: `/insight/${consultationId}/matrix` },
    { key: 'charts', href: `/insight/${consultationId}/charts` },
  ] as const;
  return (
    <nav aria-label={t('views')} className="no-print mt-3">
      <ul className="tab-list">
        {views.map((view) => (
          <li key={view.key}>
            <Link href={view.href} aria-current={view.key === current ? 'page' : undefined}>{t(`nav.${view.key}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Who sees what, said plainly at the top of every view. */
export async function AudienceNote({ audience, published }: { audience: 'full' | 'public'; published: boolean }) {
  const t = await getTranslations('insight');
  return <p className="mt-1 text-sm text-slate-700">{audience === 'full' ? t('audienceFull') : published ? t('audiencePublic') : t('audienceNotPublished')}</p>;
}
