import { describe, expect, it } from 'vitest';
import { committeeSummaries, filterAndSort, overviewRows, parseOverviewFilters, stanceMatrix, type InsightProposal, type InsightResponse } from '@/lib/insight/aggregate';

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
const rows = overviewRows(proposals, responses, 2026);

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
    expect(filterAndSort(rows, { ...base, sort: 'amount' }).map((r) => r.proposal.code)).toEqual(['ØU04', 'SU01', 'SU10']);
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
    expect(parseOverviewFilters({ sort: 'drop table', minAmount: '-5', stance: 'MAYBE', committee: ['ØU', 'SU'] })).toEqual({ sort: 'code', committee: 'ØU' });
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
