import 'server-only';
import { ForbiddenError, isSignedIn, type Actor, type UserActor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';

type AuditedObject = { type: string; id?: string };

/** Records a denied attempt in the audit log and refuses it. */
export async function deny(actor: Actor, action: string, object?: AuditedObject): Promise<never> {
  await audit(actor, { action, outcome: 'DENIED', objectType: object?.type, objectId: object?.id });
  throw new ForbiddenError(action);
}

/** The one gate of the domain layer: lets the call through when `allowed`, otherwise denies it. */
export async function authorize(actor: Actor, action: string, allowed: boolean, object?: AuditedObject): Promise<void> {
  if (!allowed) await deny(actor, action, object);
}

/** For what only a signed-in user may do for themselves. */
export async function requireUser(actor: Actor, action: string): Promise<UserActor> {
  return isSignedIn(actor) ? actor : deny(actor, action);
}
