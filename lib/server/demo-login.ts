import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

/** The cookie Auth.js reads its database session from. */
export function sessionCookieName(appUrl: string): string {
  return appUrl.startsWith('https:') ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

/**
 * Opens a database session for a known user by address alone, exactly as Auth.js would after
 * a sign-in, so the rest of the app cannot tell the difference. Null for an unknown address.
 */
export async function startDemoSession(actor: Actor, email: string): Promise<{ sessionToken: string; expires: Date } | null> {
  const settings = env();
  await authorize(actor, 'auth.demo_login', { settings });
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user || user.erasedAt) {
    await audit(actor, { action: 'auth.sign_in', outcome: 'DENIED', details: { provider: 'demo' } });
    return null;
  }
  const expires = new Date(Date.now() + settings.SESSION_IDLE_MINUTES * 60_000);
  const session = await db.session.create({ data: { sessionToken: randomBytes(32).toString('hex'), userId: user.id, expires } });
  await audit({ kind: 'user', userId: user.id, role: user.role }, { action: 'auth.sign_in', objectType: 'User', objectId: user.id, details: { provider: 'demo' } });
  return { sessionToken: session.sessionToken, expires };
}
