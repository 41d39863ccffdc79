import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/safe-redirect';

const ORIGIN = 'http://localhost:3000';

describe('safeRedirectPath', () => {
  it.each([
    '/\\x',
    '/%5Cx',
    '/%5cx',
    '/%09/x',
    '/\t/x',
    '/\n/x',
    '/ /x',
    '//x',
    '/%2F%2Fx',
    '/%2f/x',
    '/%252F%252Fx',
    '///x',
    'https://x',
    'http:x',
    '//x/path',
    'javascript:alert(1)',
    'x',
    '',
    '/%E0%A4%A',
    `/${'a'.repeat(3000)}`,
  ])('sends %j to the start page instead', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
    expect(safeRedirectPath(value, { origin: ORIGIN })).toBe('/');
  });

  it.each([undefined, null, 42, ['/a', '/b'], {}])('takes only a string, not %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });

  it.each([
    '/',
    '/account',
    '/responses/abc/def',
    '/search?q=plejehjem&type=proposal',
    '/search?q=a%5Cb%2F%2Fc',
    '/staff/audit?from=2026-01-01#top',
    '/consultations/x?tab=documents&page=2',
  ])('keeps the local path %j as given', (value) => {
    expect(safeRedirectPath(value)).toBe(value);
    expect(safeRedirectPath(value, { origin: ORIGIN })).toBe(value);
  });

  it('turns an absolute URL on this site into its path and refuses any other origin', () => {
    expect(safeRedirectPath(`${ORIGIN}/account?x=1`, { origin: ORIGIN })).toBe('/account?x=1');
    expect(safeRedirectPath('http://localhost:3001/account', { origin: ORIGIN })).toBe('/');
    expect(safeRedirectPath('https://localhost:3000/account', { origin: ORIGIN })).toBe('/');
    expect(safeRedirectPath(`${ORIGIN}@evil.example/`, { origin: ORIGIN })).toBe('/');
    expect(safeRedirectPath(`${ORIGIN}//evil.example/`, { origin: ORIGIN })).toBe('/');
    // Without an origin to compare with, no absolute URL passes.
    expect(safeRedirectPath(`${ORIGIN}/account`)).toBe('/');
  });

  it('uses the given fallback', () => {
    expect(safeRedirectPath('//x', { fallback: '/responses' })).toBe('/responses');
  });
});
