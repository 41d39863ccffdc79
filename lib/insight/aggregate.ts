import { z } from 'zod';
import { EXPENDITURE_KINDS, PROPOSAL_TYPES, type ExpenditureKind, type ProposalType } from '@/lib/budget/vocabulary';
import { sumByKindAndYear } from '@/lib/budget/totals';

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

/** A committee as readers know it: its code and the name staff gave it, or the code alone. */
export const committeeLabel = (committee: { code: string; name: string | null }) => (committee.name ? `${committee.code} ${committee.name}` : committee.code);

export type StanceCounts = Record<StanceOrNone, number>;

const emptyCounts = (): StanceCounts => ({ SUPPORT: 0, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, NONE: 0 });

/** How often each stance was given among the answers: a response's counts, or a proposal's. */
export function countStances(answers: readonly { stance: Stance | null }[]): StanceCounts {
  const counts = emptyCounts();
  for (const answer of answers) counts[answer.stance ?? 'NONE']++;
  return counts;
}

/** The proposal's amount in one year, service and transfers together. */
export const yearTotal = (proposal: InsightProposal, year: number) => proposal.lines.reduce((sum, line) => sum + (line.amounts[year] ?? 0), 0);

/** The amounts the reader asks about: one budget year, or the sum of all the budget's years. */
export type Period = number | 'sum';

/** The period asked for in the address, when it is one of the budget's; else the first year. */
export function resolvePeriod(asked: string | undefined, years: readonly number[]): Period {
  if (asked === 'sum') return 'sum';
  const year = Number(asked);
  return years.includes(year) ? year : years[0]!;
}

const periodYears = (period: Period, years: readonly number[]) => (period === 'sum' ? years : [period]);

/** Service, transfers and both, in thousands of DKK, summed from the lines (lib/budget/totals.ts). */
export type KindTotals = Record<ExpenditureKind, number> & { total: number };

/** The proposals' amounts in the period, per expenditure kind and together. */
export function kindTotals(proposals: readonly InsightProposal[], period: Period, years: readonly number[]): KindTotals {
  const counted = periodYears(period, years);
  const byYear = sumByKindAndYear(
    proposals.flatMap((p) => p.lines.flatMap((line) => counted.map((year) => ({ kind: line.kind, year, amount: line.amounts[year] ?? 0 })))),
    counted,
  );
  const [service, transfer] = EXPENDITURE_KINDS.map((kind) => counted.reduce((sum, year) => sum + (byYear[kind][year] ?? 0), 0)) as [number, number];
  return { SERVICE: service, TRANSFER: transfer, total: service + transfer };
}

/** The proposal's amount in the period, service and transfers together. */
export const periodAmount = (proposal: InsightProposal, period: Period, years: readonly number[]) => kindTotals([proposal], period, years).total;

export interface OverviewRow {
  proposal: InsightProposal;
  counts: StanceCounts;
  responses: number;
  /** The amount in the chosen period, for showing, sorting and filtering; negative is a saving. */
  amount: number;
}

export function overviewRows(proposals: InsightProposal[], responses: InsightResponse[], period: Period, years: readonly number[]): OverviewRow[] {
  const counts = new Map(proposals.map((p) => [p.id, emptyCounts()]));
  for (const response of responses) {
    for (const answer of response.answers) {
      const row = counts.get(answer.proposalId);
      if (row) row[answer.stance ?? 'NONE']++;
    }
  }
  return proposals.map((proposal) => {
    const row = counts.get(proposal.id)!;
    return { proposal, counts: row, responses: Object.values(row).reduce((a, b) => a + b, 0), amount: periodAmount(proposal, period, years) };
  });
}

/** `saving`: the largest saving first; `cost`: the largest added cost first; `opposition`: the largest share of "støtter ikke" first. */
export const SORTS = ['code', 'saving', 'cost', 'responses', 'opposition'] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const overviewFilters = z.object({
  committee: optional(z.string().trim().min(1).max(10)),
  type: optional(z.enum(PROPOSAL_TYPES)),
  list: optional(z.string().min(1).max(100)),
  stance: optional(z.enum(STANCES)),
  /** A budget year, or 'sum' for all the budget's years (resolvePeriod). */
  period: optional(z.string().regex(/^(sum|\d{4})$/)),
  /** Savings only (negative amounts) or added costs only (positive amounts). */
  direction: optional(z.enum(['saving', 'cost'])),
  /** Only proposals of at least this size (thousands of DKK) in the period: saved, added, or either when no direction is chosen. */
  minAmount: optional(z.coerce.number().int().min(0).max(10_000_000)),
  sort: z.enum(SORTS).catch('code'),
});
export type OverviewFilters = z.infer<typeof overviewFilters>;

