import type { z } from 'zod';
import type { MessageKey } from './i18n/keys';
import { withoutControlCharacters } from './input';
import { LIMIT_MESSAGE_VALUES } from './limits';

/** Figures and names for a message ("at most {max} characters", "3 passages remain"). */
export type MessageParams = Record<string, string | number>;

/**
 * What a server action returns to its form. Messages are translation keys; the typed
 * values come back with errors so that nothing the user typed is lost.
 */
export type FormState =
  | { status: 'idle' }
  | { status: 'success'; message: string; params?: MessageParams }
  | {
      status: 'error';
      formError?: string;
      params?: MessageParams;
      fieldErrors: Record<string, string>;
      /** A field's message's figures, e.g. the limit of a text that is too long. */
      fieldParams?: Record<string, MessageParams>;
      values: Record<string, string>;
    };

export const idle: FormState = { status: 'idle' };

/** The form's text fields, without control characters (see lib/input.ts); every action reads its fields through this. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) values[key] = withoutControlCharacters(value);
  return values;
}

/**
 * The message for what zod found wrong, as a translation key; a schema's own message (such as
 * 'staff.committeeCodeFormat') takes precedence. Passed to safeParse as its error map.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'forms.required';
      return issue.expected === 'number' ? 'forms.invalidNumber' : 'forms.invalid';
    case 'too_small':
      if (issue.origin === 'number') return 'forms.tooSmall';
      return Number(issue.minimum) <= 1 ? 'forms.required' : 'forms.tooShort';
    case 'too_big':
      if (issue.origin === 'string') return 'forms.tooLong';
      return issue.origin === 'number' ? 'forms.tooLarge' : 'forms.tooMany';
    case 'invalid_format':
      return issue.format === 'email' ? 'forms.invalidEmail' : 'forms.invalid';
    case 'invalid_value':
    case 'invalid_union':
      return 'forms.invalidChoice';
    default:
      return 'forms.invalid';
  }
}

/** The figures a field's message names: the bound a text, number or list broke. */
export function issueParams(issue: z.core.$ZodIssue): MessageParams | undefined {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  // A text or list of at least one is "required", which names no figure.
  if (issue.code === 'too_small' && (issue.origin === 'number' || Number(issue.minimum) > 1)) return { min: Number(issue.minimum) };
  return undefined;
}

/**
 * Each field's first problem (with its figures), from a zod error whose messages are translation
 * keys; a problem of the whole form (no path, e.g. "enter at least one amount") is its form error.
 */
export function fieldErrors(error: z.ZodError, values: Record<string, string>): FormState {
  const errors: Record<string, string> = {};
  const params: Record<string, MessageParams> = {};
  let whole: z.core.$ZodIssue | undefined;
  for (const issue of error.issues) {
    if (!issue.path.length) {
      whole ??= issue;
      continue;
    }
    const field = String(issue.path[0]);
    if (field in errors) continue;
    errors[field] = issue.message;
    const figures = issueParams(issue);
    if (figures) params[field] = figures;
  }
  return { status: 'error', ...(whole && { formError: whole.message }), fieldErrors: errors, ...(Object.keys(params).length && { fieldParams: params }), values };
}

/** A field's message and its figures (the upload limits too, which some messages name), for the form to show. */
export function fieldError(state: FormState, name: string): { key: string; params: MessageParams } | undefined {
  if (state.status !== 'error' || !state.fieldErrors[name]) return undefined;
  return { key: state.fieldErrors[name], params: { ...LIMIT_MESSAGE_VALUES, ...state.fieldParams?.[name] } };
}

export const formError = (key: string, values: Record<string, string>, params?: MessageParams): FormState => ({ status: 'error', formError: key, ...(params && { params }), fieldErrors: {}, values });
