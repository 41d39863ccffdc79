import 'server-only';
import { headers } from 'next/headers';

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

const NONE: RequestContext = { ip: null, userAgent: null };

/**
 * Where a request came from, for the audit log and rate limits. Behind a proxy the first
 * X-Forwarded-For address is the client. Outside a request (scripts, tests) it is empty.
 */
export async function requestContext(): Promise<RequestContext> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    return NONE;
  }
  const forwarded = list.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || list.get('x-real-ip') || null, userAgent: list.get('user-agent')?.slice(0, 300) ?? null };
}
