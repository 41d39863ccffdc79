import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { cleanedUrl } from '@/lib/input';

// Security headers for every page. A fresh nonce per request lets Next.js's own inline
// scripts run while any injected script is refused (no 'unsafe-inline' for scripts).
// Nothing here decides who may do what: authorization lives in lib/server/.
export function contentSecurityPolicy(nonce: string, options: { development: boolean; formTargets: string[] }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.formTargets.map((origin) => ` ${origin}`).join('')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

// lib/env.ts has checked that the issuer is a URL.
const oidcOrigin = (issuer: string | undefined): string[] => (issuer ? [new URL(issuer).origin] : []);

export function proxy(request: NextRequest) {
  const settings = env();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    development: settings.NODE_ENV === 'development',
    // The staff sign-in form redirects to the identity provider.
    formTargets: oidcOrigin(settings.AUTH_OIDC_ISSUER),
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // A NUL (or another control character) in a path or query parameter would reach PostgreSQL,
  // which refuses it: every page and route handler gets the address without them.
  const cleaned = cleanedUrl(request.nextUrl);
  const response = cleaned ? NextResponse.rewrite(cleaned, { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (settings.NODE_ENV === 'production') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  return response;
}

// The logo route sets a stricter policy of its own.
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/municipality/logo).*)' }],
};
