import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { env } from '@/lib/env';
import { LOCALE_COOKIE } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('legal.cookies'))('link') };
}

// Every cookie the app sets: Auth.js's session, CSRF, callback and PKCE cookies (names without
// the __Secure-/__Host- prefix they get over https) and the language choice.
const COOKIES = [
  { key: 'session', name: 'authjs.session-token' },
  { key: 'csrf', name: 'authjs.csrf-token' },
  { key: 'callback', name: 'authjs.callback-url' },
  { key: 'pkce', name: 'authjs.pkce.code_verifier' },
  { key: 'locale', name: LOCALE_COOKIE },
] as const;

export default async function CookiesPage() {
  const t = await getTranslations('legal.cookies');
  const idleMinutes = env().SESSION_IDLE_MINUTES;
  return (
    <article className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <p className="mt-2">{t('anonymous')}</p>
      <div className="mt-4">
        <ScrollRegion label={t('caption')}>
          <table className="table w-full border-collapse text-left text-sm">
            <caption className="text-left font-semibold">{t('caption')}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pr-3">{t('name')}</th>
                <th scope="col" className="py-1 pr-3">{t('purpose')}</th>
                <th scope="col" className="py-1 pr-3">{t('duration')}</th>
                <th scope="col" className="py-1">{t('when')}</th>
              </tr>
            </thead>
            <tbody>
              {COOKIES.map(({ key, name }) => (
                <tr key={key} className="border-b border-slate-200 align-top" data-cookie={name}>
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">{name}</th>
                  <td className="py-1 pr-3">{t(`rows.${key}.purpose`)}</td>
                  <td className="py-1 pr-3">{t(`rows.${key}.duration`, { idleMinutes })}</td>
                  <td className="py-1">{t(`rows.${key}.when`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      <p className="mt-4">{t('secure')}</p>
    </article>
  );
}
