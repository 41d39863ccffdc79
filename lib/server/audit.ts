import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { requestContext } from '@/lib/server/request-context';
import type { AuditOutcome, Prisma } from '@/lib/generated/prisma/client';

export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  objectType?: string;
  objectId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  details?: Prisma.InputJsonValue;
}

type Writer = Pick<Prisma.TransactionClient, 'auditEvent'>;

function actorFields(actor: Actor) {
  if (actor.kind === 'user') return { actorId: actor.userId, actorRole: actor.role };
  return { actorId: null, actorRole: actor.kind };
}

/**
 * Appends one event. Pass the transaction client when the change itself is in a
 * transaction, so that the change and its audit row commit or fail together.
 */
export async function audit(actor: Actor, entry: AuditEntry, writer: Writer = db): Promise<void> {
  const { ip, userAgent } = await requestContext();
  await writer.auditEvent.create({
    data: { ...actorFields(actor), outcome: 'SUCCESS', ...entry, ip, userAgent },
  });
}
