import 'server-only';
import { DomainError } from '@/lib/server/errors';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { mailText, queueMail } from '@/lib/server/mail';
import { authorize } from '@/lib/server/policy';
import { hashToken, newToken } from '@/lib/server/tokens';
import type { MembershipRole, UserRole } from '@/lib/generated/prisma/enums';

export type InvitationInput =
  | { email: string; role: 'PARTY_MEMBER'; organisationId: string; membershipRole: MembershipRole }
  | { email: string; role: Exclude<UserRole, 'PARTY_MEMBER'> };

const DAY_MS = 24 * 60 * 60 * 1000;
const formatExpiry = (date: Date) =>
  new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(date);

/**
 * Staff invite consultation parties' members and politicians; only administrators invite
 * staff and administrators. The invitee gets a link that works once until it expires.
 */
export async function inviteUser(actor: Actor, input: InvitationInput): Promise<{ invitationId: string }> {
  await authorize(actor, 'invitation.create', { role: input.role, object: { type: 'Invitation' } });
  const email = input.email.toLowerCase();
  const organisation =
    input.role === 'PARTY_MEMBER' ? await db.organisation.findUnique({ where: { id: input.organisationId } }) : null;
  if (input.role === 'PARTY_MEMBER' && !organisation) throw new DomainError('invitation.unknownOrganisation');

  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + env().INVITATION_DAYS * DAY_MS);
  const inviter = actor.kind === 'user' ? await db.user.findUnique({ where: { id: actor.userId } }) : null;
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        tokenHash: hash,
        email,
        role: input.role,
        organisationId: organisation?.id,
        membershipRole: input.role === 'PARTY_MEMBER' ? input.membershipRole : null,
        invitedById: inviter?.id,
        expiresAt,
      },
    });
    await audit(actor, { action: 'invitation.create', objectType: 'Invitation', objectId: created.id, after: { email, role: input.role, organisationId: organisation?.id ?? null } }, tx);
    return created;
  });

  await queueMail([{
    to: email,
    subject: mailText('invitationSubject'),
    text: mailText('invitationBody', {
      inviter: inviter?.name ?? inviter?.email ?? mailText('budgetOffice'),
      organisation: organisation?.name ?? 'none',
      expires: formatExpiry(expiresAt),
      url: `${env().APP_URL}/invitation/${token}`,
    }),
  }]);
  return { invitationId: invitation.id };
}

export interface InvitationView {
  email: string;
  role: UserRole;
  organisation: string | null;
  membershipRole: MembershipRole | null;
  expiresAt: Date;
  state: 'valid' | 'expired' | 'used';
}

/** What an invitation link offers. Whoever holds the link may see it: the token is the credential. */
export async function viewInvitation(token: string): Promise<InvitationView | null> {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { organisation: true } });
  if (!invitation) return null;
  return {
    email: invitation.email,
    role: invitation.role,
    organisation: invitation.organisation?.name ?? null,
    membershipRole: invitation.membershipRole,
    expiresAt: invitation.expiresAt,
    state: invitation.acceptedAt ? 'used' : invitation.expiresAt.getTime() <= Date.now() ? 'expired' : 'valid',
  };
}

const ROLE_RANK: Record<UserRole, number> = { PARTY_MEMBER: 0, POLITICIAN: 1, STAFF: 2, ADMIN: 3 };

/**
 * Accepts an invitation once: creates the user when new, raises the role when the invitation
 * grants more (ending the user's sessions, as every role change does), and adds the membership.
 * Returns the address to which the sign-in link goes next.
 */
export async function acceptInvitation(token: string): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invitation) throw new DomainError('invitation.notFound');
    if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainError('invitation.expired');
    // The conditional update makes "once" hold when two requests race.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new DomainError('invitation.used');

    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    const user = existing ?? (await tx.user.create({ data: { email: invitation.email, role: invitation.role, emailVerified: new Date() } }));
    const actor: Actor = { kind: 'user', userId: user.id, role: user.role };
    if (existing && ROLE_RANK[invitation.role] > ROLE_RANK[existing.role]) {
      await tx.user.update({ where: { id: user.id }, data: { role: invitation.role } });
      await tx.session.deleteMany({ where: { userId: user.id } });
      await audit(actor, { action: 'user.role.change', objectType: 'User', objectId: user.id, before: { role: existing.role }, after: { role: invitation.role } }, tx);
    }
    if (invitation.organisationId && invitation.membershipRole) {
      await tx.membership.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } },
        create: { userId: user.id, organisationId: invitation.organisationId, role: invitation.membershipRole },
        update: { role: invitation.membershipRole },
      });
    }
    await audit(actor, { action: 'invitation.accept', objectType: 'Invitation', objectId: invitation.id, after: { organisationId: invitation.organisationId }, details: { newUser: !existing } }, tx);
    return { email: user.email };
  });
}
