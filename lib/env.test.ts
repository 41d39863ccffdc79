import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('accepts a PostgreSQL URL and applies defaults', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://u:p@localhost:5432/db' });
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.NODE_ENV).toBe('development');
  });

  it('names a missing DATABASE_URL', () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });

  it('names every wrong variable at once', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x/y', DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*DATABASE_POOL_SIZE/,
    );
  });
});
