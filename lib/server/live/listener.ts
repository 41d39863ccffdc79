import 'server-only';
import pg from 'pg';
import type { LiveNotice } from '@/lib/live-events';

/** The one NOTIFY channel of the response form; payloads name their response. */
export const LIVE_CHANNEL = 'response_live';

type Subscriber = (notice: LiveNotice) => void;
const MAX_BACKOFF_MS = 30_000;

export const subscriptionKey = (key: { consultationId: string; organisationId: string }) => `${key.consultationId}/${key.organisationId}`;

/**
 * One dedicated LISTEN connection per app instance, shared by every open form it serves, and
 * an in-process fan-out by response. PostgreSQL delivers a NOTIFY to every instance on commit
 * only, so a rolled-back save is never announced. Connects on the first subscriber; a lost
 * connection is opened again with growing pauses (notices sent meanwhile are lost, as a reload
 * of the form would show them).
 */
export class LiveListener {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private backoff = 500;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Calls `onNotice` for each notice about the response until the returned function is called. */
  subscribe(key: { consultationId: string; organisationId: string }, onNotice: Subscriber): () => void {
    const id = subscriptionKey(key);
    let set = this.subscribers.get(id);
    if (!set) this.subscribers.set(id, (set = new Set()));
    set.add(onNotice);
    void this.ready();
    return () => {
      set.delete(onNotice);
      if (set.size === 0 && this.subscribers.get(id) === set) this.subscribers.delete(id);
    };
  }

  /** Resolves once the connection listens (for tests and the bench, which must not miss a notice). */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** The connection's server process id, so a test can end it as a failover would. */
  async backendPid(): Promise<number> {
    await this.ready();
    const { rows } = await this.client!.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return rows[0]!.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => {
      console.error('Live updates: listening connection lost:', error.message);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = client;
      this.backoff = 500;
    } catch (error) {
      console.error('Live updates: could not listen:', error instanceof Error ? error.message : error);
      await client.end().catch(() => undefined);
      this.scheduleRetry();
    }
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.subscribers.size > 0) void this.ready();
    }, this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }

  private deliver(payload: string | undefined) {
    let notice: LiveNotice;
    try {
      notice = JSON.parse(payload ?? '') as LiveNotice;
    } catch {
      return;
    }
    for (const subscriber of this.subscribers.get(subscriptionKey(notice)) ?? []) {
      try {
        subscriber(notice);
      } catch (error) {
        console.error('Live updates: a subscriber failed:', error instanceof Error ? error.message : error);
      }
    }
  }
}
