import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { listPublicConsultations } from '@/lib/server/public-consultations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insight'))('title') };
}

export default async function InsightIndexPage() {
  const [consultations, t, tRoot, localeName] = await Promise.all([listPublicConsultations(), getTranslations('insight'), getTranslations(), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('intro')}</p>
      {consultations.length === 0 ? (
        <p className="mt-4">{tRoot('publicConsultations.none')}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {consultations.map((c) => (
            <li key={c.id}>
              <Link href={`/insight/${c.id}`} className="text-lg text-blue-800 underline underline-offset-2">{c.title}</Link>
              <p className="text-sm">{tRoot(`consultations.phases.${c.status}`)} · {tRoot('publicConsultations.deadline', { date: formatCopenhagen(c.deadline, locale) })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
