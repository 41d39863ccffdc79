import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDatabaseEnv, parseEnv } from './env';

const valid = {
  DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
  AUTH_SECRET: 'x'.repeat(32),
  SMTP_URL: 'smtp://127.0.0.1:2525',
};

describe('parseEnv', () => {
  it('accepts the required variables and applies defaults', () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({ DATABASE_POOL_SIZE: 10, NODE_ENV: 'development', SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12, MAGIC_LINK_MINUTES: 10, ENABLE_CREDENTIALS_LOGIN: false });
  });

  it('names a missing DATABASE_URL', () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
  });

  it('names every wrong variable at once', () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: 'mysql://x/y', DATABASE_POOL_SIZE: '0', AUTH_SECRET: 'short' })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*DATABASE_POOL_SIZE[\s\S]*AUTH_SECRET: must be at least 32/,
    );
  });

  it('requires the OpenID Connect settings together', () => {
    expect(() => parseEnv({ ...valid, AUTH_OIDC_ISSUER: 'https://login.example/tenant' })).toThrow(/must be set together/);
    expect(parseEnv({ ...valid, AUTH_OIDC_ISSUER: 'https://login.example/t', AUTH_OIDC_ID: 'id', AUTH_OIDC_SECRET: 's' }).AUTH_OIDC_ID).toBe('id');
  });

  it('never allows the demo/test login in production', () => {
    expect(parseEnv({ ...valid, ENABLE_CREDENTIALS_LOGIN: 'true' }).ENABLE_CREDENTIALS_LOGIN).toBe(true);
    expect(() => parseEnv({ ...valid, NODE_ENV: 'production', ENABLE_CREDENTIALS_LOGIN: 'true' })).toThrow(/cannot be enabled in production/);
  });
});

describe('sign-in settings', () => {
  it('trusts no proxy and keeps staff off e-mail sign-in by default', () => {
    expect(parseEnv(valid)).toMatchObject({ TRUSTED_PROXIES: { kind: 'none' }, AUTH_STAFF_EMAIL_SIGNIN: false });
    expect(parseEnv({ ...valid, AUTH_STAFF_EMAIL_SIGNIN: 'true' }).AUTH_STAFF_EMAIL_SIGNIN).toBe(true);
  });

  it('reads TRUSTED_PROXIES as a hop count or a list, and names a wrong one', () => {
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: '2' }).TRUSTED_PROXIES).toEqual({ kind: 'hops', count: 2 });
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).TRUSTED_PROXIES.kind).toBe('list');
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: 'the balancer' })).toThrow(/TRUSTED_PROXIES: "the balancer" is neither an IP address nor a CIDR range/);
  });
});

describe('the job queue', () => {
  it('retries refused mail five times from 30 s and reminds at 07:00 by default', () => {
    expect(parseEnv(valid)).toMatchObject({ MAIL_RETRY_LIMIT: 5, MAIL_RETRY_DELAY_SECONDS: 30, REMINDER_CRON: '0 7 * * *' });
    expect(parseEnv({ ...valid, REMINDER_CRON: '30 6 * * 1-5', MAIL_RETRY_LIMIT: '0' })).toMatchObject({ REMINDER_CRON: '30 6 * * 1-5', MAIL_RETRY_LIMIT: 0 });
  });

  it('refuses a cron expression without five fields and a retry delay under a second', () => {
    expect(() => parseEnv({ ...valid, REMINDER_CRON: 'daily' })).toThrow(/REMINDER_CRON: must be a cron expression/);
    expect(() => parseEnv({ ...valid, MAIL_RETRY_DELAY_SECONDS: '0' })).toThrow(/MAIL_RETRY_DELAY_SECONDS/);
  });
});

describe('attachment storage', () => {
  const s3 = { S3_ENDPOINT: 'https://s3.example', S3_BUCKET: 'bilag', S3_REGION: 'eu-north-1', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' };

  it('keeps uploads in a local folder by default', () => {
    expect(parseEnv(valid)).toMatchObject({ ATTACHMENT_STORAGE: 'local', ATTACHMENT_DIR: '.data/attachments', S3_FORCE_PATH_STYLE: false });
  });

  it('requires the S3 settings together when s3 is chosen, naming the missing ones', () => {
    expect(() => parseEnv({ ...valid, ATTACHMENT_STORAGE: 's3', S3_ENDPOINT: s3.S3_ENDPOINT })).toThrow(/together \(missing: S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY\)/);
  });

  it('takes s3 with all its settings', () => {
    expect(parseEnv({ ...valid, ...s3, ATTACHMENT_STORAGE: 's3', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({ ATTACHMENT_STORAGE: 's3', S3_BUCKET: 'bilag', S3_FORCE_PATH_STYLE: true });
  });

  it('refuses an unknown storage', () => {
    expect(() => parseEnv({ ...valid, ATTACHMENT_STORAGE: 'ftp' })).toThrow(/ATTACHMENT_STORAGE/);
  });
});

describe('parseDatabaseEnv', () => {
  it('needs only the database settings, for the command-line tools', () => {
    expect(parseDatabaseEnv({ DATABASE_URL: valid.DATABASE_URL }).DATABASE_POOL_SIZE).toBe(10);
    expect(() => parseDatabaseEnv({})).toThrow(/DATABASE_URL/);
  });
});

describe('validation when a server process starts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  // A fresh module each time: env() caches what it read.
  const start = async () => (await import('./env')).validateEnvAtStart();
  const stubExit = () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    return vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  };

  it('stops the process, naming the problem, when a setting is wrong', async () => {
    vi.stubEnv('DATABASE_URL', valid.DATABASE_URL);
    vi.stubEnv('SMTP_URL', valid.SMTP_URL);
    vi.stubEnv('AUTH_SECRET', 'short');
    const exit = stubExit();
    await start();
    expect(exit).toHaveBeenCalledWith(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/AUTH_SECRET: must be at least 32/));
  });

  it('lets a valid environment through', async () => {
    for (const [name, value] of Object.entries(valid)) vi.stubEnv(name, value);
    const exit = stubExit();
    await start();
    expect(exit).not.toHaveBeenCalled();
  });

  it('is skipped by next build, which runs without the secrets', async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    vi.stubEnv('AUTH_SECRET', '');
    const exit = stubExit();
    await start();
    expect(exit).not.toHaveBeenCalled();
  });

  it('is what instrumentation.ts runs first in the Node.js runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('AUTH_SECRET', 'short');
    const exit = stubExit();
    // The refused start ends in process.exit; the stub returns, so stop the hook right there.
    exit.mockImplementation((() => {
      throw new Error('exited');
    }) as never);
    await expect((await import('@/instrumentation')).register()).rejects.toThrow('exited');
    expect(exit).toHaveBeenCalledWith(1);
  });
});
