import 'server-only';

/**
 * The database cannot serve the request now: PostgreSQL is down or restarting, or every
 * connection of the pool stayed busy for DATABASE_CONNECT_TIMEOUT_MS. Nothing was written (a
 * transaction that lost its connection is rolled back by PostgreSQL), so the user may simply
 * try again. Code that meets such a failure may throw this to say so explicitly.
 */
export class DatabaseUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('Database unavailable', options);
    this.name = 'DatabaseUnavailableError';
  }
}

// Socket failures between the app and PostgreSQL.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// SQLSTATEs of a server going away or refusing connections: class 08 (connection exception),
// 57P01–57P03 (shut down by an administrator or a crash, still starting up), 53300 (too many connections).
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
// Prisma's codes for an unreachable server, a closed connection, its own pool timeout, and a
// transaction that could not start in time or ran out of time (P2028; rolled back either way).
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// What Prisma's driver adapter reports for the same causes.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// node-postgres throws plain Errors with these messages for a pool wait that timed out and a lost socket.
const PG_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i;

const codeOf = (value: unknown): string | undefined => {
  const code = value && typeof value === 'object' && 'code' in value ? value.code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/** Whether `error` (or what caused it) means "the database is not available now", as opposed to a bug or a refusal. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const code = codeOf(error);
  if (code && (NETWORK_CODES.has(code) || SQLSTATES.test(code) || PRISMA_CODES.has(code))) return true;
  if (PG_MESSAGES.test(error.message) && !code?.startsWith('P')) return true;
  const meta = 'meta' in error && error.meta && typeof error.meta === 'object' ? (error.meta as { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }) : undefined;
  const adapterCause = meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === 'string' && ADAPTER_KINDS.has(adapterCause.kind)) return true;
  if (typeof adapterCause?.code === 'string' && SQLSTATES.test(adapterCause.code)) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
