import { BlockList, isIP, isIPv4 } from 'node:net';

/**
 * Which proxies in front of the app may say, in X-Forwarded-For, whom they forward for:
 * none (the app is reached directly), a number of proxy hops, or a list of addresses and CIDR ranges.
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; count: number } | { kind: 'list'; list: BlockList };

/** At most this many X-Forwarded-For entries are looked at, counted from the right. */
const MAX_HOPS = 32;

/** Reads TRUSTED_PROXIES: empty for none, `2` for two hops, or `10.0.0.0/8, 192.0.2.7, fd00::/8`. Throws on anything else. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'none') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count > MAX_HOPS) throw new Error(`a hop count is at most ${MAX_HOPS}`);
    return { kind: 'hops', count };
  }
  const list = new BlockList();
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (!family || extra !== undefined) throw new Error(`"${entry}" is neither an IP address nor a CIDR range`);
    if (prefix === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 6 ? 128 : 32))) throw new Error(`"${entry}" has an invalid prefix length`);
    list.addSubnet(address!, bits, type);
  }
  return { kind: 'list', list };
}

/**
 * One address as an IP in canonical text, or null. Accepts what proxies write: `[v6]`, `[v6]:port`,
 * `v4:port`, and IPv4-mapped IPv6 (`::ffff:192.0.2.1`, how Node reports IPv4 peers on a dual-stack socket).
 */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let text = value.trim();
  if (text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  // A zone (fe80::1%eth0) names an interface of the sender's machine; it is not stored.
  text = text.replace(/%[\w.-]+$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const family = isIP(text);
  if (family === 4) return text;
  if (family === 6) return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  return null;
}

const isTrusted = (address: string, list: BlockList) => list.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');

/**
 * The client's address. `peer` is who opened the connection to the app; `forwardedFor` is the
 * X-Forwarded-For header, where each proxy appends the address it received the request from, so
 * only its right-most entries, those written by trusted proxies, can be believed. Walks from the
 * peer leftwards past trusted proxies and returns the first address that is not one, as an IP in
 * canonical form, or null when that entry is not a valid IP (nothing else is ever returned).
 */
export function clientAddress(input: { peer: string | null | undefined; forwardedFor: string | null | undefined }, trusted: TrustedProxies): string | null {
  const peer = normaliseAddress(input.peer);
  if (!peer || trusted.kind === 'none') return peer;
  // Nearest first: the peer, then X-Forwarded-For from the right.
  const forwarded = (input.forwardedFor ?? '').split(',').slice(-MAX_HOPS).reverse().map((entry) => entry.trim()).filter(Boolean);
  const chain = [input.peer, ...forwarded];
  if (trusted.kind === 'hops') {
    // The peer and the next count − 1 entries are the proxies; the entry after them is the client.
    return normaliseAddress(chain[Math.min(trusted.count, chain.length - 1)]);
  }
  let index = 0;
  let address: string | null = peer;
  while (address && isTrusted(address, trusted.list) && index < chain.length - 1) {
    index += 1;
    address = normaliseAddress(chain[index]);
  }
  return address;
}
