import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/client-address';
import { env } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from '@/lib/server/peer-address';

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

const NONE: RequestContext = { ip: null, userAgent: null };

/**
 * Where a request came from, for the audit log and rate limits: the connection's peer, or behind
 * the proxies of TRUSTED_PROXIES the right-most address in X-Forwarded-For that they did not
 * write; always a valid IP or null. Outside a request (scripts, tests) it is empty.
 */
export async function requestContext(): Promise<RequestContext> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    return NONE;
  }
  const ip = clientAddress({ peer: list.get(PEER_ADDRESS_HEADER), forwardedFor: list.get('x-forwarded-for') }, env().TRUSTED_PROXIES);
  return { ip, userAgent: list.get('user-agent')?.slice(0, 300) ?? null };
}
