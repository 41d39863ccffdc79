import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { anonymous, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { eraseMyData, exportMyData } from '@/lib/server/personal-data';
import { changeUserRole } from '@/lib/server/organisations';

afterAll(() => db.$disconnect());

async function member() {
  const organisation = await db.organisation.create({ data: { name: `Persondata ${randomUUID()}`, type: 'OTHER' } });
  const user = await db.user.create({ data: { email: `person-${randomUUID()}@example.test`, name: 'Anna Andersen', role: 'PARTY_MEMBER' } });
  await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'SUBMITTER' } });
  await db.session.create({ data: { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 60_000) } });
  const actor: Actor = { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
  return { user, organisation, actor };
}

it('exports everything about the user as JSON-ready data', async () => {
  const { user, organisation, actor } = await member();
  const data = await exportMyData(actor);
  expect(JSON.parse(JSON.stringify(data))).toMatchObject({
    user: { id: user.id, email: user.email, name: 'Anna Andersen' },
    memberships: [{ organisation: organisation.name, role: 'SUBMITTER' }],
    sessions: [{ expires: expect.any(String) }],
  });
  await expect(exportMyData(anonymous)).rejects.toMatchObject({ code: 'forbidden' });
});

it('erases personal data in one go, ends the sessions and keeps a pseudonymous row', async () => {
  const { user, actor } = await member();
  await eraseMyData(actor);
  const erased = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { memberships: true, sessions: true } });
  expect(erased).toMatchObject({ name: null, memberships: [], sessions: [], erasedAt: expect.any(Date) });
  expect(erased.email).not.toContain('person-');
  expect(await db.auditEvent.count({ where: { action: 'user.erase', objectId: user.id } })).toBe(1);
});

it('a role change ends the user’s sessions and is audited with before and after', async () => {
  const { user } = await member();
  const admin: Actor = { kind: 'user', userId: 'personal-data-admin', role: 'ADMIN' };
  await changeUserRole(admin, user.id, 'POLITICIAN');
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  const [event] = await db.auditEvent.findMany({ where: { action: 'user.role.change', objectId: user.id } });
  expect(event).toMatchObject({ before: { role: 'PARTY_MEMBER' }, after: { role: 'POLITICIAN' }, actorId: 'personal-data-admin' });
  await expect(changeUserRole({ kind: 'user', userId: 'x', role: 'STAFF' }, user.id, 'ADMIN')).rejects.toMatchObject({ code: 'forbidden' });
});
