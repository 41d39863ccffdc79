import { describe, expect, expectTypeOf, it } from 'vitest';
import { ExpenditureKind as DbExpenditureKind, ProposalType as DbProposalType } from '@/lib/generated/prisma/enums';
import { EXPENDITURE_KINDS, PROPOSAL_TYPES, proposalTypeNamed, type ExpenditureKind, type ProposalType } from './vocabulary';

describe('the budget vocabulary', () => {
  it('has the values of the Prisma enums, in their order', () => {
    expect(PROPOSAL_TYPES).toEqual(Object.values(DbProposalType));
    expect(EXPENDITURE_KINDS).toEqual(Object.values(DbExpenditureKind));
    expectTypeOf<ProposalType>().toEqualTypeOf<DbProposalType>();
    expectTypeOf<ExpenditureKind>().toEqualTypeOf<DbExpenditureKind>();
  });

  it('knows the types by their Danish names, in any case', () => {
    expect(proposalTypeNamed('Besparelse')).toBe('SAVING');
    expect(proposalTypeNamed('MERINDTÆGT')).toBe('EXTRA_REVENUE');
    expect(proposalTypeNamed('Bespar')).toBeUndefined();
  });
});
