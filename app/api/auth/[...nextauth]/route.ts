import type { NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { handlers } from '@/lib/server/auth';
import { consumeLimit } from '@/lib/server/rate-limit';
import { requestContext } from '@/lib/server/request-context';

/** A 429 in Danish when the client address has made too many sign-in attempts. */
async function rateLimited(): Promise<Response | null> {
  const { ip } = await requestContext();
  const limit = await consumeLimit('authPerIp', ip ?? 'unknown');
  if (limit.allowed) return null;
  const t = await getTranslations('auth');
  return new Response(t('tooManyRequests', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }), {
    status: 429,
    headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

// Sign-in requests (POST) and sign-in callbacks (GET, the magic link and OIDC return) count;
// reading the session or the CSRF token does not.
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.includes('/callback/')) return (await rateLimited()) ?? handlers.GET(request);
  return handlers.GET(request);
}

export async function POST(request: NextRequest) {
  return (await rateLimited()) ?? handlers.POST(request);
}
