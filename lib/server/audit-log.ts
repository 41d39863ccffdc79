import 'server-only';
import { isStaff, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  outcome?: AuditOutcome;
  objectId?: string;
  from?: Date;
  to?: Date;
}

export const AUDIT_PAGE_SIZE = 100;

/** Staff read the log, newest first, filtered. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter = {}) {
  await authorize(actor, 'audit.read', isStaff(actor));
  return db.auditEvent.findMany({
    where: {
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.objectId ? { objectId: filter.objectId } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: AUDIT_PAGE_SIZE,
  });
}
