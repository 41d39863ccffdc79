import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, parseTrustedProxies } from '@/lib/client-address';

const none = parseTrustedProxies('');
const oneHop = parseTrustedProxies('1');
const twoHops = parseTrustedProxies('2');
const balancers = parseTrustedProxies('10.0.0.0/8, 192.0.2.7, fd00::/8, ::1');

describe('parseTrustedProxies', () => {
  it('reads none, a hop count and a list of addresses and ranges', () => {
    for (const value of [undefined, '', ' ', '0', 'none']) expect(parseTrustedProxies(value)).toEqual({ kind: 'none' });
    expect(parseTrustedProxies('3')).toEqual({ kind: 'hops', count: 3 });
    const { list } = parseTrustedProxies('10.1.0.0/16,2001:db8::/32 , 192.0.2.1') as { kind: 'list'; list: import('node:net').BlockList };
    expect(list.check('10.1.200.3', 'ipv4')).toBe(true);
    expect(list.check('10.2.0.1', 'ipv4')).toBe(false);
    expect(list.check('2001:db8::42', 'ipv6')).toBe(true);
    expect(list.check('192.0.2.1', 'ipv4')).toBe(true);
  });

  it.each(['abc', '10.0.0.0/33', '::/129', '10.0.0.1/8/2', '10.0.0.1,', '1.2.3', '99', '10.0.0.0/-1', '10.0.0.0/ 8'])('refuses %j', (value) => {
    expect(() => parseTrustedProxies(value)).toThrow();
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    [' 192.0.2.1 ', '192.0.2.1'],
    ['192.0.2.1:51234', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
  ])('reads %j as %j', (value, expected) => expect(normaliseAddress(value)).toBe(expected));

  it.each([null, undefined, '', 'unknown', 'evil.example', '<script>', '1.2.3.4.5', '256.1.1.1', '1.2.3.4 5.6.7.8', '[::1', 'a'.repeat(12_000), '1.2.3.4;DROP'])(
    'refuses %j',
    (value) => expect(normaliseAddress(value)).toBeNull(),
  );
});

describe('clientAddress', () => {
  it('without trusted proxies is the peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '198.51.100.9', forwardedFor: '203.0.113.1' }, none)).toBe('198.51.100.9');
    expect(clientAddress({ peer: '198.51.100.9', forwardedFor: null }, none)).toBe('198.51.100.9');
    expect(clientAddress({ peer: '::ffff:198.51.100.9', forwardedFor: 'x' }, none)).toBe('198.51.100.9');
  });

  it('is null without a valid peer (outside a request the server received)', () => {
    expect(clientAddress({ peer: null, forwardedFor: '203.0.113.1' }, none)).toBeNull();
    expect(clientAddress({ peer: '', forwardedFor: '203.0.113.1' }, oneHop)).toBeNull();
    expect(clientAddress({ peer: 'garbage', forwardedFor: '203.0.113.1' }, balancers)).toBeNull();
  });

  it('with a hop count takes the entry that many hops from the peer', () => {
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '203.0.113.1' }, oneHop)).toBe('203.0.113.1');
    // A client's own X-Forwarded-For ends up to the left of what the proxy appended.
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '1.1.1.1, 2.2.2.2, 203.0.113.1' }, oneHop)).toBe('203.0.113.1');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '1.1.1.1, 203.0.113.1, 10.0.0.3' }, twoHops)).toBe('203.0.113.1');
    // Fewer hops than configured (a request that came round the proxies): the furthest entry there is.
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: null }, twoHops)).toBe('10.0.0.2');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '203.0.113.1' }, twoHops)).toBe('203.0.113.1');
  });

  it('with a list walks left past trusted proxies to the right-most untrusted address', () => {
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '203.0.113.1' }, balancers)).toBe('203.0.113.1');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '1.1.1.1, 203.0.113.1, 192.0.2.7, 10.9.9.9' }, balancers)).toBe('203.0.113.1');
    // An untrusted peer's header is not read at all.
    expect(clientAddress({ peer: '198.51.100.9', forwardedFor: '10.0.0.5, 203.0.113.1' }, balancers)).toBe('198.51.100.9');
    // IPv6 proxies and clients.
    expect(clientAddress({ peer: 'fd00::1', forwardedFor: '2001:db8::7, fd00::2' }, balancers)).toBe('2001:db8::7');
    expect(clientAddress({ peer: '::1', forwardedFor: '[2001:DB8::7]:4711' }, balancers)).toBe('2001:db8::7');
    // Every hop trusted (a health check from the balancer itself): the furthest one.
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '10.0.0.3' }, balancers)).toBe('10.0.0.3');
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: null }, balancers)).toBe('10.0.0.2');
  });

  it('cannot be set by a spoofed header: only the entry a trusted proxy wrote counts', () => {
    const seen = new Set<string | null>();
    for (let i = 0; i < 50; i++) {
      const spoofed = `${i}.${i}.${i}.${i}, 10.0.0.${i}`;
      seen.add(clientAddress({ peer: '10.0.0.2', forwardedFor: `${spoofed}, 203.0.113.1` }, balancers));
      seen.add(clientAddress({ peer: '10.0.0.2', forwardedFor: `${spoofed}, 203.0.113.1` }, oneHop));
    }
    expect([...seen]).toEqual(['203.0.113.1']);
  });

  it('stores nothing but a valid IP: garbage, names and huge values give null', () => {
    const huge = `${'9'.repeat(12_000)}`;
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: huge }, oneHop)).toBeNull();
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: huge }, balancers)).toBeNull();
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: `203.0.113.1, ${'a'.repeat(12_000)}` }, balancers)).toBeNull();
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: 'evil.example' }, oneHop)).toBeNull();
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: '<script>alert(1)</script>' }, balancers)).toBeNull();
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: 'unknown, ' }, oneHop)).toBeNull();
    expect(clientAddress({ peer: 'a'.repeat(12_000), forwardedFor: null }, none)).toBeNull();
  });

  it('reads only the right-most entries of a very long header, quickly', () => {
    const many = Array.from({ length: 12_000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.1`).join(',');
    const started = performance.now();
    // More trusted hops than are ever read: the walk stops within the last 32 entries, at a trusted one.
    const result = clientAddress({ peer: '10.0.0.2', forwardedFor: `203.0.113.1,${many}` }, balancers);
    expect(result).not.toBe('203.0.113.1');
    expect(result).toMatch(/^10\./);
    expect(clientAddress({ peer: '10.0.0.2', forwardedFor: `${many},203.0.113.1` }, balancers)).toBe('203.0.113.1');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
