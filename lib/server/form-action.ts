import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { fieldErrors, formError, formValues, issueMessage, type FormState, type MessageParams } from '@/lib/form-state';
import type { MessageKey } from '@/lib/i18n/keys';
import { failure, type FieldsOfRefusals } from '@/lib/server/action-errors';
import type { Actor } from '@/lib/server/actor';
import { currentActor } from '@/lib/server/session';

/** A success state whose message the compiler checks; a form may add its own fields (the moves' totals). */
export type Saved = { status: 'success'; message: MessageKey; params?: MessageParams };

/** A path whose cached pages a change makes stale; `layout` for every page beneath it as well. */
export type Revalidation = string | { path: string; type: 'layout' };

export interface FormActionOptions<Input, Result, Done> {
  /** What the schema parses: the form's text fields (formValues) unless the form sends lists or files. */
  input?: (values: Record<string, string>, formData: FormData) => unknown;
  /** For a form whose fields are all hidden: one message instead of field errors nobody can see. */
  invalid?: MessageKey;
  /** Refusals shown at a field rather than above the form, e.g. `{ pdf: 'file' }`. */
  fields?: FieldsOfRefusals;
  revalidate?: (input: Input, result: Result) => Revalidation[];
  /** The message after success, or the whole state; it may redirect(), which is never caught here. */
  success: MessageKey | ((result: Result, input: Input) => Done | Promise<Done>);
}

/**
 * A server action for a form (useActionState): parses the form with `schema` (each field gets its
 * own message: required, too long with the limit, not a number, ...), runs the domain function
 * with the signed-in actor, turns a refusal into its message (failure), and revalidates.
 * Every field is read through formValues, which strips control characters.
 */
export function formAction<Schema extends z.ZodType, Result, Done extends FormState = Saved>(
  schema: Schema,
  run: (input: z.output<Schema>, context: { actor: Actor; formData: FormData }) => Promise<Result>,
  options: FormActionOptions<z.output<Schema>, Result, Done>,
): (previous: FormState | Done, formData: FormData) => Promise<FormState | Done> {
  return async (_previous, formData) => {
    const values = formValues(formData);
    const parsed = schema.safeParse(options.input ? options.input(values, formData) : values, { error: issueMessage });
    if (!parsed.success) return options.invalid ? formError(options.invalid, values) : fieldErrors(parsed.error, values);
    let result: Result;
    try {
      result = await run(parsed.data, { actor: await currentActor(), formData });
    } catch (error) {
      return failure(error, values, options.fields);
    }
    for (const target of options.revalidate?.(parsed.data, result) ?? []) {
      if (typeof target === 'string') revalidatePath(target);
      else revalidatePath(target.path, target.type);
    }
    if (typeof options.success === 'string') return { status: 'success', message: options.success };
    return options.success(result, parsed.data);
  };
}
