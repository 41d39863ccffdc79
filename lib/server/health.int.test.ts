import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';
import { checkHealth } from '@/lib/server/health';

// The route reads the app's pool; a test swaps in one that points at a dead database.
const pools = vi.hoisted(() => ({ override: undefined as pg.Pool | undefined }));
vi.mock('@/lib/server/db', async (original) => {
  const actual = await original<typeof import('@/lib/server/db')>();
  return { ...actual, getPool: () => pools.override ?? actual.getPool() };
});

/** A TCP server that accepts connections and never says a word, as a hung database would. */
let silent: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const deadPool = (port: number) => new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/health` });

describe('GET /api/health', () => {
  afterEach(async () => {
    await pools.override?.end();
    pools.override = undefined;
  });

  it('answers 200 with the database latency when the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({ status: 'ok', database: { ok: true, latencyMs: expect.any(Number) }, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers 503 without the error detail when the database is down', async () => {
    pools.override = deadPool(await closedPort());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'degraded', database: { ok: false, latencyMs: expect.any(Number) }, version: expect.any(String) });
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    // The operator still learns why, from the log.
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/ECONNREFUSED/);
    logged.mockRestore();
  });
});

describe('checkHealth', () => {
  it('gives up on a database that does not answer, after the timeout', async () => {
    const pool = deadPool((silent.address() as { port: number }).port);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const health = await checkHealth(pool, 200);
    logged.mockRestore();
    expect(health.status).toBe('degraded');
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(190);
    expect(health.database.latencyMs).toBeLessThan(2_000);
    for (const socket of sockets) socket.destroy();
    await pool.end().catch(() => {});
  });
});
