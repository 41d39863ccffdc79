import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { cleanedUrl, withoutControlCharacters } from './input';

describe('withoutControlCharacters', () => {
  it('removes NUL and the other control characters, and keeps tab and line breaks', () => {
    expect(withoutControlCharacters('a\u0000b\u0001c\u001fd\u007fe\u000bf\u000cg')).toBe('abcdefg');
    expect(withoutControlCharacters('Linje 1\r\nLinje 2\tmed tab')).toBe('Linje 1\r\nLinje 2\tmed tab');
    expect(withoutControlCharacters('Ærø – “citat” 😀')).toBe('Ærø – “citat” 😀');
  });
});

describe('cleanedUrl', () => {
  it('is null for an address without control characters', () => {
    expect(cleanedUrl(new URL('http://localhost/search?q=%C3%A6ldre+pleje&x=%09'))).toBeNull();
  });

  it('removes them from every query name and value, and from the path', () => {
    expect(cleanedUrl(new URL('http://localhost/search?q=%00budget&com%00mittee=%01S%00U'))?.href).toBe('http://localhost/search?q=budget&committee=SU');
    expect(cleanedUrl(new URL('http://localhost/proposals/c1%00x%1F%7f?a=b'))?.href).toBe('http://localhost/proposals/c1x?a=b');
  });
});

describe('proxy', () => {
  // The proxy reads its settings through lib/env.ts: a valid set, so that the test runs outside `npm test` too.
  beforeAll(() => {
    vi.stubEnv('DATABASE_URL', process.env.DATABASE_URL ?? 'postgresql://localhost/unit');
    vi.stubEnv('AUTH_SECRET', process.env.AUTH_SECRET ?? 'x'.repeat(32));
    vi.stubEnv('SMTP_URL', process.env.SMTP_URL ?? 'smtp://localhost:2525');
  });

  it('serves a request with a NUL in its query at the address without it, keeping the security headers', () => {
    const response = proxy(new NextRequest('http://localhost/?q=%00&committee=S%00U'));
    expect(new URL(response.headers.get('x-middleware-rewrite')!).search).toBe('?q=&committee=SU');
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(proxy(new NextRequest('http://localhost/?q=budget')).headers.get('x-middleware-rewrite')).toBeNull();
  });
});
