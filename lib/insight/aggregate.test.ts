import { describe, expect, it } from 'vitest';
import { answersPerProposal, committeeSummaries, countStances, filterAndSort, isFiltered, kindTotals, overviewRows, parseOverviewFilters, resolvePeriod, stanceMatrix, type InsightProposal, type InsightResponse } from '@/lib/insight/aggregate';

const proposal = (id: string, code: string, committee: string, list: string, service: number, transfer = 0): InsightProposal => ({
  id,
  code,
  title: `Forslag ${code}`,
  committee: { code: committee, name: null },
  list: { id: list, name: list },
  lines: [
    { kind: 'SERVICE', type: 'SAVING', amounts: { 2026: service, 2027: service * 2 } },
    ...(transfer ? [{ kind: 'TRANSFER' as const, type: 'EXTRA_EXPENDITURE' as const, amounts: { 2026: transfer, 2027: transfer } }] : []),
  ],
});

const proposals = [proposal('a', 'SU01', 'SU', 'L1', -500), proposal('b', 'SU10', 'SU', 'L2', -100, 40), proposal('c', 'ØU04', 'ØU', 'L1', -5099)];
const response = (id: string, type: string, answers: [string, InsightResponse['answers'][number]['stance']][]): InsightResponse => ({
  organisationId: id,
  organisation: { name: `Org ${id}`, type },
  answers: answers.map(([proposalId, stance]) => ({ proposalId, stance })),
});
const responses = [
  response('1', 'SENIOR_COUNCIL', [['a', 'OPPOSE'], ['c', 'SUPPORT']]),
  response('2', 'SCHOOL_BOARD', [['a', 'OPPOSE'], ['b', null]]),
  response('3', 'SENIOR_COUNCIL', [['a', 'SUPPORT'], ['c', 'OPPOSE'], ['zz', 'OPPOSE']]),
];
const YEARS = [2026, 2027];
const rows = overviewRows(proposals, responses, 2026, YEARS);

describe('overviewRows', () => {
  it('counts each stance per proposal, comments without a stance too, and ignores unknown proposals', () => {
    expect(rows.map((r) => [r.proposal.code, r.responses, r.counts.OPPOSE, r.counts.SUPPORT, r.counts.NONE])).toEqual([
      ['SU01', 3, 2, 1, 0],
      ['SU10', 1, 0, 0, 1],
      ['ØU04', 2, 1, 1, 0],
    ]);
    expect(rows[1]!.amount).toBe(-60);
  });
});

describe('filterAndSort', () => {
  const base = parseOverviewFilters({});
  it('sorts by code naturally by default and by the largest saving on request', () => {
    expect(filterAndSort(rows, base).map((r) => r.proposal.code)).toEqual(['SU01', 'SU10', 'ØU04']);
    expect(filterAndSort(rows, { ...base, sort: 'saving' }).map((r) => r.proposal.code)).toEqual(['ØU04', 'SU01', 'SU10']);
    expect(filterAndSort(rows, { ...base, sort: 'cost' }).map((r) => r.proposal.code)).toEqual(['SU10', 'SU01', 'ØU04']);
    expect(filterAndSort(rows, { ...base, sort: 'opposition' }).map((r) => r.proposal.code)).toEqual(['SU01', 'ØU04', 'SU10']);
  });
  it('filters by committee, list, type, prevailing stance and size', () => {
    expect(filterAndSort(rows, { ...base, committee: 'ØU' }).map((r) => r.proposal.code)).toEqual(['ØU04']);
    expect(filterAndSort(rows, { ...base, list: 'L2' }).map((r) => r.proposal.code)).toEqual(['SU10']);
    expect(filterAndSort(rows, { ...base, type: 'EXTRA_EXPENDITURE' }).map((r) => r.proposal.code)).toEqual(['SU10']);
    expect(filterAndSort(rows, { ...base, stance: 'OPPOSE' }).map((r) => r.proposal.code)).toEqual(['SU01', 'ØU04']);
    expect(filterAndSort(rows, { ...base, minAmount: 400 }).map((r) => r.proposal.code)).toEqual(['SU01', 'ØU04']);
  });
  it('drops parameters that make no sense instead of failing', () => {
    expect(parseOverviewFilters({ sort: 'drop table', minAmount: '-5', stance: 'MAYBE', committee: ['ØU', 'SU'], period: '20x6', direction: 'up' })).toEqual({ sort: 'code', committee: 'ØU' });
    expect(parseOverviewFilters({ period: 'sum', direction: 'cost', sort: 'opposition' })).toEqual({ period: 'sum', direction: 'cost', sort: 'opposition' });
  });
});

