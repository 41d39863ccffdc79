import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { isDatabaseUnavailable } from '@/lib/server/database-errors';
import { isDomainError, MESSAGE_KEYS, type DomainErrorGroup } from '@/lib/server/errors';
import { formError, type FormState } from '@/lib/form-state';
import { Prisma } from '@/lib/generated/prisma/client';

/** Refusals a form shows at one of its fields rather than above it, by group: `{ pdf: 'file' }`. */
export type FieldsOfRefusals = Partial<Record<DomainErrorGroup, string>>;

/**
 * Turns what the domain layer threw into a message for the form. A refusal shows its code's
 * message; a database that is down or busy gets "nothing was saved, try again"; anything else is
 * logged with its detail and shown as a plain retry message, so nothing of it reaches the page.
 * Next.js's own signals (redirect(), notFound()) are thrown on, not reported.
 */
export function failure(error: unknown, values: Record<string, string>, fields: FieldsOfRefusals = {}): FormState {
  if (isDomainError(error)) {
    // The audit log records a denial; any other detail (which SVG element) is for the log only.
    if (error.code !== 'forbidden' && error.message !== error.code) console.warn('Refused:', error.message);
    const key = MESSAGE_KEYS[error.code];
    const field = (fields as Record<string, string | undefined>)[error.code.split('.')[0]!];
    if (!field) return formError(key, values, error.params);
    return { status: 'error', fieldErrors: { [field]: key }, ...(error.params && { fieldParams: { [field]: error.params } }), values };
  }
  unstable_rethrow(error);
  // A well-formed id that names no record (removed meanwhile, or made up): Prisma's "record to
  // read, update or delete not found".
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return formError('forms.notFound', values);
  if (isDatabaseUnavailable(error)) {
    // Expected during a restart or an overload, and possibly thousands of times: one line each.
    console.warn('Server action: database unavailable:', error instanceof Error ? error.message.trim().split('\n').at(-1) : error);
    return formError('forms.databaseUnavailable', values);
  }
  console.error('Server action failed:', error);
  return formError('forms.unexpected', values);
}
