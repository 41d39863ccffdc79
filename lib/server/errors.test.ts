import { forbidden } from 'next/navigation';
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from 'next/dist/client/components/http-access-fallback/http-access-fallback';
import { describe, expect, it } from 'vitest';
import da from '@/lib/i18n/messages/da.json';
import en from '@/lib/i18n/messages/en.json';
import { DomainError, isDomainError, MESSAGE_KEYS } from '@/lib/server/errors';

const lookUp = (messages: object, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);

describe('DomainError', () => {
  // Pages answer a refusal with 403 only because Next.js reads the 'forbidden' code as its own
  // forbidden(): this fails when an upgrade of Next.js changes how it recognises one.
  it("is read by Next.js as forbidden(), status 403, for the code 'forbidden'", () => {
    const refusal = new DomainError('forbidden', { detail: 'response.read' });
    if (!isHTTPAccessFallbackError(refusal)) expect.fail('not read as an HTTP access fallback');
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

  it('is no forbidden() for any other code, and keeps its detail out of the params', () => {
    const refusal = new DomainError('logo.unsafeSvg', { detail: '<script>' });
    expect(isHTTPAccessFallbackError(refusal)).toBe(false);
    expect(refusal.message).toBe('logo.unsafeSvg: <script>');
    expect(refusal.params).toBeUndefined();
    expect(isDomainError(refusal, 'logo.unsafeSvg')).toBe(true);
    expect(isDomainError(refusal, 'forbidden')).toBe(false);
    expect(isDomainError(new Error('logo.unsafeSvg'))).toBe(false);
  });

  it.each(Object.entries(MESSAGE_KEYS))('%s has a message in Danish and English', (_code, key) => {
    expect(typeof lookUp(da, key)).toBe('string');
    expect(typeof lookUp(en, key)).toBe('string');
  });
});
