import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { isStaff, type Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { listAuditEvents } from '@/lib/server/audit-log/query';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

afterAll(() => db.$disconnect());

const politician = (): Actor => ({ kind: 'user', userId: `user-${randomUUID()}`, role: 'POLITICIAN' });
const staff: Actor = { kind: 'user', userId: 'staff-reader', role: 'STAFF' };

describe('the audit log', () => {
  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const objectId = randomUUID();
    await audit(staff, { action: 'test.append', objectType: 'Test', objectId, after: { value: 1 } });
    const [row] = await db.auditEvent.findMany({ where: { objectId } });
    expect(row).toMatchObject({ action: 'test.append', outcome: 'SUCCESS', actorId: 'staff-reader', actorRole: 'STAFF', after: { value: 1 } });

    await expect(db.auditEvent.update({ where: { id: row!.id }, data: { action: 'tampered' } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row!.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ action: 'test.append' });
  });

  it('records a denied action and refuses it', async () => {
    const actor = politician();
    const objectId = randomUUID();
    await expect(authorize(actor, 'audit.read', { object: { type: 'Test', id: objectId } })).rejects.toMatchObject({ code: 'forbidden' });
    const events = await db.auditEvent.findMany({ where: { objectId } });
    expect(events).toMatchObject([{ action: 'audit.read', outcome: 'DENIED', actorId: actor.kind === 'user' ? actor.userId : null }]);
  });

  it('can be read by staff only', async () => {
    const actor = politician();
    const code = `test.filter.${randomUUID()}`;
    await audit(actor, { action: code });
    const { events } = await listAuditEvents(staff, { action: code });
    expect(events.map((e) => [e.action, e.actor.id])).toEqual([[code, actor.kind === 'user' ? actor.userId : null]]);
    expect(isStaff(actor)).toBe(false);
    await expect(listAuditEvents(actor)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
