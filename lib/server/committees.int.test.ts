import { afterAll, expect, it } from 'vitest';
import { type Actor } from '@/lib/server/actor';
import { renameCommittee } from '@/lib/server/committees';
import { db } from '@/lib/server/db';

afterAll(() => db.$disconnect());

it('lets staff name a committee, audited with before and after, and nobody else', async () => {
  const code = `QX${Date.now().toString(36).toUpperCase().replace(/[0-9]/g, 'Q')}`;
  await db.committee.create({ data: { code } });
  const staff: Actor = { kind: 'user', userId: 'committee-staff', role: 'STAFF' };
  await renameCommittee(staff, code, 'Testudvalget');
  expect((await db.committee.findUniqueOrThrow({ where: { code } })).name).toBe('Testudvalget');
  expect(await db.auditEvent.findFirst({ where: { action: 'committee.rename', objectId: code } })).toMatchObject({ before: { name: null }, after: { name: 'Testudvalget' } });
  await expect(renameCommittee({ kind: 'user', userId: 'p', role: 'POLITICIAN' }, code, 'Andet')).rejects.toMatchObject({ code: 'forbidden' });
});
