// Requests as a browser makes them: pages and route handlers with the session cookie, and
// server actions posted to their page with the Next-Action header, as React encodes them.
import { SESSION_COOKIE, type Party } from './fixtures';

export interface Reply {
  status: number;
  ms: number;
  body: string;
  headers: Headers;
}

export interface Caller {
  token?: string;
  /** Sent as X-Forwarded-For; the app takes the first address as the client's. */
  ip?: string;
}

function headersFor(caller: Caller, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...extra };
  if (caller.token) headers.Cookie = `${SESSION_COOKIE}=${caller.token}`;
  if (caller.ip) headers['X-Forwarded-For'] = caller.ip;
  return headers;
}

/** Times one request; network failures become status 0 with the error as body. */
export async function request(url: string, init: RequestInit, timeoutMs = 60_000): Promise<Reply> {
  const start = performance.now();
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, ms: performance.now() - start, body, headers: response.headers };
  } catch (error) {
    return { status: 0, ms: performance.now() - start, body: String(error), headers: new Headers() };
  }
}

export const get = (base: string, path: string, caller: Caller = {}, timeoutMs?: number) => request(`${base}${path}`, { headers: headersFor(caller) }, timeoutMs);

/**
 * Calls a server action as the browser's fetch does: a POST to the page it belongs to, naming
 * the action in Next-Action, with the page's origin (Next refuses other origins). Plain
 * arguments travel as a JSON array; a FormData argument as multipart, in React's reply format:
 * the form's fields prefixed "_1_" and field "0" the argument list, where "$K1" stands for them
 * (React 19.2's encodeReply; an older React used "1_").
 */
export async function callAction(base: string, page: string, actionId: string, args: unknown[] | { state: unknown; form: Record<string, string> }, caller: Caller, timeoutMs?: number): Promise<Reply> {
  const headers = headersFor(caller, { 'Next-Action': actionId, Origin: base, Accept: 'text/x-component' });
  let body: string | FormData;
  if (Array.isArray(args)) {
    headers['Content-Type'] = 'text/plain;charset=UTF-8';
    body = JSON.stringify(args);
  } else {
    body = new FormData();
    for (const [key, value] of Object.entries(args.form)) body.set(`_1_${key}`, value);
    // Last, as React writes it: the server decodes "0" as soon as it arrives, with the fields read so far.
    body.set('0', JSON.stringify([args.state, '$K1']));
  }
  return request(`${base}${page}`, { method: 'POST', headers, body }, timeoutMs);
}

/** What a server action returned, found in the RSC reply: the row whose key is the result's ("1:" after "0:{"a":"$@1"…}). */
export function actionResult(reply: Reply): Record<string, unknown> | null {
  if (reply.status !== 200) return null;
  const head = /^0:(\{.*\})$/m.exec(reply.body);
  const ref = head ? /"a":"\$@([0-9a-f]+)"/.exec(head[1]!)?.[1] : undefined;
  const row = ref ? new RegExp(`^${ref}:(\\{.*\\})$`, 'm').exec(reply.body) : null;
  try {
    return row ? (JSON.parse(row[1]!) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const responsePage = (consultationId: string, party: Pick<Party, 'organisationId'>) => `/responses/${consultationId}/${party.organisationId}`;

// Internal detail that must never reach a user: stack frames, source paths, driver messages.
const LEAKS = /\n\s+at [\w.<>]+ \(|node_modules|\.tsx?:\d+|Prisma|Invalid `|ECONNREFUSED|ECONNRESET|timeout exceeded|terminating connection|DriverAdapterError/;

/** A fragment of internal detail the body shows, or null. */
export function leak(body: string): string | null {
  const match = LEAKS.exec(body);
  return match ? body.slice(Math.max(0, match.index - 60), match.index + 80) : null;
}
