import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TabNav } from '@/components/tab-nav';
import { isAdmin, isStaff } from '@/lib/server/actor';
import { currentActor } from '@/lib/server/session';

// Convenience only: sends visitors who are not staff to sign-in. Every read and change
// below is checked again in lib/server/.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!isStaff(actor)) redirect('/signin?callbackUrl=/staff');
  const t = await getTranslations();
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
          ...(isAdmin(actor) ? [{ href: '/staff/settings', label: t('settings.link') }] : []),
        ]}
      />
      {children}
    </>
  );
}
