import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTrustedProxies, type TrustedProxies } from '@/lib/client-address';

const state = vi.hoisted(() => ({ headers: new Headers(), trusted: undefined as unknown }));
vi.mock('next/headers', () => ({ headers: async () => state.headers }));
vi.mock('@/lib/env', () => ({ env: () => ({ TRUSTED_PROXIES: state.trusted }) }));

const { requestContext } = await import('@/lib/server/request-context');

function request(headers: Record<string, string>, trusted: TrustedProxies) {
  state.headers = new Headers(headers);
  state.trusted = trusted;
  return requestContext();
}

describe('requestContext', () => {
  beforeEach(() => {
    state.headers = new Headers();
  });

  it('ignores X-Forwarded-For and X-Real-IP from a client reaching the app directly', async () => {
    const forged = { 'x-budgethoering-peer': '198.51.100.9', 'x-forwarded-for': '203.0.113.1', 'x-real-ip': '203.0.113.2' };
    expect((await request(forged, parseTrustedProxies(''))).ip).toBe('198.51.100.9');
  });

  it('believes the entry the trusted proxy appended, not what the client put before it', async () => {
    const viaProxy = { 'x-budgethoering-peer': '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 203.0.113.1' };
    expect((await request(viaProxy, parseTrustedProxies('10.0.0.0/8'))).ip).toBe('203.0.113.1');
    expect((await request(viaProxy, parseTrustedProxies('1'))).ip).toBe('203.0.113.1');
  });

  it('stores nothing that is not an IP address', async () => {
    const garbage = { 'x-budgethoering-peer': '10.0.0.2', 'x-forwarded-for': 'x'.repeat(12_000), 'user-agent': 'u'.repeat(12_000) };
    const context = await request(garbage, parseTrustedProxies('1'));
    expect(context.ip).toBeNull();
    expect(context.userAgent).toHaveLength(300);
    expect((await request({ 'x-forwarded-for': '203.0.113.1' }, parseTrustedProxies('1'))).ip).toBeNull();
  });
});
