import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ConsultationDetailsForm } from '@/components/consultation-forms';
import { ScrollRegion } from '@/components/scroll-region';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { listBudgets, listConsultations } from '@/lib/server/consultations';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('title') };
}

export default async function ConsultationsPage() {
  const actor = await currentActor();
  const [consultations, budgets, t, locale] = await Promise.all([listConsultations(actor), listBudgets(actor), getTranslations('consultations'), getLocale()]);
  return (
    <ClientMessages namespaces={['consultations', 'kinds', 'responses.noFile']}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {consultations.length === 0 ? (
        <p className="mt-2">{t('none')}</p>
      ) : (
        <div className="mt-4">
        <ScrollRegion label={t('title')}>
        <table className="table table-stacked w-full border-collapse text-left">
          <caption className="sr-only">{t('title')}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-1 pr-3">{t('titleField')}</th>
              <th scope="col" className="py-1 pr-3">{t('budget')}</th>
              <th scope="col" className="py-1 pr-3">{t('deadlineField')}</th>
              <th scope="col" className="py-1 pr-3">{t('phase')}</th>
              <th scope="col" className="py-1 pr-3">{t('partiesCount')}</th>
              <th scope="col" className="py-1">{t('submittedCount')}</th>
            </tr>
          </thead>
          <tbody>
            {consultations.map((consultation) => (
              <tr key={consultation.id} className="border-b border-slate-200">
                <td data-label={t('titleField')} className="py-1 pr-3">
                  <Link href={`/staff/consultations/${consultation.id}`} className="text-blue-800 underline underline-offset-2">{consultation.title}</Link>
                </td>
                <td data-label={t('budget')} className="py-1 pr-3">{consultation.budget.name}</td>
                <td data-label={t('deadlineField')} className="py-1 pr-3">{formatCopenhagen(consultation.deadline, isLocale(locale) ? locale : 'da')}</td>
                <td data-label={t('phase')} className="py-1 pr-3">{t(`phases.${consultation.status}`)}</td>
                <td data-label={t('partiesCount')} className="py-1 pr-3">{consultation._count.parties}</td>
                <td data-label={t('submittedCount')} className="py-1">{consultation._count.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollRegion>
        </div>
      )}
      <section aria-labelledby="new-consultation-heading" className="mt-8">
        <h2 id="new-consultation-heading" className="text-xl font-semibold">{t('new')}</h2>
        {budgets.length === 0 ? <p>{t('noBudget')}</p> : <ConsultationDetailsForm budgets={budgets.map((b) => ({ value: b.id, label: b.name }))} />}
      </section>
    </ClientMessages>
  );
}
