import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/accept-invitation-form';
import { viewInvitation } from '@/lib/server/invitations';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invitation'))('title') };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, t, format] = await Promise.all([viewInvitation(token), getTranslations(), getFormatter()]);
  if (!invitation || invitation.state !== 'valid') {
    return (
      <div className="max-w-prose">
        <h1 className="text-2xl font-bold">{t('invitation.invalidTitle')}</h1>
        <p className="mt-2">{t(`invitation.${invitation?.state ?? 'notFound'}`)}</p>
      </div>
    );
  }
  const role = invitation.membershipRole ? t(`membershipRoles.${invitation.membershipRole}`) : t(`auth.roles.${invitation.role}`);
  return (
    <ClientMessages namespaces={['invitation']}>
    <div className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('invitation.title')}</h1>
      <p className="mt-2">{t('invitation.intro', { email: invitation.email })}</p>
      <p>
        {invitation.organisation
          ? t('invitation.forOrganisation', { role: role.toLowerCase(), organisation: invitation.organisation })
          : t('invitation.forRole', { role: role.toLowerCase() })}
      </p>
      <p>{t('invitation.expires', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
      <AcceptInvitationForm token={token} />
    </div>
    </ClientMessages>
  );
}
