import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { memberHome } from '@/lib/server/member-home';
import { currentActor } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('responses'))('overviewTitle') };
}

/** Where a party member lands after signing in: their organisations' consultations and how far each response is. */
export default async function MyConsultationsPage() {
  const actor = await currentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/responses');
  const [consultations, t, locale] = await Promise.all([memberHome(actor), getTranslations('responses'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'da';
  return (
    <>
      <h1 className="text-2xl font-bold">{t('overviewTitle')}</h1>
      <p className="mt-1 text-slate-700">{t('overviewIntro')}</p>
      {consultations.length === 0 ? (
        <p className="mt-4">{t('noConsultations')}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-4">
          {consultations.map((c) => {
            const id = `consultation-${c.consultationId}-${c.organisationId}`;
            const open = c.status === 'NOT_STARTED' || c.status === 'DRAFT';
            return (
              <li key={id} data-status={c.status} className={`rounded border p-4 ${open ? 'border-2 border-brand' : 'border-slate-300'}`}>
                <h2 id={id} className="text-xl font-semibold break-words">{c.title}</h2>
                <p className="break-words text-slate-700">{c.organisationName}</p>
                <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">{t('colDeadline')}</dt>
                  <dd data-deadline>
                    {formatCopenhagen(c.deadline, lang)}
                    {c.status !== 'LATE' && c.status !== 'SUBMITTED' && <> · <span data-days-left={c.daysLeft}>{t('home.daysLeft', { count: c.daysLeft })}</span></>}
                  </dd>
                  <dt className="font-semibold">{t('colStatus')}</dt>
                  <dd>{t(`statuses.${c.status}`)}</dd>
                  <dt className="font-semibold">{t('home.progressLabel')}</dt>
                  <dd data-progress>{t('home.progress', { answered: c.answered, total: c.proposals })}</dd>
                  <dt className="font-semibold">{t('home.lastEditLabel')}</dt>
                  <dd className="break-words">{c.lastEdit ? t('home.lastEdit', { name: c.lastEdit.by ?? t('someone'), date: formatCopenhagen(c.lastEdit.at, lang) }) : t('home.noEdits')}</dd>
                </dl>
                <p className="mt-3">
                  <Link href={`/responses/${c.consultationId}/${c.organisationId}`} className={`button ${open ? 'button-primary' : 'button-secondary'}`}>
                    {t(open ? 'home.continue' : 'home.view')}
                    <span className="sr-only"> {c.title}, {c.organisationName}</span>
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
