import 'server-only';
import PgBoss from 'pg-boss';
import { databaseEnv } from '@/lib/env';

/**
 * The app's job queue: pg-boss in PostgreSQL (its own schema, `pgboss`, which pg-boss creates and
 * migrates itself under an advisory lock), so that queued work survives restarts and every app
 * instance shares it. See docs/decisions/0001-job-queue-pg-boss.md.
 */
export const JOB_SCHEMA = 'pgboss';
export const MAIL_QUEUE = 'mail';
export const REMINDER_QUEUE = 'deadline-reminders';

const DAY_SECONDS = 86_400;

// One instance per process, created on first use (like the database pool): `next build` loads
// this module without a database.
const state = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

/** Prisma's `schema` parameter is not one of libpq's. */
function connectionString(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: connectionString(databaseEnv().DATABASE_URL),
    schema: JOB_SCHEMA,
    application_name: 'budgethoering-jobs',
    max: 3,
    // Delivered mail (with its personal data) leaves the queue soon; failed mail stays where
    // staff can see and retry it for a month.
    archiveCompletedAfterSeconds: 3600,
    archiveFailedAfterSeconds: 30 * DAY_SECONDS,
    deleteAfterDays: 7,
  });
  // Unhandled, an 'error' event (PostgreSQL restarting, say) would end the process; pg-boss
  // reconnects by itself on its next poll.
  boss.on('error', (error) => console.error('Job queue:', error.message));
  await boss.start();
  try {
    await boss.createQueue(MAIL_QUEUE);
    await boss.createQueue(REMINDER_QUEUE);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  return boss;
}

/** The started queue. */
export function jobQueue(): Promise<PgBoss> {
  state.jobQueue ??= start().catch((error: unknown) => {
    state.jobQueue = undefined;
    throw error;
  });
  return state.jobQueue;
}

/** Stops this process's workers (letting a running job finish) and closes the queue's connections. */
export async function stopJobQueue(): Promise<void> {
  const started = state.jobQueue;
  state.jobQueue = undefined;
  const boss = await started?.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}
