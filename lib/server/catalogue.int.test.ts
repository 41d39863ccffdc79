import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { system } from '@/lib/server/actor';
import { documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { getCatalogue, getProposal } from '@/lib/server/catalogue';
import { db } from '@/lib/server/db';
import { buildBudgetDocument, sampleSummary, uniqueYears } from '@/test/budget-document-builder';

const years = uniqueYears(3);
let budgetId: string;

beforeAll(async () => {
  const text = buildBudgetDocument(years, [
    {
      heading: 'Indarbejdes og sendes i høring',
      proposals: [
        { code: 'ØU01', title: 'Mindre nyindkøb', summary: sampleSummary(0), service: { type: 'Effektivisering', amounts: [-500, -500, -500] } },
        {
          code: 'ISU05',
          title: 'Serviceniveau på kørsel',
          summary: sampleSummary(1),
          service: { type: 'Effektivisering', amounts: [-28, -57, -135] },
          transfer: { type: 'Merudgift', amounts: [39, 78, 117] },
        },
      ],
    },
    {
      heading: 'Indarbejdes ikke, men sendes i høring',
      proposals: [
        { code: 'ISU20', title: 'Brugerbetaling for privatskoler', summary: sampleSummary(2), service: { type: 'Merindtægt', amounts: [-100, -100, -100] } },
        { code: 'TU04a', title: 'Omlægning af områder', summary: sampleSummary(0), service: { type: 'Besparelse', amounts: [-100, -400, -500] } },
      ],
    },
  ]);
  ({ budgetId } = await importBudgetDocument(system, parseBudgetDocument(text), documentHash(text)));
});
afterAll(() => db.$disconnect());

const codes = (catalogue: Awaited<ReturnType<typeof getCatalogue>>) => catalogue!.lists.map((l) => l.proposals.map((p) => p.code));

describe('getCatalogue', () => {
  it('returns both lists in document order with totals computed from the lines', async () => {
    const catalogue = await getCatalogue(budgetId);
    expect(catalogue!.budget.years).toEqual(years);
    expect(codes(catalogue)).toEqual([['ØU01', 'ISU05'], ['ISU20', 'TU04a']]);
    const [first, second] = catalogue!.lists;
    expect(first!.totals.SERVICE).toEqual({ [years[0]!]: -528, [years[1]!]: -557, [years[2]!]: -635 });
    expect(first!.totals.TRANSFER).toEqual({ [years[0]!]: 39, [years[1]!]: 78, [years[2]!]: 117 });
    expect(second!.totals.TRANSFER).toEqual({ [years[0]!]: 0, [years[1]!]: 0, [years[2]!]: 0 });
    const isu05 = first!.proposals[1]!;
    expect(isu05.lines.map((l) => [l.kind, l.type])).toEqual([['SERVICE', 'EFFICIENCY'], ['TRANSFER', 'EXTRA_EXPENDITURE']]);
    expect(isu05.committee).toEqual({ code: 'ISU', name: expect.toSatisfy((n) => n === null || typeof n === 'string') });
  });

  it('filters by committee, type and code/title search, keeping the totals of whole lists', async () => {
    const unfiltered = await getCatalogue(budgetId);
    const byCommittee = await getCatalogue(budgetId, { committee: 'ISU' });
    expect(codes(byCommittee)).toEqual([['ISU05'], ['ISU20']]);
    expect(byCommittee!.lists.map((l) => l.totals)).toEqual(unfiltered!.lists.map((l) => l.totals));
    expect(byCommittee!.lists.map((l) => l.proposalCount)).toEqual([2, 2]);

    expect(codes(await getCatalogue(budgetId, { type: 'EXTRA_EXPENDITURE' }))).toEqual([['ISU05'], []]);
    expect(codes(await getCatalogue(budgetId, { query: 'tu04A' }))).toEqual([[], ['TU04a']]);
    expect(codes(await getCatalogue(budgetId, { query: 'KØRSEL' }))).toEqual([['ISU05'], []]);
    expect(codes(await getCatalogue(budgetId, { committee: 'ISU', type: 'SAVING' }))).toEqual([[], []]);
  });

  it('returns null for an unknown budget', async () => {
    expect(await getCatalogue('no-such-budget')).toBeNull();
  });
});

describe('getProposal', () => {
  it('returns the full summary, list and lines', async () => {
    const { id } = await db.proposal.findUniqueOrThrow({ where: { budgetId_code: { budgetId, code: 'TU04a' } } });
    const proposal = await getProposal(id);
    expect(proposal).toMatchObject({ code: 'TU04a', title: 'Omlægning af områder', summary: sampleSummary(0), list: { incorporated: false } });
    expect(proposal!.lines).toEqual([{ kind: 'SERVICE', type: 'SAVING', amounts: { [years[0]!]: -100, [years[1]!]: -400, [years[2]!]: -500 } }]);
  });

  it('returns null for an unknown id', async () => {
    expect(await getProposal('missing')).toBeNull();
  });
});
