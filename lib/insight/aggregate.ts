import { z } from 'zod';
import { PROPOSAL_TYPES, type ExpenditureKind, type ProposalType } from '@/lib/budget/vocabulary';

// Aggregation of the responses a reader may see, per proposal, organisation and committee.
// Pure, so that the overview, matrix and charts agree and are tested without a database.

export const STANCES = ['SUPPORT', 'OPPOSE', 'REMARKS', 'NO_REMARKS'] as const;
export type Stance = (typeof STANCES)[number];
/** An answer with a comment but no stance. */
export type StanceOrNone = Stance | 'NONE';

export interface InsightProposal {
  id: string;
  code: string;
  title: string;
  committee: { code: string; name: string | null };
  list: { id: string; name: string };
  lines: { kind: ExpenditureKind; type: ProposalType; amounts: Record<number, number> }[];
}

export interface InsightResponse {
  organisationId: string;
  organisation: { name: string; type: string };
  answers: { proposalId: string; stance: Stance | null }[];
}

export type StanceCounts = Record<StanceOrNone, number>;

const emptyCounts = (): StanceCounts => ({ SUPPORT: 0, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, NONE: 0 });

/** The proposal's amount in one year, service and transfers together. */
export const yearTotal = (proposal: InsightProposal, year: number) => proposal.lines.reduce((sum, line) => sum + (line.amounts[year] ?? 0), 0);

export interface OverviewRow {
  proposal: InsightProposal;
  counts: StanceCounts;
  responses: number;
  /** The first budget year's amount, for sorting and filtering. */
  amount: number;
}

export function overviewRows(proposals: InsightProposal[], responses: InsightResponse[], firstYear: number): OverviewRow[] {
  const counts = new Map(proposals.map((p) => [p.id, emptyCounts()]));
  for (const response of responses) {
    for (const answer of response.answers) {
      const row = counts.get(answer.proposalId);
      if (row) row[answer.stance ?? 'NONE']++;
    }
  }
  return proposals.map((proposal) => {
    const row = counts.get(proposal.id)!;
    return { proposal, counts: row, responses: Object.values(row).reduce((a, b) => a + b, 0), amount: yearTotal(proposal, firstYear) };
  });
}

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const overviewFilters = z.object({
  committee: optional(z.string().trim().min(1).max(10)),
  type: optional(z.enum(PROPOSAL_TYPES)),
  list: optional(z.string().min(1).max(100)),
  stance: optional(z.enum(STANCES)),
  /** Only proposals of at least this size (thousands of DKK, either sign) in the first year. */
  minAmount: optional(z.coerce.number().int().min(0).max(10_000_000)),
  sort: z.enum(['code', 'amount', 'responses', 'opposition']).catch('code'),
});
export type OverviewFilters = z.infer<typeof overviewFilters>;

export function parseOverviewFilters(params: Record<string, string | string[] | undefined>): OverviewFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return overviewFilters.parse(Object.fromEntries(['committee', 'type', 'list', 'stance', 'minAmount', 'sort'].map((key) => [key, first(params[key])])));
}

const opposition = (row: OverviewRow) => (row.responses ? row.counts.OPPOSE / row.responses : 0);

/** Filters as asked; `stance` keeps proposals where that stance is the most given one. */
export function filterAndSort(rows: OverviewRow[], filters: OverviewFilters): OverviewRow[] {
  const kept = rows.filter(
    (row) =>
      (!filters.committee || row.proposal.committee.code === filters.committee) &&
      (!filters.type || row.proposal.lines.some((line) => line.type === filters.type)) &&
      (!filters.list || row.proposal.list.id === filters.list) &&
      (!filters.stance || (row.counts[filters.stance] > 0 && STANCES.every((s) => row.counts[s] <= row.counts[filters.stance!]))) &&
      (filters.minAmount === undefined || Math.abs(row.amount) >= filters.minAmount),
  );
  const byCode = (a: OverviewRow, b: OverviewRow) => a.proposal.code.localeCompare(b.proposal.code, 'da', { numeric: true });
  const order = {
    code: byCode,
    // The largest saving first (the most negative amount).
    amount: (a: OverviewRow, b: OverviewRow) => a.amount - b.amount || byCode(a, b),
    responses: (a: OverviewRow, b: OverviewRow) => b.responses - a.responses || byCode(a, b),
    opposition: (a: OverviewRow, b: OverviewRow) => opposition(b) - opposition(a) || byCode(a, b),
  }[filters.sort];
  return [...kept].sort(order);
}

export interface MatrixGroup {
  type: string;
  organisations: { id: string; name: string; cells: (StanceOrNone | null)[] }[];
}

/** Organisations (grouped by type, in `typeOrder`) × proposals; a cell is the stance, or null when not answered. */
export function stanceMatrix(proposals: InsightProposal[], responses: InsightResponse[], typeOrder: readonly string[]): MatrixGroup[] {
  const groups = typeOrder.map((type) => ({
    type,
    organisations: responses
      .filter((r) => r.organisation.type === type)
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'da'))
      .map((r) => {
        const answers = new Map(r.answers.map((a) => [a.proposalId, a.stance ?? ('NONE' as const)]));
        return { id: r.organisationId, name: r.organisation.name, cells: proposals.map((p) => answers.get(p.id) ?? null) };
      }),
  }));
  return groups.filter((g) => g.organisations.length > 0);
}

export interface CommitteeSummary {
  committee: { code: string; name: string | null };
  /** Service and transfers together, per year. */
  amounts: Record<number, number>;
  counts: StanceCounts;
}

export function committeeSummaries(rows: OverviewRow[], years: readonly number[]): CommitteeSummary[] {
  const byCode = new Map<string, CommitteeSummary>();
  for (const row of rows) {
    const { committee } = row.proposal;
    const summary = byCode.get(committee.code) ?? { committee, amounts: Object.fromEntries(years.map((y) => [y, 0])), counts: emptyCounts() };
    for (const year of years) summary.amounts[year] = (summary.amounts[year] ?? 0) + yearTotal(row.proposal, year);
    for (const stance of Object.keys(summary.counts) as StanceOrNone[]) summary.counts[stance] += row.counts[stance];
    byCode.set(committee.code, summary);
  }
  return [...byCode.values()].sort((a, b) => a.committee.code.localeCompare(b.committee.code, 'da'));
}
