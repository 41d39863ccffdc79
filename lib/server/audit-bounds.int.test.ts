import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { anonymous, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

// Each test is one client of its own, which also sends a forged X-Forwarded-For of 12 KB.
const client = vi.hoisted(() => ({ peer: '' }));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ 'x-budgethoering-peer': client.peer, 'x-forwarded-for': `${'9'.repeat(12_000)}, 203.0.113.9`, 'user-agent': 'u'.repeat(12_000) }),
}));

afterAll(() => db.$disconnect());

const octet = () => Math.floor(Math.random() * 250) + 1;
beforeEach(() => {
  client.peer = `10.${octet()}.${octet()}.${octet()}`;
});

/** Refusals of something only staff may do (reading the audit log), recorded against the object. */
async function deniedRows(actor: Actor, times: number, objectId: string) {
  for (let i = 0; i < times; i++) await expect(authorize(actor, 'audit.read', { object: { type: 'Test', id: objectId } })).rejects.toMatchObject({ code: 'forbidden' });
  return db.auditEvent.findMany({ where: { action: 'audit.read', objectId: objectId.slice(0, 200) } });
}

describe('what refused requests can write to the audit log', () => {
  it('writes at most 20 rows per anonymous client in 15 minutes, and keeps refusing', async () => {
    const rows = await deniedRows(anonymous, 50, randomUUID());
    expect(rows).toHaveLength(20);
    // Each row carries the client's real address and bounded fields, never the forged header.
    expect(new Set(rows.map((row) => row.ip))).toEqual(new Set([client.peer]));
    expect(Math.max(...rows.map((row) => row.userAgent?.length ?? 0))).toBeLessThanOrEqual(300);
    // The refusals beyond are counted, not written.
    const [counter] = await db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`anonymousDenialPerIp:${client.peer}`}`;
    expect(counter?.points).toBe(50);
  });

  it('still writes another anonymous client’s refusals', async () => {
    await deniedRows(anonymous, 20, randomUUID());
    client.peer = `10.${octet()}.${octet()}.${octet()}`;
    expect(await deniedRows(anonymous, 3, randomUUID())).toHaveLength(3);
  });

  it('keeps every refusal of a signed-in user', async () => {
    const user: Actor = { kind: 'user', userId: `user-${randomUUID()}`, role: 'PARTY_MEMBER' };
    await deniedRows(anonymous, 25, randomUUID());
    expect(await deniedRows(user, 30, randomUUID())).toHaveLength(30);
  });

  it('bounds a chosen object id to 200 characters', async () => {
    const rows = await deniedRows(anonymous, 1, `${randomUUID()}${'x'.repeat(12_000)}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.objectId).toHaveLength(200);
  });
});
