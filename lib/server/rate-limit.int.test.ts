import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { consumeLimit } from '@/lib/server/rate-limit';

afterAll(() => db.$disconnect());

it('allows five magic-link requests per address in 15 minutes, then tells when to retry', async () => {
  const email = `limit-${randomUUID()}@example.test`;
  for (let i = 0; i < 5; i++) expect(await consumeLimit('magicLinkPerEmail', email)).toEqual({ allowed: true });
  const refused = await consumeLimit('magicLinkPerEmail', email.toUpperCase());
  expect(refused.allowed).toBe(false);
  expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
  // Counted in PostgreSQL, where every app instance sees it.
  const [row] = await db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`magicLinkPerEmail:${email}`}`;
  expect(row?.points).toBe(6);
  expect(await consumeLimit('magicLinkPerEmail', `other-${email}`)).toEqual({ allowed: true });
});
