// Next.js calls register() once when a server process starts, before it handles requests. The job
// workers (mail, the daily reminders) run inside every Node.js server process, so `npm start`,
// `next start` and several instances all deliver mail without a process of their own
// (docs/decisions/0001-job-queue-pg-boss.md).
const RETRY_MS = 10_000;

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isProductionBuild, validateEnvAtStart } = await import('@/lib/env');
  validateEnvAtStart();
  const { recordPeerAddresses } = await import('@/lib/server/peer-address');
  recordPeerAddresses();
  if (isProductionBuild()) return;
  const { startWorkers } = await import('@/lib/server/workers');
  // Not awaited: the server answers (and /api/health reports the database) while PostgreSQL is
  // still unreachable; the workers start as soon as it answers.
  const attempt = () =>
    startWorkers().catch((error: unknown) => {
      console.error(`Job workers not started, retrying in ${RETRY_MS / 1000} s:`, error instanceof Error ? error.message : error);
      setTimeout(attempt, RETRY_MS).unref();
    });
  void attempt();
}
