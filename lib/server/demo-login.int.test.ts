import { randomUUID } from 'node:crypto';
import { afterAll, expect, it, vi } from 'vitest';

// This file's own module instances read the switched-on environment.
vi.stubEnv('ENABLE_CREDENTIALS_LOGIN', 'true');
vi.stubEnv('NODE_ENV', 'test');
const { db } = await import('@/lib/server/db');
const { startDemoSession } = await import('@/lib/server/demo-login');
const { appAdapter } = await import('@/lib/server/auth');

afterAll(() => db.$disconnect());

it('opens a real database session for a known user, which Auth.js then accepts', async () => {
  const user = await db.user.create({ data: { email: `demo-${randomUUID()}@example.test`, role: 'STAFF' } });
  const session = await startDemoSession({ kind: 'anonymous' }, user.email.toUpperCase());
  expect(session).not.toBeNull();
  const found = await appAdapter().getSessionAndUser!(session!.sessionToken);
  expect(found?.user.id).toBe(user.id);
  expect(await db.auditEvent.count({ where: { action: 'auth.sign_in', objectId: user.id } })).toBe(1);
});

it('gives no session for an unknown address', async () => {
  expect(await startDemoSession({ kind: 'anonymous' }, `nobody-${randomUUID()}@example.test`)).toBeNull();
});
