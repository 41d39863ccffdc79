import { z } from 'zod';
import { PROPOSAL_TYPES } from '@/lib/budget/vocabulary';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);

const filtersSchema = z.object({
  committee: optionalText(10),
  type: z.enum(PROPOSAL_TYPES).optional().catch(undefined),
  query: optionalText(100),
});

export type ParsedFilters = z.infer<typeof filtersSchema>;

/** Reads the catalogue's GET parameters; values that make no sense are dropped, not fatal. */
export function parseCatalogueFilters(params: Record<string, string | string[] | undefined>): ParsedFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return filtersSchema.parse({ committee: first(params.committee), type: first(params.type), query: first(params.q) });
}
