import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { setLocale } from '@/app/locale/actions';
import { signOutAction } from '@/app/signin/actions';
import type { Municipality } from '@/lib/server/municipality';
import type { currentUser } from '@/lib/server/session';

/** The layout reads the signed-in user and the municipality and hands them over. */
export async function SiteHeader({ user, municipality }: { user: Awaited<ReturnType<typeof currentUser>>; municipality: Municipality }) {
  const t = await getTranslations();
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-3 underline-offset-4 hover:underline">
          {/* The name beside it says what the logo says. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a small stored logo, served as it was uploaded */}
          {municipality.logoUrl && <img src={municipality.logoUrl} alt="" className="h-10 w-auto" />}
          <span className="flex flex-col">
            <span className="text-sm" data-municipality-name>{municipality.name}</span>
            <span className="text-lg font-semibold">{t('app.name')}</span>
          </span>
        </Link>
        <div className="no-print flex items-center gap-3">
          <Link href="/consultations" className="text-sm underline underline-offset-2">{t('publicConsultations.link')}</Link>
          <Link href="/insight" className="text-sm underline underline-offset-2">{t('insight.link')}</Link>
          <Link href="/search" className="text-sm underline underline-offset-2">{t('search.link')}</Link>
          {user ? (
            <>
              <span className="text-sm">
                {t('auth.signedInAs', { name: user.name ?? user.email })} · {t(`auth.roles.${user.role}`)}
              </span>
              {(user.role === 'ADMIN' || user.role === 'STAFF') && (
                <Link href="/staff" className="text-sm underline underline-offset-2">{t('staff.nav')}</Link>
              )}
              <Link href="/responses" className="text-sm underline underline-offset-2">{t('responses.overviewTitle')}</Link>
              <Link href="/account" className="text-sm underline underline-offset-2">{t('account.link')}</Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-white px-3 py-1 text-sm hover:bg-white hover:text-brand">
                  {t('auth.signOut')}
                </button>
              </form>
            </>
          ) : (
            <Link href="/signin" className="rounded border border-white px-3 py-1 text-sm hover:bg-white hover:text-brand">
              {t('auth.signIn')}
            </Link>
          )}
          <form action={setLocale}>
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
      </div>
    </header>
  );
}
