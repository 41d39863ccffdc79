import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { appAdapter } from '@/lib/server/auth';
import { db } from '@/lib/server/db';

afterAll(() => db.$disconnect());

const HOUR = 3_600_000;

async function userWithSession(options: { sessionAgeHours: number; erased?: boolean }) {
  const user = await db.user.create({
    data: { email: `auth-${randomUUID()}@example.test`, role: 'POLITICIAN', erasedAt: options.erased ? new Date() : null },
  });
  const session = await db.session.create({
    data: {
      sessionToken: randomUUID(),
      userId: user.id,
      expires: new Date(Date.now() + 30 * 60_000),
      createdAt: new Date(Date.now() - options.sessionAgeHours * HOUR),
    },
  });
  return { user, session };
}

describe('the Auth.js adapter with the app’s session rules', () => {
  const adapter = appAdapter();

  it('returns a session within its absolute lifetime, with the user’s current role', async () => {
    const { user, session } = await userWithSession({ sessionAgeHours: 11 });
    await db.user.update({ where: { id: user.id }, data: { role: 'STAFF' } });
    const found = await adapter.getSessionAndUser!(session.sessionToken);
    expect(found?.user).toMatchObject({ id: user.id, role: 'STAFF' });
  });

  it('ends a session past its absolute lifetime even if activity kept it alive', async () => {
    const { session } = await userWithSession({ sessionAgeHours: 12.1 });
    expect(await adapter.getSessionAndUser!(session.sessionToken)).toBeNull();
    expect(await db.session.findUnique({ where: { sessionToken: session.sessionToken } })).toBeNull();
  });

  it('ends the sessions of an erased user', async () => {
    const { session } = await userWithSession({ sessionAgeHours: 0, erased: true });
    expect(await adapter.getSessionAndUser!(session.sessionToken)).toBeNull();
  });

  it('never creates users at sign-in and does not find erased ones', async () => {
    await expect(adapter.createUser!({ id: 'x', email: 'new@example.test', emailVerified: null })).rejects.toThrow(/invitation/);
    const { user } = await userWithSession({ sessionAgeHours: 0, erased: true });
    expect(await adapter.getUserByEmail!(user.email)).toBeNull();
  });
});

describe('the adapter with a session that no longer exists (a stale cookie)', () => {
  const adapter = appAdapter();

  it('deletes it without an error, so that signing in over it goes on', async () => {
    await expect(adapter.deleteSession!(`gone-${randomUUID()}`)).resolves.toBeNull();
    const { session } = await userWithSession({ sessionAgeHours: 0 });
    await expect(adapter.deleteSession!(session.sessionToken)).resolves.toMatchObject({ sessionToken: session.sessionToken });
    await expect(adapter.deleteSession!(session.sessionToken)).resolves.toBeNull();
  });

  it('updates it without an error', async () => {
    await expect(adapter.updateSession!({ sessionToken: `gone-${randomUUID()}`, expires: new Date() })).resolves.toBeNull();
    const { session } = await userWithSession({ sessionAgeHours: 0 });
    const expires = new Date(Date.now() + 60_000);
    await expect(adapter.updateSession!({ sessionToken: session.sessionToken, expires })).resolves.toMatchObject({ expires });
  });
});
