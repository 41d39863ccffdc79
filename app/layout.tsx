import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { pickMessages, ROOT_MESSAGES } from '@/lib/i18n/client-messages';
import { SiteHeader } from '@/components/site-header';
import { getMunicipality } from '@/lib/server/municipality';
import { myAccount } from '@/lib/server/personal-data';
import { currentActor, currentUser } from '@/lib/server/session';
// IBM Plex Sans, DKFDS's typeface, served by the app itself (font-display: swap in each face).
import '@fontsource/ibm-plex-sans/latin-400.css';
import '@fontsource/ibm-plex-sans/latin-400-italic.css';
import '@fontsource/ibm-plex-sans/latin-600.css';
import '@fontsource/ibm-plex-sans/latin-700.css';
import './globals.css';

// Every page shows the municipality's settings from the database: rendered per request, never at
// build time (when there may be no database to read).
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [t, municipality] = await Promise.all([getTranslations('app'), getMunicipality()]);
  return { title: { default: `${t('name')} – ${municipality.name}`, template: `%s – ${t('name')} – ${municipality.name}` } };
}

/** The signed-in person's organisations, for the header; none when they cannot be read (the page still renders). */
async function organisationNames(): Promise<string[]> {
  try {
    const actor = await currentActor();
    return actor.kind === 'user' ? (await myAccount(actor)).memberships.map((membership) => membership.organisation.name) : [];
  } catch {
    return [];
  }
}

const footerLink = 'inline-flex min-h-11 items-center underline underline-offset-2';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  // While the database is away the header shows nobody signed in rather than failing the layout,
  // which no error page could then replace: the page below fails and says "try again" in Danish.
  const [locale, t, messages, municipality, user, organisations] = await Promise.all([getLocale(), getTranslations(), getMessages(), getMunicipality(), currentUser().catch(() => null), organisationNames()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-text antialiased">
        <NextIntlClientProvider messages={pickMessages(messages, ROOT_MESSAGES)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 focus:text-link">
            {t('app.skipToContent')}
          </a>
          <SiteHeader user={user} organisations={organisations} municipality={municipality} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
            {children}
          </main>
          <footer className="footer">
            <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-6">
            <p>{t('app.footer')}</p>
            <div className="flex flex-wrap gap-x-8 gap-y-3">
              <section aria-labelledby="footer-contact">
                <h2 id="footer-contact" className="font-semibold">{municipality.name}</h2>
                <p>{t('legal.footer.budgetOffice')}</p>
                {municipality.contactEmail && (
                  <p>{t('legal.footer.email')} <a href={`mailto:${municipality.contactEmail}`} className={footerLink}>{municipality.contactEmail}</a></p>
                )}
                {municipality.contactPhone && (
                  <p>{t('legal.footer.phone')} <a href={`tel:${municipality.contactPhone.replaceAll(' ', '')}`} className={footerLink}>{municipality.contactPhone}</a></p>
                )}
              </section>
              <nav aria-label={t('legal.footer.nav')}>
                <ul className="flex flex-col">
                  <li><Link href="/privatliv" className={footerLink}>{t('legal.privacy.link')}</Link></li>
                  <li><Link href="/tilgaengelighed" className={footerLink}>{t('legal.accessibility.link')}</Link></li>
                  <li><Link href="/cookies" className={footerLink}>{t('legal.cookies.link')}</Link></li>
                </ul>
              </nav>
            </div>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
