import 'server-only';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { getPool } from '@/lib/server/db';

// Counters live in PostgreSQL (table rate_limits, created by a migration), so limits hold
// across every app instance that shares the database.
export type LimitName = 'magicLinkPerEmail' | 'magicLinkPerIp' | 'authPerIp' | 'invitationPerIp' | 'submissionPerIp' | 'anonymousDenialPerIp';

const LIMITS: Record<LimitName, { points: number; duration: number }> = {
  magicLinkPerEmail: { points: 5, duration: 15 * 60 },
  magicLinkPerIp: { points: 20, duration: 15 * 60 },
  authPerIp: { points: 60, duration: 15 * 60 },
  invitationPerIp: { points: 30, duration: 15 * 60 },
  submissionPerIp: { points: 20, duration: 15 * 60 },
  /** Audit rows for refused anonymous requests (lib/server/audit.ts). */
  anonymousDenialPerIp: { points: 20, duration: 15 * 60 },
};

const limiters = new Map<LimitName, RateLimiterPostgres>();

function limiter(name: LimitName): RateLimiterPostgres {
  let instance = limiters.get(name);
  if (!instance) {
    instance = new RateLimiterPostgres({
      storeClient: getPool(),
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      ...LIMITS[name],
    });
    limiters.set(name, instance);
  }
  return instance;
}

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt for `key` under the named limit. */
export async function consumeLimit(name: LimitName, key: string): Promise<LimitResult> {
  try {
    await limiter(name).consume(key.toLowerCase());
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    throw error;
  }
}

