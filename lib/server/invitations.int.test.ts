import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { acceptInvitation, inviteUser, viewInvitation } from '@/lib/server/invitations';
import { hashToken } from '@/lib/server/tokens';

afterAll(() => db.$disconnect());

const staff: Actor = { kind: 'user', userId: 'invitations-staff', role: 'STAFF' };
const admin: Actor = { kind: 'user', userId: 'invitations-admin', role: 'ADMIN' };
let organisations: { id: string; name: string }[];

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  organisations = await Promise.all(
    ['Ældrerådet', 'Handicaprådet'].map((name) => db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'OTHER' } })),
  );
});

/** An invitation with a known token, as the link in the mail would carry it. */
async function invitationWithToken(data: { email: string; organisationId?: string; role?: 'PARTY_MEMBER' | 'POLITICIAN' | 'STAFF'; expiresInMs?: number }) {
  const token = randomUUID() + randomUUID();
  await db.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email: data.email,
      role: data.role ?? 'PARTY_MEMBER',
      organisationId: data.organisationId,
      membershipRole: data.organisationId ? 'EDITOR' : null,
      expiresAt: new Date(Date.now() + (data.expiresInMs ?? 3_600_000)),
    },
  });
  return token;
}

const email = () => `invitee-${randomUUID()}@example.test`;

describe('inviteUser', () => {
  it('stores only a hash of the link, records the invitation, and refuses staff invitations from non-administrators', async () => {
    const address = email();
    const { invitationId } = await inviteUser(staff, { email: address, role: 'PARTY_MEMBER', organisationId: organisations[0]!.id, membershipRole: 'SUBMITTER' });
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.auditEvent.count({ where: { action: 'invitation.create', objectId: invitationId } })).toBe(1);

    await expect(inviteUser(staff, { email: email(), role: 'STAFF' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(inviteUser(admin, { email: email(), role: 'STAFF' })).resolves.toMatchObject({ invitationId: expect.any(String) });
    await expect(inviteUser(staff, { email: email(), role: 'PARTY_MEMBER', organisationId: 'missing', membershipRole: 'EDITOR' })).rejects.toMatchObject({ code: 'invitation.unknownOrganisation' });
  });
});

describe('acceptInvitation', () => {
  it('creates the user with the membership, works once, and lets one user join several organisations', async () => {
    const address = email();
    const first = await invitationWithToken({ email: address, organisationId: organisations[0]!.id });
    expect(await acceptInvitation(first)).toEqual({ email: address });
    await expect(acceptInvitation(first)).rejects.toMatchObject({ code: 'invitation.used' });
    expect((await viewInvitation(first))?.state).toBe('used');

    await acceptInvitation(await invitationWithToken({ email: address, organisationId: organisations[1]!.id }));
    const user = await db.user.findUniqueOrThrow({ where: { email: address }, include: { memberships: true } });
    expect(user.role).toBe('PARTY_MEMBER');
    expect(user.memberships.map((m) => m.organisationId).sort()).toEqual(organisations.map((o) => o.id).sort());
  });

  it('refuses an expired or unknown link', async () => {
    const expired = await invitationWithToken({ email: email(), organisationId: organisations[0]!.id, expiresInMs: -1000 });
    expect((await viewInvitation(expired))?.state).toBe('expired');
    await expect(acceptInvitation(expired)).rejects.toMatchObject({ code: 'invitation.expired' });
    await expect(acceptInvitation('no-such-token')).rejects.toMatchObject({ code: 'invitation.notFound' });
  });

  it('accepts exactly once when the link is used twice at the same moment', async () => {
    const token = await invitationWithToken({ email: email(), organisationId: organisations[0]!.id });
    const results = await Promise.allSettled([acceptInvitation(token), acceptInvitation(token), acceptInvitation(token)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('raises an existing user’s role and ends their sessions, but never lowers it', async () => {
    const address = email();
    const user = await db.user.create({ data: { email: address, role: 'PARTY_MEMBER' } });
    await db.session.create({ data: { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 60_000) } });
    await acceptInvitation(await invitationWithToken({ email: address, role: 'POLITICIAN' }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('POLITICIAN');
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    await acceptInvitation(await invitationWithToken({ email: address, organisationId: organisations[0]!.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('POLITICIAN');
  });
});
