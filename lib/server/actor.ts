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

/**
 * A refusal by the domain layer. Forms and route handlers turn it into their own answer; a page
 * that lets it through answers 403 with app/forbidden.tsx: the digest is the one Next.js's
 * `forbidden()` throws (experimental.authInterrupts), so the refusal reaches every page as an
 * HTTP 403 rather than as a server error, and Next.js does not log it as one.
 */
export const FORBIDDEN_DIGEST = 'NEXT_HTTP_ERROR_FALLBACK;403';

export class ForbiddenError extends Error {
  readonly digest = FORBIDDEN_DIGEST;
  constructor(readonly action: string) {
    super(`Forbidden: ${action}`);
    this.name = 'ForbiddenError';
  }
}

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