export function parseOverviewFilters(params: Record<string, string | string[] | undefined>): OverviewFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return overviewFilters.parse(Object.fromEntries(['committee', 'type', 'list', 'stance', 'period', 'direction', 'minAmount', 'sort'].map((key) => [key, first(params[key])])));
}

/** The amount filter: a saving is a negative amount, an added cost a positive one. */
function withinAmount(amount: number, { direction, minAmount }: Pick<OverviewFilters, 'direction' | 'minAmount'>): boolean {
  const min = minAmount ?? 0;
  if (direction === 'saving') return amount < 0 && -amount >= min;
  if (direction === 'cost') return amount > 0 && amount >= min;
  return Math.abs(amount) >= min;
}

/** Whether the filters leave anything out. */
export const isFiltered = (filters: OverviewFilters) =>
  Boolean(filters.committee || filters.type || filters.list || filters.stance || filters.direction || filters.minAmount);

const opposition = (row: OverviewRow) => (row.responses ? row.counts.OPPOSE / row.responses : 0);

/** Filters as asked; `stance` keeps proposals where that stance is the most given one. */
export function filterAndSort(rows: OverviewRow[], filters: OverviewFilters): OverviewRow[] {
  const kept = rows.filter(
    (row) =>
      (!filters.committee || row.proposal.committee.code === filters.committee) &&
      (!filters.type || row.proposal.lines.some((line) => line.type === filters.type)) &&
      (!filters.list || row.proposal.list.id === filters.list) &&
      (!filters.stance || (row.counts[filters.stance] > 0 && STANCES.every((s) => row.counts[s] <= row.counts[filters.stance!]))) &&
      withinAmount(row.amount, filters),
  );
  const byCode = (a: OverviewRow, b: OverviewRow) => a.proposal.code.localeCompare(b.proposal.code, 'da', { numeric: true });
  const order = {
    code: byCode,
    // The largest saving first (the most negative amount), or the largest added cost.
    saving: (a: OverviewRow, b: OverviewRow) => a.amount - b.amount || byCode(a, b),
    cost: (a: OverviewRow, b: OverviewRow) => b.amount - a.amount || byCode(a, b),
    responses: (a: OverviewRow, b: OverviewRow) => b.responses - a.responses || byCode(a, b),
    opposition: (a: OverviewRow, b: OverviewRow) => opposition(b) - opposition(a) || byCode(a, b),
  }[filters.sort];
  return [...kept].sort(order);
}

export interface MatrixGroup {
  type: string;
  /** Those that answered, by name, then the parties that have not (`responded: false`, no cells). */
  organisations: { id: string; name: string; responded: boolean; cells: (StanceOrNone | null)[] }[];
}

/**
 * Organisations (grouped by type, in `typeOrder`) × proposals; a cell is the stance, or null when
 * not answered. `missing` are the parties without a response, shown in their group after the others.
 */
export function stanceMatrix(
  proposals: InsightProposal[],
  responses: InsightResponse[],
  typeOrder: readonly string[],
  missing: readonly { organisationId: string; name: string; type: string }[] = [],
): MatrixGroup[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'da');
  const groups = typeOrder.map((type) => ({
    type,
    organisations: [
      ...responses
        .filter((r) => r.organisation.type === type)
        .map((r) => {
          const answers = new Map(r.answers.map((a) => [a.proposalId, a.stance ?? ('NONE' as const)]));
          return { id: r.organisationId, name: r.organisation.name, responded: true, cells: proposals.map((p) => answers.get(p.id) ?? null) };
        })
        .sort(byName),
      ...missing
        .filter((m) => m.type === type)
        .map((m) => ({ id: m.organisationId, name: m.name, responded: false, cells: proposals.map(() => null) }))
        .sort(byName),
    ],
  }));
  return groups.filter((g) => g.organisations.length > 0);
}

/** How many organisations answered each proposal (the matrix's last row), in the proposals' order. */
export function answersPerProposal(groups: readonly MatrixGroup[], proposals: number): number[] {
  const counts = Array.from({ length: proposals }, () => 0);
  for (const organisation of groups.flatMap((group) => group.organisations)) {
    organisation.cells.forEach((cell, i) => {
      if (cell !== null) counts[i]!++;
    });
  }
  return counts;
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
