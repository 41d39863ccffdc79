import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DemoLoginForm } from '@/components/demo-login-form';
import { MagicLinkForm } from '@/components/magic-link-form';
import { demoLoginAllowed } from '@/lib/server/policy';
import { env } from '@/lib/env';
import { AFTER_SIGN_IN_PATH, safeRedirectPath } from '@/lib/safe-redirect';
import { currentUser } from '@/lib/server/session';
import { TOO_MANY_LINKS_PARAM, waitMinutes } from '@/lib/server/sign-in-limits';
import { signInWithOidc } from './actions';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Without a page of its own to return to, the sign-in ends on the role's start page.
  const callbackUrl = safeRedirectPath(params.callbackUrl, { fallback: AFTER_SIGN_IN_PATH });
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  const settings = env();
  return (
    <ClientMessages namespaces={['auth']}>
    <div className="max-w-md">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <section aria-labelledby="email-signin" className="mt-6">
        <h2 id="email-signin" className="text-lg font-semibold">{t('sendLink')}</h2>
        <p className="mb-3 text-slate-700">{t('emailIntro')}</p>
        <MagicLinkForm callbackUrl={callbackUrl} waitMinutes={waitMinutes(params[TOO_MANY_LINKS_PARAM])} />
      </section>
      {settings.AUTH_OIDC_ISSUER && (
        <section aria-labelledby="staff-signin" className="mt-8">
          <h2 id="staff-signin" className="text-lg font-semibold">{t('staffButton', { provider: settings.AUTH_OIDC_NAME })}</h2>
          <p className="mb-3 text-slate-700">{t('staffIntro')}</p>
          <form action={signInWithOidc}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button type="submit" className="button button-secondary">
              {t('staffButton', { provider: settings.AUTH_OIDC_NAME })}
            </button>
          </form>
        </section>
      )}
      {demoLoginAllowed(settings) && (
        <section aria-labelledby="demo-signin" className="mt-8 rounded border border-dashed border-slate-500 p-3">
          <h2 id="demo-signin" className="text-lg font-semibold">{t('demoTitle')}</h2>
          <p className="mb-3 text-slate-700">{t('demoIntro')}</p>
          <DemoLoginForm callbackUrl={callbackUrl} />
        </section>
      )}
    </div>
    </ClientMessages>
  );
}
