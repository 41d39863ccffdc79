import { forbidden } from 'next/navigation';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import { expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/server/actor';

// Pages answer a refusal with 403 only because Next.js reads ForbiddenError as its own forbidden():
// this fails when an upgrade of Next.js changes how it recognises one.
it('is read by Next.js as forbidden(), status 403', () => {
  const refusal = new ForbiddenError('response.read');
  expect(isHTTPAccessFallbackError(refusal)).toBe(true);
  expect(getAccessFallbackHTTPStatus(refusal)).toBe(403);

  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
  let thrown: unknown;
  try {
    forbidden();
  } catch (error) {
    thrown = error;
  }
  expect((thrown as { digest: string }).digest).toBe(refusal.digest);
});
