import 'server-only';
import { isSignedIn, isStaff, type Actor, type UserActor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import type { ConsultationStatus } from '@/lib/generated/prisma/enums';

type AuditedObject = { type: string; id?: string };

/** Records a denied attempt in the audit log and refuses it. */
export async function deny(actor: Actor, action: string, object?: AuditedObject): Promise<never> {
  await audit(actor, { action, outcome: 'DENIED', objectType: object?.type, objectId: object?.id });
  throw new DomainError('forbidden', { detail: action });
}

/** The one gate of the domain layer: lets the call through when `allowed`, otherwise denies it. */
export async function authorize(actor: Actor, action: string, allowed: boolean, object?: AuditedObject): Promise<void> {
  if (!allowed) await deny(actor, action, object);
}

/** For what only a signed-in user may do for themselves. */
export async function requireUser(actor: Actor, action: string): Promise<UserActor> {
  return isSignedIn(actor) ? actor : deny(actor, action);
}

/**
 * Nothing of a consultation (its title, description, documents, notes to parties, responses)
 * reaches anyone but staff before it is opened, not even the parties already chosen for it.
 * Callers answer "not found", so that a draft's existence is not revealed either.
 */
export function mayReadConsultation(actor: Actor, consultation: { status: ConsultationStatus }): boolean {
  return consultation.status !== 'DRAFT' || isStaff(actor);
}