describe('the amount the politician means', () => {
  // SU05 saves 300 in service but costs 500 in transfers: an added cost of 200 in 2026.
  const mixed = [...proposals, proposal('d', 'SU05', 'SU', 'L2', -300, 500), proposal('e', 'ØU10', 'ØU', 'L2', 0, 500)];
  const base = parseOverviewFilters({});
  it('is one budget year or the sum of the four, as chosen, defaulting to the first year', () => {
    expect(resolvePeriod(undefined, YEARS)).toBe(2026);
    expect(resolvePeriod('2027', YEARS)).toBe(2027);
    expect(resolvePeriod('2031', YEARS)).toBe(2026);
    expect(resolvePeriod('sum', YEARS)).toBe('sum');
    expect(overviewRows(mixed, [], 2027, YEARS).map((r) => r.amount)).toEqual([-1000, -160, -10198, -100, 500]);
    expect(overviewRows(mixed, [], 'sum', YEARS).map((r) => r.amount)).toEqual([-1500, -220, -15297, 100, 1000]);
  });
  it('tells savings from added costs in the minimum-amount filter', () => {
    const mixedRows = overviewRows(mixed, [], 2026, YEARS);
    const codes = (filters: Partial<typeof base>) => filterAndSort(mixedRows, { ...base, ...filters }).map((r) => r.proposal.code);
    expect(codes({ minAmount: 500 })).toEqual(['SU01', 'ØU04', 'ØU10']);
    expect(codes({ minAmount: 500, direction: 'saving', sort: 'saving' })).toEqual(['ØU04', 'SU01']);
    expect(codes({ minAmount: 200, direction: 'cost' })).toEqual(['SU05', 'ØU10']);
    expect(codes({ direction: 'saving' })).toEqual(['SU01', 'SU10', 'ØU04']);
    expect(codes({ direction: 'cost', sort: 'cost' })).toEqual(['ØU10', 'SU05']);
    expect(isFiltered(base)).toBe(false);
    expect(isFiltered({ ...base, direction: 'cost' })).toBe(true);
    expect(isFiltered({ ...base, sort: 'cost', period: 'sum' })).toBe(false);
  });
  it('totals service, transfers and both from the lines, for a year or the sum', () => {
    expect(kindTotals(mixed, 2026, YEARS)).toEqual({ SERVICE: -5999, TRANSFER: 1040, total: -4959 });
    expect(kindTotals(mixed, 'sum', YEARS)).toEqual({ SERVICE: -17997, TRANSFER: 2080, total: -15917 });
    expect(kindTotals([], 'sum', YEARS)).toEqual({ SERVICE: 0, TRANSFER: 0, total: 0 });
  });
});

describe('stanceMatrix', () => {
  it('groups organisations by type in the given order and leaves unanswered cells empty', () => {
    const groups = stanceMatrix(proposals, responses, ['SCHOOL_BOARD', 'DISABILITY_COUNCIL', 'SENIOR_COUNCIL']);
    expect(groups.map((g) => [g.type, g.organisations.map((o) => o.name)])).toEqual([
      ['SCHOOL_BOARD', ['Org 2']],
      ['SENIOR_COUNCIL', ['Org 1', 'Org 3']],
    ]);
    expect(groups[0]!.organisations[0]!.cells).toEqual(['OPPOSE', 'NONE', null]);
  });
  it('shows the parties that have not responded in their group, after those that have', () => {
    const groups = stanceMatrix(proposals, responses, ['DISABILITY_COUNCIL', 'SENIOR_COUNCIL'], [
      { organisationId: '9', name: 'Handicaprådet', type: 'DISABILITY_COUNCIL' },
      { organisationId: '8', name: 'Ældrerådet Nord', type: 'SENIOR_COUNCIL' },
    ]);
    expect(groups.map((g) => [g.type, g.organisations.map((o) => [o.name, o.responded])])).toEqual([
      ['DISABILITY_COUNCIL', [['Handicaprådet', false]]],
      ['SENIOR_COUNCIL', [['Org 1', true], ['Org 3', true], ['Ældrerådet Nord', false]]],
    ]);
    expect(groups[0]!.organisations[0]!.cells).toEqual([null, null, null]);
  });
});

describe('committeeSummaries', () => {
  it('sums amounts per committee and year, service and transfers together, and stances per committee', () => {
    const summaries = committeeSummaries(rows, [2026, 2027]);
    expect(summaries.map((s) => [s.committee.code, s.amounts[2026], s.amounts[2027], s.counts.OPPOSE])).toEqual([
      ['SU', -560, -1160, 2],
      ['ØU', -5099, -10198, 1],
    ]);
  });
});

describe('countStances', () => {
  it('counts each stance, and an answer without one as NONE', () => {
    expect(countStances([{ stance: 'SUPPORT' }, { stance: 'OPPOSE' }, { stance: 'SUPPORT' }, { stance: null }])).toEqual({ SUPPORT: 2, OPPOSE: 1, REMARKS: 0, NO_REMARKS: 0, NONE: 1 });
  });
});

describe('answersPerProposal', () => {
  it('counts the organisations that answered each proposal, across the groups', () => {
    const groups = [
      { type: 'SENIOR_COUNCIL', organisations: [{ id: 'a', name: 'A', responded: true, cells: ['SUPPORT' as const, null, 'NONE' as const] }] },
      { type: 'SCHOOL_BOARD', organisations: [{ id: 'b', name: 'B', responded: true, cells: ['OPPOSE' as const, null, null] }, { id: 'c', name: 'C', responded: false, cells: [null, null, null] }] },
    ];
    expect(answersPerProposal(groups, 3)).toEqual([2, 0, 1]);
  });
});
