import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { getMunicipality } from '@/lib/server/municipality';
import { currentUser } from '@/lib/server/session';
import './globals.css';

// Every page shows the municipality's settings from the database: rendered per request, never at
// build time (when there may be no database to read).
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [t, municipality] = await Promise.all([getTranslations('app'), getMunicipality()]);
  return { title: { default: `${t('name')} – ${municipality.name}`, template: `%s – ${t('name')} – ${municipality.name}` } };
}

const footerLink = 'underline underline-offset-2';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const [locale, t, municipality, user] = await Promise.all([getLocale(), getTranslations(), getMunicipality(), currentUser()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
            {t('app.skipToContent')}
          </a>
          <SiteHeader user={user} municipality={municipality} />
          <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto flex max-w-7xl flex-col gap-3 border-t border-slate-200 px-4 py-4 text-sm text-slate-700">
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
                <ul className="flex flex-col gap-1">
                  <li><Link href="/privatliv" className={footerLink}>{t('legal.privacy.link')}</Link></li>
                  <li><Link href="/tilgaengelighed" className={footerLink}>{t('legal.accessibility.link')}</Link></li>
                  <li><Link href="/cookies" className={footerLink}>{t('legal.cookies.link')}</Link></li>
                </ul>
              </nav>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
