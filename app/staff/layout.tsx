import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isSignedIn, isStaff } from '@/lib/server/actor';
import { can } from '@/lib/server/policy';
import { currentActor } from '@/lib/server/session';

// Convenience only: sends visitors who are not signed in to sign-in, and refuses (403) users
// who are signed in but not staff. Sending those to sign-in too would loop: the sign-in page
// sends a signed-in user straight back to the callback. Every read and change below is checked
// again in lib/server/.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!isSignedIn(actor)) redirect('/signin?callbackUrl=/staff');
  if (!isStaff(actor)) forbidden();
  const [t, mayChangeSettings] = await Promise.all([getTranslations(), can(actor, 'municipality.update')]);
  return (
    <>
      <nav aria-label={t('staff.nav')} className="no-print mb-4 flex gap-4 text-sm">
        <Link href="/staff" className="text-blue-800 underline underline-offset-2">{t('staff.organisations')}</Link>
        <Link href="/staff/consultations" className="text-blue-800 underline underline-offset-2">{t('consultations.link')}</Link>
        <Link href="/staff/import" className="text-blue-800 underline underline-offset-2">{t('staff.import.link')}</Link>
        <Link href="/staff/proposals" className="text-blue-800 underline underline-offset-2">{t('staff.moves.link')}</Link>
        <Link href="/staff/audit" className="text-blue-800 underline underline-offset-2">{t('staff.auditLink')}</Link>
        <Link href="/staff/mail" className="text-blue-800 underline underline-offset-2">{t('staff.mail.link')}</Link>
        {mayChangeSettings && <Link href="/staff/settings" className="text-blue-800 underline underline-offset-2">{t('settings.link')}</Link>}
      </nav>
      {children}
    </>
  );
}
