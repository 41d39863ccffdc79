import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { consumeLimit } from '@/lib/server/rate-limit';
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

/** Longest text kept of a field a request may choose (an id from a URL, say). */
const MAX_FIELD = 200;
const bounded = (value: string | undefined) => value?.slice(0, MAX_FIELD);

/**
 * Appends one event. Pass the transaction client when the change itself is in a
 * transaction, so that the change and its audit row commit or fail together.
 *
 * Anyone can make anonymous requests that are refused, as many as they like, so those rows are
 * limited per client address (`anonymousDenialPerIp`); beyond it a refusal is only counted, in
 * rate_limits. Every event of a signed-in user is written, refusals included.
 */
export async function audit(actor: Actor, entry: AuditEntry, writer: Writer = db): Promise<void> {
  const { ip, userAgent } = await requestContext();
  if (actor.kind === 'anonymous' && entry.outcome === 'DENIED' && !(await consumeLimit('anonymousDenialPerIp', ip ?? 'unknown')).allowed) return;
  await writer.auditEvent.create({
    data: {
      ...actorFields(actor),
      outcome: 'SUCCESS',
      ...entry,
      action: entry.action.slice(0, MAX_FIELD),
      objectType: bounded(entry.objectType),
      objectId: bounded(entry.objectId),
      ip,
      userAgent,
    },
  });
}
