import 'server-only';
import { ForbiddenError } from '@/lib/server/actor';
import { isDatabaseUnavailable } from '@/lib/server/database-errors';
import { formError, type FormState } from '@/lib/form-state';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Turns what the domain layer threw into a message for the form. Known refusals map to
 * their own keys; a database that is down or busy gets "nothing was saved, try again"; anything
 * else is logged with its detail and shown as a plain retry message.
 */
export function failure(error: unknown, values: Record<string, string>, known: Record<string, string> = {}): FormState {
  if (error instanceof ForbiddenError) return formError('forms.forbidden', values);
  // A well-formed id that names no record (removed meanwhile, or made up): Prisma's "record to
  // read, update or delete not found".
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return formError('forms.notFound', values);
  if (error instanceof Error && error.name in known) return formError(known[error.name]!, values);
  if (error instanceof Error && 'reason' in error && typeof error.reason === 'string' && error.reason in known) {
    // A refusal may carry figures for its message ("3 responses remain").
    const params = 'params' in error && error.params && typeof error.params === 'object' ? (error.params as Record<string, number>) : undefined;
    return formError(known[error.reason]!, values, params);
  }
  if (isDatabaseUnavailable(error)) {
    // Expected during a restart or an overload, and possibly thousands of times: one line each.
    console.warn('Server action: database unavailable:', error instanceof Error ? error.message.trim().split('\n').at(-1) : error);
    return formError('forms.databaseUnavailable', values);
  }
  console.error('Server action failed:', error);
  return formError('forms.unexpected', values);
}
