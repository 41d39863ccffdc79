import { z } from 'zod';
import { parseTrustedProxies } from '@/lib/client-address';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const databaseShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }),
  /** Connections per app instance; several instances share one PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How long a request waits for a free connection (or for PostgreSQL to accept one) before it
   * gives up with "try again": a bounded wait instead of a queue that grows without end.
   */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
};

/** What the database client needs; the command-line tools need no more. */
const databaseEnvSchema = z.object(databaseShape);

/** The web app's whole configuration. */
const envSchema = z
  .object({
    ...databaseShape,
    /** Signs Auth.js cookies and hashes magic-link tokens; at least 32 characters. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)'),
    /** The app's public address, used in e-mails. */
    APP_URL: z.url().default('http://localhost:3000'),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }),
    MAIL_FROM: z.string().min(3).default('Budgethøring <noreply@budgethoering.localhost>'),
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().default('Microsoft Entra ID'),
    /** With OpenID Connect configured, staff and administrators may also sign in by e-mail link. */
    AUTH_STAFF_EMAIL_SIGNIN: flag,
    /**
     * The proxies whose X-Forwarded-For entries are believed: none (the default; the app is reached
     * directly), a number of hops, or a comma-separated list of IP addresses and CIDR ranges.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `${(error as Error).message} (a hop count, or IP addresses and CIDR ranges separated by commas)` });
          return z.NEVER;
        }
      }),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
    MAGIC_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
    INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** Where uploaded PDFs are kept: a local folder (the default) or an S3-compatible bucket. */
    ATTACHMENT_STORAGE: z.enum(['local', 's3']).default('local'),
    /** The local folder: outside the web root, never served directly. */
    ATTACHMENT_DIR: z.string().min(1).default('.data/attachments'),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style addresses (endpoint/bucket/key), as MinIO and some other S3-compatible stores need. */
    S3_FORCE_PATH_STYLE: flag,
    /** Days before a deadline when organisations that have not submitted get a reminder. */
    REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** When the reminder job runs, as a cron expression in Copenhagen time (five fields). */
    REMINDER_CRON: z.string().trim().regex(/^\S+(\s+\S+){4}$/, 'must be a cron expression of five fields, e.g. `0 7 * * *`').default('0 7 * * *'),
    /** How often a mail the SMTP server refused is tried again before it is shown to staff as failed. */
    MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
    /** The first retry's delay; each further retry waits about twice as long. */
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Password-less demo/test sign-in by e-mail alone. Never honoured in production. */
    ENABLE_CREDENTIALS_LOGIN: flag,
  })
  .superRefine((env, ctx) => {
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_OIDC_ISSUER'], message: 'AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together' });
    }
    if (env.ATTACHMENT_STORAGE === 's3') {
      const s3 = { S3_ENDPOINT: env.S3_ENDPOINT, S3_BUCKET: env.S3_BUCKET, S3_REGION: env.S3_REGION, S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY };
      const missing = Object.entries(s3).filter(([, value]) => !value).map(([name]) => name);
      if (missing.length) ctx.addIssue({ code: 'custom', path: ['ATTACHMENT_STORAGE'], message: `s3 needs S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together (missing: ${missing.join(', ')})` });
    }
    if (env.NODE_ENV === 'production' && env.ENABLE_CREDENTIALS_LOGIN) {
      ctx.addIssue({ code: 'custom', path: ['ENABLE_CREDENTIALS_LOGIN'], message: 'the demo/test login cannot be enabled in production' });
    }
  });

export type Env = z.infer<typeof envSchema>;
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;
type Source = Record<string, string | undefined>;

function validate<T>(schema: z.ZodType<T>, source: Source): T {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** Validates the environment, naming every variable that is missing or wrong. */
export const parseEnv = (source: Source): Env => validate(envSchema, source);
export const parseDatabaseEnv = (source: Source): DatabaseEnv => validate(databaseEnvSchema, source);

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** `next build` runs the instrumentation hook too, without the secrets a running server needs. */
export const isProductionBuild = (): boolean => process.env.NEXT_PHASE === 'phase-production-build';

/**
 * Called by instrumentation.ts when a server process starts, however it was started (`npm start`,
 * `next start`, `next dev`): a wrong setting stops the process with every problem named, before
 * it answers a request, instead of failing the first request that reads it.
 */
export function validateEnvAtStart(): void {
  if (isProductionBuild()) return;
  try {
    env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/**
 * Auth.js reads AUTH_URL from the environment itself and builds its links and OIDC redirect URIs
 * from it; without it, from the request URL, whose host a proxy in front of the app may have changed.
 */
export function provideAuthUrl(settings: Env): void {
  process.env.AUTH_URL ??= settings.APP_URL;
}

let cachedDatabase: DatabaseEnv | undefined;
export function databaseEnv(): DatabaseEnv {
  cachedDatabase ??= parseDatabaseEnv(process.env);
  return cachedDatabase;
}
