import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { setLocale } from '@/app/locale-actions';

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold underline-offset-4 hover:underline">
          {t('app.name')}
        </Link>
        <form action={setLocale} className="no-print">
          <input type="hidden" name="locale" value={t('locale.switchToLang')} />
          <button
            type="submit"
            lang={t('locale.switchToLang')}
            className="rounded border border-white px-3 py-1 text-sm hover:bg-white hover:text-brand"
          >
            {t('locale.switchTo')}
          </button>
        </form>
      </div>
    </header>
  );
}
