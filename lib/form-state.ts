import type { z } from 'zod';
import { withoutControlCharacters } from './input';

/**
 * What a server action returns to its form. Messages are translation keys; the typed
 * values come back with errors so that nothing the user typed is lost.
 */
export type FormState =
  | { status: 'idle' }
  | { status: 'success'; message: string; params?: Record<string, string | number> }
  | { status: 'error'; formError?: string; params?: Record<string, string | number>; fieldErrors: Record<string, string>; values: Record<string, string> };

export const idle: FormState = { status: 'idle' };

/** The form's text fields, without control characters (see lib/input.ts); every action reads its fields through this. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) values[key] = withoutControlCharacters(value);
  return values;
}

/** Field errors from a zod error whose messages are translation keys. */
export function fieldErrors(error: z.ZodError, values: Record<string, string>): FormState {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { status: 'error', fieldErrors: errors, values };
}

export const formError = (key: string, values: Record<string, string>, params?: Record<string, string | number>): FormState => ({ status: 'error', formError: key, ...(params && { params }), fieldErrors: {}, values });
