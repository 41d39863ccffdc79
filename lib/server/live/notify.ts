import 'server-only';
import type { LiveNotice } from '@/lib/live-events';
import type { Prisma } from '@/lib/generated/prisma/client';
import { LIVE_CHANNEL } from '@/lib/server/live/listener';

type Client = Pick<Prisma.TransactionClient, '$executeRaw'>;

// Names are cut short so that a payload stays far below NOTIFY's 8000 bytes whatever a user is called.
export const NAME_LENGTH = 200;

/**
 * Announces a change to every app instance's open forms of the response. Called inside the
 * change's transaction: PostgreSQL delivers it on commit and drops it on rollback.
 */
export async function notifyLive(client: Client, notice: LiveNotice): Promise<void> {
  const payload = JSON.stringify({ ...notice, name: notice.name?.slice(0, NAME_LENGTH) ?? null });
  await client.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
}
