import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { listPublicConsultations } from '@/lib/server/public-consultations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicConsultations'))('title') };
}

export default async function PublicConsultationsPage() {
  const [consultations, t, tPhase, localeName] = await Promise.all([listPublicConsultations(), getTranslations('publicConsultations'), getTranslations('consultations.phases'), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {consultations.length === 0 ? (
        <p className="mt-2">{t('none')}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {consultations.map((c) => (
            <li key={c.id}>
              <Link href={`/consultations/${c.id}`} className="text-lg text-blue-800 underline underline-offset-2">{c.title}</Link>
              <p className="text-sm">{tPhase(c.status)} · {t('deadline', { date: formatCopenhagen(c.deadline, locale) })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
