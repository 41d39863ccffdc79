import { describe, expect, it } from 'vitest';
import { failure } from '@/lib/server/action-errors';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/lib/server/database-errors';

// The shapes below are what node-postgres and Prisma's pg adapter threw in bench/fault-*.ts runs.
const prismaError = (code: string, cause: Record<string, unknown>) => Object.assign(new Error('Invalid `db.user.count()` invocation'), { name: 'PrismaClientKnownRequestError', code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the pool wait timing out', new Error('timeout exceeded when trying to connect')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['the server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['the server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['Prisma: unreachable server', prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })],
    ['Prisma: terminated in a query', prismaError('P2010', { kind: 'postgres', code: '57P01', originalCode: '57P01' })],
    ['Prisma: no connection for a transaction in time', Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { name: 'PrismaClientKnownRequestError', code: 'P2028' })],
    ['a wrapped cause', new Error('save failed', { cause: new Error('timeout exceeded when trying to connect') })],
    ['the explicit error', new DatabaseUnavailableError()],
  ])('recognises %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError('x is undefined')],
    ['a constraint violation', prismaError('P2002', { kind: 'UniqueConstraintViolation' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a non-error', 'timeout exceeded when trying to connect'],
  ])('leaves %s alone', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('failure', () => {
  it('tells the user to try again, keeping what they typed, when the database is unavailable', () => {
    expect(failure(new Error('timeout exceeded when trying to connect'), { text: 'mit svar' })).toEqual({
      status: 'error',
      formError: 'forms.databaseUnavailable',
      fieldErrors: {},
      values: { text: 'mit svar' },
    });
  });
});
