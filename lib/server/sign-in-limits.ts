import 'server-only';
import { consumeLimit } from '@/lib/server/rate-limit';
import { requestContext } from '@/lib/server/request-context';

/** The query parameter of the sign-in page that says "too many links, wait this many minutes". */
export const TOO_MANY_LINKS_PARAM = 'tooManyRequests';

/**
 * Counts one request for a sign-in link against both limits, per e-mail address and per client.
 * Called by Auth.js's signIn callback before a link is made, so the sign-in form and a direct
 * POST to /api/auth/signin/email are counted once each, in the same place.
 * Over a limit: the minutes to wait. Both limits are counted either way.
 */
export async function countSignInLinkRequest(email: string): Promise<{ allowed: true } | { allowed: false; minutes: number }> {
  const { ip } = await requestContext();
  const results = [await consumeLimit('magicLinkPerIp', ip ?? 'unknown'), await consumeLimit('magicLinkPerEmail', email)];
  const waits = results.map((result) => (result.allowed ? 0 : result.retryAfterSeconds));
  const longest = Math.max(...waits);
  return longest === 0 ? { allowed: true } : { allowed: false, minutes: Math.ceil(longest / 60) };
}

/** Where a request over the limit is sent: the sign-in page with the Danish message. */
export const tooManyLinksPath = (minutes: number) => `/signin?${TOO_MANY_LINKS_PARAM}=${minutes}`;

/** The minutes to wait that the sign-in page's parameter says, or null when it says nothing valid. */
export function waitMinutes(value: unknown): number | null {
  const minutes = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : 0;
  return minutes > 0 && minutes <= 24 * 60 ? minutes : null;
}

/** The minutes to wait when `url`, where Auth.js sent a request, is the answer over the limit; otherwise null. */
export function tooManyLinksMinutes(url: string): number | null {
  const parsed = new URL(url, 'http://site.invalid');
  return parsed.pathname === '/signin' ? waitMinutes(parsed.searchParams.get(TOO_MANY_LINKS_PARAM) ?? undefined) : null;
}
