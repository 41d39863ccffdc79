import { z } from 'zod';
import { AuditOutcome } from '@/lib/generated/prisma/enums';

// The audit log's filter as the page's GET form and the export link carry it. A value that
// cannot be one (too long, a NUL character PostgreSQL cannot hold, a malformed date) is dropped.

const text = z
  .string()
  .trim()
  .max(200)
  .refine((value) => !value.includes('\u0000'))
  .optional()
  .catch(undefined)
  .transform((value) => value || undefined);
const day = z.iso.date().optional().catch(undefined);

export const auditFilterSchema = z.object({
  person: text,
  organisationId: text,
  action: text,
  outcome: z.enum(AuditOutcome).optional().catch(undefined),
  from: day,
  to: day,
});

export type AuditFilterQuery = z.infer<typeof auditFilterSchema>;

/** The filter's fields that are set, as a query string's parameters. */
export function auditFilterParams(filter: AuditFilterQuery): URLSearchParams {
  return new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export const auditPageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);
