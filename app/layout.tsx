import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto max-w-7xl border-t border-slate-200 px-4 py-4 text-sm text-slate-700">{t('footer')}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
