import 'server-only';
import type { UserRole } from '@/lib/generated/prisma/enums';

/**
 * Who is asking. Every domain function takes one and decides itself what it may do;
 * pages and proxy are never the only guard.
 */
export type Actor =
  | { kind: 'anonymous' }
  /** The command line and the demo seed, run by an operator on the server. */
  | { kind: 'system' }
  | { kind: 'user'; userId: string; role: UserRole };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };
export const system: Actor = { kind: 'system' };

/** Staff-level work: the budget office, administrators and the operator's command line. */
export function isStaff(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && (actor.role === 'ADMIN' || actor.role === 'STAFF'));
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'ADMIN');
}

export function isSignedIn(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}
