import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EraseAccountForm } from '@/components/erase-account-form';
import { myAccount } from '@/lib/server/personal-data';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const actor = await currentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/account');
  const [account, t] = await Promise.all([myAccount(actor), getTranslations()]);
  return (
    <ClientMessages namespaces={['account']}>
    <div className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('account.title')}</h1>
      <section aria-labelledby="profile-heading" className="mt-4">
        <h2 id="profile-heading" className="text-lg font-semibold">{t('account.profile')}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4">
          <dt className="font-semibold">{t('account.email')}</dt>
          <dd>{account.email}</dd>
          <dt className="font-semibold">{t('account.name')}</dt>
          <dd>{account.name ?? '–'}</dd>
          <dt className="font-semibold">{t('account.role')}</dt>
          <dd>{t(`auth.roles.${account.role}`)}</dd>
        </dl>
        <h3 className="mt-3 font-semibold">{t('account.memberships')}</h3>
        {account.memberships.length === 0 ? (
          <p>{t('account.noMemberships')}</p>
        ) : (
          <ul>
            {account.memberships.map((m) => (
              <li key={m.organisation.name}>{m.organisation.name} · {t(`membershipRoles.${m.role}`)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="export-heading" className="mt-6">
        <h2 id="export-heading" className="text-lg font-semibold">{t('account.exportTitle')}</h2>
        <p>{t('account.exportIntro')}</p>
        <a href="/api/account/export" className="text-blue-800 underline underline-offset-2">{t('account.exportLink')}</a>
      </section>
      <section aria-labelledby="erase-heading" className="mt-6">
        <h2 id="erase-heading" className="text-lg font-semibold">{t('account.eraseTitle')}</h2>
        <p className="mb-2">{t('account.eraseIntro')}</p>
        <EraseAccountForm />
      </section>
    </div>
    </ClientMessages>
  );
}
