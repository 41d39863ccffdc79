import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RetryMailForm } from '@/components/retry-mail-form';
import { ScrollRegion } from '@/components/scroll-region';
import { listFailedMail } from '@/lib/server/mail';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff.mail'))('title') };
}

export default async function FailedMailPage() {
  const [failed, t, format] = await Promise.all([listFailedMail(await currentActor()), getTranslations('staff.mail'), getFormatter()]);
  return (
    <ClientMessages namespaces={['staff.mail']}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t('intro')}</p>
      {failed.length === 0 ? (
        <p className="mt-4">{t('none')}</p>
      ) : (
        <div className="mt-4">
          <ScrollRegion label={t('title')}>
            <table className="table w-full text-sm">
              <caption className="sr-only">{t('title')}</caption>
              <thead>
                <tr className="border-b-2 border-slate-700 text-left">
                  {(['recipient', 'subject', 'error', 'attempts', 'failedAt', 'action'] as const).map((key) => (
                    <th key={key} scope="col" className="px-2 py-1">{t(key)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {failed.map((mail) => (
                  <tr key={mail.id} className="border-b border-slate-200 align-top" data-recipient={mail.to}>
                    <td className="px-2 py-1">{mail.to}</td>
                    <td className="px-2 py-1">{mail.subject}</td>
                    <td className="px-2 py-1 font-mono text-xs">{mail.error}</td>
                    <td className="px-2 py-1">{mail.attempts}</td>
                    <td className="whitespace-nowrap px-2 py-1">{format.dateTime(mail.failedAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                    <td className="px-2 py-1">
                      <RetryMailForm jobId={mail.id} label={t('retry')} description={t('retryMail', { subject: mail.subject, to: mail.to })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </ClientMessages>
  );
}
