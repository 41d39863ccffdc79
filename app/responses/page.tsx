import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { listMyConsultations } from '@/lib/server/responses/workspace';
import { currentActor } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('responses'))('overviewTitle') };
}

export default async function MyConsultationsPage() {
  const actor = await currentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/responses');
  const [consultations, t, locale] = await Promise.all([listMyConsultations(actor), getTranslations('responses'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'da';
  return (
    <>
      <h1 className="text-2xl font-bold">{t('overviewTitle')}</h1>
      <p className="mt-1 text-slate-700">{t('overviewIntro')}</p>
      {consultations.length === 0 ? (
        <p className="mt-4">{t('noConsultations')}</p>
      ) : (
        <div className="mt-4">
        <ScrollRegion label={t('overviewTitle')}>
        <table className="table w-full text-sm">
          <thead>
            <tr className="border-b-2 border-slate-700 text-left">
              <th scope="col" className="px-2 py-1">{t('colConsultation')}</th>
              <th scope="col" className="px-2 py-1">{t('colOrganisation')}</th>
              <th scope="col" className="px-2 py-1">{t('colDeadline')}</th>
              <th scope="col" className="px-2 py-1">{t('colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {consultations.map((c) => (
              <tr key={`${c.consultationId}-${c.organisationId}`} className="border-b border-slate-200" data-status={c.status}>
                <td className="px-2 py-1">
                  <Link href={`/responses/${c.consultationId}/${c.organisationId}`} className="text-blue-800 underline underline-offset-2">{c.title}</Link>
                </td>
                <td className="px-2 py-1">{c.organisationName}</td>
                <td className="px-2 py-1">{formatCopenhagen(c.deadline, lang)}</td>
                <td className="px-2 py-1">{t(`statuses.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollRegion>
        </div>
      )}
    </>
  );
}
