import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ChangeRoleForm, CommitteeNameForm, CreateCommitteeForm, CreateOrganisationForm, EditOrganisationForm, InviteMemberForm, InviteUserForm, MembershipForm } from '@/components/staff-forms';
import { listCommittees } from '@/lib/server/committees';
import { listOrganisations, listUsers } from '@/lib/server/organisations';
import { can } from '@/lib/server/policy';
import { currentActor } from '@/lib/server/session';
import { MembershipRole, OrganisationType, UserRole } from '@/lib/generated/prisma/enums';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('title') };
}

export default async function StaffPage() {
  const actor = await currentActor();
  const [organisations, users, committees, t, format, mayChangeRoles] = await Promise.all([listOrganisations(actor), listUsers(actor), listCommittees(actor), getTranslations(), getFormatter(), can(actor, 'user.role.change')]);
  const typeOptions = Object.values(OrganisationType).map((value) => ({ value, label: t(`orgTypes.${value}`) }));
  const membershipOptions = Object.values(MembershipRole).map((value) => ({ value, label: t(`membershipRoles.${value}`) }));
  const roleOptions = Object.values(UserRole).map((value) => ({ value, label: t(`auth.roles.${value}`) }));
  // Members are invited to their organisation, by the form on it.
  const invitable = await Promise.all(roleOptions.map(({ value }) => value !== 'PARTY_MEMBER' && can(actor, 'invitation.create', { role: value })));
  const invitableRoles = roleOptions.filter((_, i) => invitable[i]);

  return (
    <ClientMessages namespaces={['staff']}>
      <h1 className="text-2xl font-bold">{t('staff.title')}</h1>

      <section aria-labelledby="organisations-heading" className="mt-6">
        <h2 id="organisations-heading" className="text-xl font-semibold">{t('staff.organisations')}</h2>
        {organisations.length === 0 && <p>{t('staff.noOrganisations')}</p>}
        <ul className="mt-2 grid gap-3 md:grid-cols-2">
          {organisations.map((organisation) => (
            <li key={organisation.id} className="rounded border border-slate-300 p-3" data-organisation={organisation.name}>
              <h3 className="font-semibold">{organisation.name}</h3>
              <p className="text-sm text-slate-700">{t(`orgTypes.${organisation.type}`)}</p>
              <h4 className="mt-2 text-sm font-semibold">{t('staff.members')}</h4>
              {organisation.memberships.length === 0 ? (
                <p className="text-sm">{t('staff.noMembers')}</p>
              ) : (
                <ul className="text-sm">
                  {organisation.memberships.map(({ user, role }) => (
                    <li key={user.id}>{user.name ?? user.email} · {t(`membershipRoles.${role}`)}</li>
                  ))}
                </ul>
              )}
              <details className="accordion mt-2">
                <summary>{t('staff.editOrganisation', { name: organisation.name })}</summary>
                <div className="mt-2 flex flex-col gap-3">
                  <EditOrganisationForm organisation={organisation} types={typeOptions} />
                  {organisation.memberships.map(({ user, role }) => (
                    <MembershipForm key={user.id} organisationId={organisation.id} userId={user.id} member={user.name ?? user.email} role={role} roles={membershipOptions} />
                  ))}
                </div>
              </details>
              {organisation.invitations.length > 0 && (
                <>
                  <h4 className="mt-2 text-sm font-semibold">{t('staff.pendingInvitations')}</h4>
                  <ul className="text-sm">
                    {organisation.invitations.map((invitation) => (
                      <li key={invitation.id}>
                        {invitation.email} · {t('staff.invitationExpires', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-8 grid gap-8 md:grid-cols-3">
        <section aria-labelledby="create-organisation-heading">
          <h2 id="create-organisation-heading" className="mb-2 text-lg font-semibold">{t('staff.createOrganisation')}</h2>
          <CreateOrganisationForm types={typeOptions} />
        </section>
        <section aria-labelledby="invite-member-heading">
          <h2 id="invite-member-heading" className="mb-2 text-lg font-semibold">{t('staff.inviteMember')}</h2>
          <InviteMemberForm organisations={organisations.map((o) => ({ value: o.id, label: o.name }))} roles={membershipOptions} />
        </section>
        <section aria-labelledby="invite-user-heading">
          <h2 id="invite-user-heading" className="mb-2 text-lg font-semibold">{t('staff.inviteUser')}</h2>
          <InviteUserForm roles={invitableRoles} />
        </section>
      </div>

      <section aria-labelledby="committees-heading" className="mt-8">
        <h2 id="committees-heading" className="text-xl font-semibold">{t('staff.committees')}</h2>
        <p className="text-sm text-slate-700">{t('staff.committeesIntro')}</p>
        <h3 id="new-committee-heading" className="mt-3 font-semibold">{t('staff.createCommittee')}</h3>
        <CreateCommitteeForm />
        <ul className="mt-4 flex flex-col gap-2">
          {committees.map((committee) => (
            <li key={committee.code}>
              <CommitteeNameForm code={committee.code} name={committee.name} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="users-heading" className="mt-8">
        <h2 id="users-heading" className="text-xl font-semibold">{t('staff.users')}</h2>
        {!mayChangeRoles && <p className="text-sm text-slate-700">{t('staff.adminOnly')}</p>}
        <ul className="mt-2 flex flex-col gap-3">
          {users.map((user) => (
            <li key={user.id} className="border-b border-slate-200 pb-2">
              {mayChangeRoles ? (
                <ChangeRoleForm userId={user.id} email={user.email} role={user.role} roles={roleOptions} />
              ) : (
                <span>{user.email} · {t(`auth.roles.${user.role}`)}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </ClientMessages>
  );
}
