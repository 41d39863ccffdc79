import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import type { MembershipRole, OrganisationType, UserRole } from '@/lib/generated/prisma/enums';

/** Organisations with their members and open invitations, for the budget office. */
export async function listOrganisations(actor: Actor) {
  await authorize(actor, 'organisation.list');
  return db.organisation.findMany({
    orderBy: { name: 'asc' },
    include: {
      memberships: { include: { user: { select: { id: true, email: true, name: true, erasedAt: true } } }, orderBy: { user: { email: 'asc' } } },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } },
    },
  });
}

export async function createOrganisation(actor: Actor, input: { name: string; type: OrganisationType }) {
  await authorize(actor, 'organisation.create');
  return db.$transaction(async (tx) => {
    if (await tx.organisation.findUnique({ where: { name: input.name } })) throw new DomainError('organisation.duplicate');
    const organisation = await tx.organisation.create({ data: input });
    await audit(actor, { action: 'organisation.create', objectType: 'Organisation', objectId: organisation.id, after: input }, tx);
    return organisation;
  });
}

/** Staff rename an organisation or change its type. */
export async function updateOrganisation(actor: Actor, organisationId: string, input: { name: string; type: OrganisationType }) {
  await authorize(actor, 'organisation.update', { object: { type: 'Organisation', id: organisationId } });
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    const namesake = await tx.organisation.findUnique({ where: { name: input.name } });
    if (namesake && namesake.id !== organisationId) throw new DomainError('organisation.duplicate');
    await tx.organisation.update({ where: { id: organisationId }, data: input });
    await audit(actor, { action: 'organisation.update', objectType: 'Organisation', objectId: organisationId, before: { name: before.name, type: before.type }, after: input }, tx);
  });
}

/** Staff change a member's role in an organisation, or remove the member (role null). */
export async function changeMembership(actor: Actor, input: { userId: string; organisationId: string; role: MembershipRole | null }) {
  await authorize(actor, 'membership.change', { object: { type: 'Organisation', id: input.organisationId } });
  await db.$transaction(async (tx) => {
    const key = { userId_organisationId: { userId: input.userId, organisationId: input.organisationId } };
    const before = await tx.membership.findUniqueOrThrow({ where: key });
    if (input.role) await tx.membership.update({ where: key, data: { role: input.role } });
    else await tx.membership.delete({ where: key });
    await audit(actor, { action: 'membership.change', objectType: 'Organisation', objectId: input.organisationId, before: { userId: input.userId, role: before.role }, after: { userId: input.userId, role: input.role } }, tx);
  });
}

/** Users other than consultation parties' members, for role management. */
export async function listUsers(actor: Actor) {
  await authorize(actor, 'user.list');
  return db.user.findMany({
    where: { erasedAt: null },
    orderBy: { email: 'asc' },
    select: { id: true, email: true, name: true, role: true, memberships: { select: { organisation: { select: { name: true } }, role: true } } },
  });
}

/** Administrators change roles; the user's sessions end at once so the new role applies. */
export async function changeUserRole(actor: Actor, userId: string, role: UserRole) {
  await authorize(actor, 'user.role.change', { object: { type: 'User', id: userId } });
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.session.deleteMany({ where: { userId } });
    await audit(actor, { action: 'user.role.change', objectType: 'User', objectId: userId, before: { role: user.role }, after: { role } }, tx);
  });
}
