import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { requireUser } from '@/lib/server/policy';

/** Everything the app holds about the signed-in user, as a JSON-ready object. */
export async function exportMyData(actor: Actor) {
  const { userId } = await requireUser(actor, 'user.export');
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      memberships: { include: { organisation: { select: { name: true, type: true } } } },
      accounts: { select: { provider: true, providerAccountId: true } },
      sessions: { select: { createdAt: true, expires: true } },
    },
  });
  const [invitations, auditEvents] = await Promise.all([
    db.invitation.findMany({ where: { email: user.email }, select: { role: true, createdAt: true, expiresAt: true, acceptedAt: true, organisation: { select: { name: true } } } }),
    db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: 'asc' } }),
  ]);
  await audit(actor, { action: 'user.export', objectType: 'User', objectId: user.id });
  return {
    exportedAt: new Date().toISOString(),
    user: { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, emailVerified: user.emailVerified },
    memberships: user.memberships.map((m) => ({ organisation: m.organisation.name, organisationType: m.organisation.type, role: m.role })),
    signInAccounts: user.accounts,
    sessions: user.sessions,
    invitations: invitations.map((i) => ({ ...i, organisation: i.organisation?.name ?? null })),
    // BigInt ids do not survive JSON.stringify.
    auditEvents: auditEvents.map((event) => ({ ...event, id: event.id.toString() })),
  };
}

/**
 * Erases the signed-in user's personal data in one transaction: the address and name are
 * replaced, sign-in links and memberships removed, and every session ended. The user row
 * stays (pseudonymous) so that what organisations submitted and the audit log stay whole.
 */
export async function eraseMyData(actor: Actor): Promise<void> {
  const { userId } = await requireUser(actor, 'user.erase');
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.invitation.deleteMany({ where: { email: user.email, acceptedAt: null } });
    await tx.account.deleteMany({ where: { userId: user.id } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.membership.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: { email: `erased-${user.id}@erased.invalid`, name: null, image: null, emailVerified: null, erasedAt: new Date() },
    });
    await audit(actor, { action: 'user.erase', objectType: 'User', objectId: user.id }, tx);
  });
}

/** The signed-in user's own details and memberships, for the account page. */
export async function myAccount(actor: Actor) {
  const { userId } = await requireUser(actor, 'user.read_self');
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, role: true, memberships: { select: { role: true, organisation: { select: { name: true } } } } },
  });
}
