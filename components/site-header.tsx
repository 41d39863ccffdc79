import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { setLocale } from '@/app/locale/actions';
import { signOutAction } from '@/app/signin/actions';
import { HeaderMenu } from '@/components/header-menu';
import type { Municipality } from '@/lib/server/municipality';
import type { currentUser } from '@/lib/server/session';

const menuLink = 'text-link underline underline-offset-2 hover:no-underline';

/**
 * DKFDS header: the municipality's portal row above the solution's name and menu. The layout
 * reads the signed-in user, their organisations and the municipality and hands them over.
 */
export async function SiteHeader({ user, organisations, municipality }: { user: Awaited<ReturnType<typeof currentUser>>; organisations: string[]; municipality: Municipality }) {
  const t = await getTranslations();
  return (
    <header className="header">
      <div className="border-b border-border-light bg-gray-100">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center gap-3 text-text no-underline hover:underline">
            {/* The name beside it says what the logo says. */}
            {/* eslint-disable-next-line @next/next/no-img-element -- a small stored logo, served as it was uploaded */}
            {municipality.logoUrl && <img src={municipality.logoUrl} alt="" className="h-10 w-auto" />}
            <span className="font-semibold" data-municipality-name>{municipality.name}</span>
          </Link>
          {user && (
            <p className="flex flex-wrap gap-x-2 text-sm" data-signed-in>
              <span className="font-semibold">{t('auth.signedInAs', { name: user.name ?? user.email })} · {t(`auth.roles.${user.role}`)}</span>
              {organisations.length > 0 && <span>{t('app.organisationOf', { names: organisations.join(', ') })}</span>}
            </p>
          )}
        </div>
      </div>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center text-xl font-semibold text-text no-underline hover:underline">
          {t('app.name')}
        </Link>
        <HeaderMenu label={t('app.menu')} closeLabel={t('app.closeMenu')} navLabel={t('app.mainNav')}>
          <Link href="/consultations" className={menuLink}>{t('publicConsultations.link')}</Link>
          <Link href="/insight" className={menuLink}>{t('insight.link')}</Link>
          <Link href="/search" className={menuLink}>{t('search.link')}</Link>
          {user && (user.role === 'ADMIN' || user.role === 'STAFF') && (
            <Link href="/staff" className={menuLink}>{t('staff.nav')}</Link>
          )}
          {user && <Link href="/responses" className={menuLink}>{t('responses.overviewTitle')}</Link>}
          {user && <Link href="/account" className={menuLink}>{t('account.link')}</Link>}
          <div className="flex flex-wrap gap-2 py-1 lg:py-0">
            {user ? (
              <form action={signOutAction}>
                <button type="submit" className="button button-secondary button-small">{t('auth.signOut')}</button>
              </form>
            ) : (
              <Link href="/signin" className="button button-primary button-small">{t('auth.signIn')}</Link>
            )}
            <form action={setLocale}>
              <input type="hidden" name="locale" value={t('locale.switchToLang')} />
              <button type="submit" lang={t('locale.switchToLang')} className="button button-secondary button-small">
                {t('locale.switchTo')}
              </button>
            </form>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
