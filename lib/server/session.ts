import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { anonymous, type Actor } from '@/lib/server/actor';
import { auth } from '@/lib/server/auth';
import { db } from '@/lib/server/db';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Auth.js logs a failed session lookup and carries on as if nobody were signed in, so while the
 * database is down or its pool busy a signed-in user would be told "no access" (or be sent to
 * sign in). When a session cookie came but no session, ask the database once: if it is
 * unavailable, that error propagates and the user is told to try again instead.
 */
async function assertSessionWasReadable(): Promise<void> {
  let list;
  try {
    list = await cookies();
  } catch {
    return; // outside a request
  }
  if (SESSION_COOKIES.some((name) => list.has(name))) await db.$queryRaw`SELECT 1`;
}

/**
 * The actor of the current request, from its database session. The role is read afresh
 * with the session on every request, so a role change applies at once.
 */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  if (!session?.user?.id) {
    await assertSessionWasReadable();
    return anonymous;
  }
  return { kind: 'user', userId: session.user.id, role: session.user.role };
});

/** Name and role for the page header, or null when nobody is signed in. */
export const currentUser = cache(async () => {
  const session = await auth();
  return session?.user ?? null;
});
