import { z } from 'zod';

const invalidChoice = { error: 'forms.invalidChoice' };

/**
 * The id of a record as a form field or URL carries it. PostgreSQL text cannot hold a NUL
 * character (the query fails instead of finding nothing), so an id with one is refused here:
 * it can name no record.
 */
export const recordId = z
  .string(invalidChoice)
  .min(1, invalidChoice)
  .max(100, invalidChoice)
  .refine((value) => !value.includes('\u0000'), invalidChoice);
