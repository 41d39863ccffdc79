// Behind a real nginx (Debian's, configured as bench:scale-out configures it), the app's request
// context sees the client address nginx forwarded, not an X-Forwarded-For the client wrote.
// A small Node HTTP server stands in for `next start`: it is stamped with the connection's peer as
// instrumentation.ts stamps the app's server (recordPeerAddresses), and answers with what the
// app's own requestContext() makes of the request's headers. The client connects from 127.0.0.2,
// nginx to the server from 127.0.0.1 (Linux routes all of 127.0.0.0/8 to loopback), so the proxy
// and the client have different addresses, as in production.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseTrustedProxies } from '@/lib/client-address';
import { recordPeerAddresses } from '@/lib/server/peer-address';
import { startNginx, type Nginx } from '@/bench/lib/nginx';

const state = vi.hoisted(() => ({ headers: new Headers(), trusted: undefined as unknown }));
vi.mock('next/headers', () => ({ headers: async () => state.headers }));
vi.mock('@/lib/env', () => ({ env: () => ({ TRUSTED_PROXIES: state.trusted }) }));
const { requestContext } = await import('@/lib/server/request-context');

const CLIENT = '127.0.0.2';
let server: http.Server;
let nginx: Nginx;
let direct: string;

beforeAll(async () => {
  recordPeerAddresses();
  server = http.createServer((req, res) => {
    // One request at a time in these tests, so the mocked headers() cannot mix requests up.
    state.headers = new Headers(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
    void requestContext().then((context) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ip: context.ip, forwardedFor: req.headers['x-forwarded-for'] ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  direct = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // No install from a test: .ci/run and the README's set-up install nginx; a missing one fails here.
  nginx = await startNginx([direct], { install: false });
});

afterAll(async () => {
  await nginx?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** GET from 127.0.0.2 with the given headers; what the server's request context saw. */
function ask(base: string, headers: Record<string, string>): Promise<{ ip: string | null; forwardedFor: string | null }> {
  const url = new URL('/whoami', base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, localAddress: CLIENT, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode}: ${body}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

const spoofed = { 'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.7', 'x-budgethoering-peer': '10.0.0.1' };

describe('behind nginx', () => {
  it('appends the client address to X-Forwarded-For', async () => {
    state.trusted = parseTrustedProxies('127.0.0.1');
    const seen = await ask(nginx.url, spoofed);
    expect(seen.forwardedFor).toBe(`6.6.6.6, ${CLIENT}`);
    expect(nginx.accessLog().at(-1)).toContain(`${CLIENT} ${new URL(direct).host} 200`);
  });

  it('with TRUSTED_PROXIES naming nginx, the request context sees the address nginx forwarded, not the spoofed one', async () => {
    state.trusted = parseTrustedProxies('127.0.0.1');
    expect((await ask(nginx.url, spoofed)).ip).toBe(CLIENT);
    expect((await ask(nginx.url, {})).ip).toBe(CLIENT);
  });

  it('with TRUSTED_PROXIES=1 (one hop), likewise', async () => {
    state.trusted = parseTrustedProxies('1');
    expect((await ask(nginx.url, spoofed)).ip).toBe(CLIENT);
  });

  it('without TRUSTED_PROXIES, every client behind nginx is nginx itself', async () => {
    state.trusted = parseTrustedProxies('');
    expect((await ask(nginx.url, spoofed)).ip).toBe('127.0.0.1');
  });

  it('a client reaching the server directly cannot pose as a proxy', async () => {
    state.trusted = parseTrustedProxies('127.0.0.1');
    expect((await ask(direct, spoofed)).ip).toBe(CLIENT);
  });
});
