import 'server-only';
import { cache } from 'react';
import { anonymous, type Actor } from '@/lib/server/actor';
import { auth } from '@/lib/server/auth';

/**
 * The actor of the current request, from its database session. The role is read afresh
 * with the session on every request, so a role change applies at once.
 */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  if (!session?.user?.id) return anonymous;
  return { kind: 'user', userId: session.user.id, role: session.user.role };
});

/** Name and role for the page header, or null when nobody is signed in. */
export const currentUser = cache(async () => {
  const session = await auth();
  return session?.user ?? null;
});
