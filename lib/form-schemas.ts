import { z } from 'zod';
import { copenhagenLocalToInstant } from './deadline';
import type { MessageKey } from './i18n/keys';
import { TEXT_LIMITS } from './limits';

// Pieces of the server actions' schemas. Their messages come from issueMessage
// (lib/form-state.ts) unless a piece names its own.

/** A text of at most `max` characters, trimmed; may be empty. */
export const text = (max: number) => z.string().trim().max(max);

/** A text that must be filled in. */
export const requiredText = (max: number) => text(max).min(1);

/** A datetime-local value read as Copenhagen time; impossible times (the spring-forward hour) are refused. */
export const copenhagenTime = requiredText(TEXT_LIMITS.dateTime).transform((value, context) => {
  try {
    return copenhagenLocalToInstant(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'staff.invalidTime' });
    return z.NEVER;
  }
});

/** A chosen file; a file input left empty sends an empty one, which counts as none. */
export const chosenFile = (missing: MessageKey) => z.instanceof(File, { error: missing }).refine((file) => file.size > 0, { error: missing });
