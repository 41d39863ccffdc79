import { forbidden, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TabNav } from '@/components/tab-nav';
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
      <TabNav
        label={t('staff.nav')}
        className="mb-6"
        items={[
          { href: '/staff', label: t('staff.organisations') },
          { href: '/staff/consultations', label: t('consultations.link') },
          { href: '/staff/import', label: t('staff.import.link') },
          { href: '/staff/proposals', label: t('staff.moves.link') },
          { href: '/staff/audit', label: t('staff.auditLink') },
          { href: '/staff/mail', label: t('staff.mail.link') },
          ...(mayChangeSettings ? [{ href: '/staff/settings', label: t('settings.link') }] : []),
        ]}
      />
      {children}
    </>
  );
}
