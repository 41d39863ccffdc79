import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { system, type Actor } from '@/lib/server/actor';
import { documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { db } from '@/lib/server/db';
import { isDomainError } from '@/lib/server/errors';
import { responseFormContext } from '@/lib/server/response-form';
import { buildBudgetDocument, sampleSummary, uniqueYears } from '@/test/budget-document-builder';

afterAll(() => db.$disconnect());

async function party() {
  const years = uniqueYears(2);
  const text = buildBudgetDocument(years, [
    {
      heading: 'Indarbejdes og sendes i høring',
      proposals: [{ code: 'SU01', title: 'Kørsel', summary: sampleSummary(1), service: { type: 'Effektivisering', amounts: [-50, -60] }, transfer: { type: 'Merudgift', amounts: [10, 20] } }],
    },
  ]);
  const { budgetId } = await importBudgetDocument(system, parseBudgetDocument(text), documentHash(text));
  const consultation = await db.consultation.create({ data: { budgetId, title: 'Høring', deadline: new Date(Date.now() + 86_400_000), status: 'OPEN' } });
  const organisation = await db.organisation.create({ data: { name: `Råd ${randomUUID()}`, type: 'OTHER' } });
  await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  const user = async (member: boolean): Promise<Actor> => {
    const row = await db.user.create({ data: { email: `medlem-${randomUUID()}@example.test`, role: 'PARTY_MEMBER' } });
    if (member) await db.membership.create({ data: { userId: row.id, organisationId: organisation.id, role: 'EDITOR' } });
    return { kind: 'user', userId: row.id, role: 'PARTY_MEMBER' };
  };
  return { years, key: { consultationId: consultation.id, organisationId: organisation.id }, member: await user(true), outsider: await user(false) };
}

it("gives a member each proposal's summary, committee and amounts per kind and year, and refuses others", async () => {
  const { years, key, member, outsider } = await party();
  const context = await responseFormContext(member, key);
  expect(context.years).toEqual(years);
  const [proposal] = [...context.proposals.values()];
  expect(proposal!.summary).toBe(sampleSummary(1));
  expect(proposal!.committee.code).toBe('SU');
  expect(proposal!.lines).toEqual([
    { kind: 'SERVICE', type: 'EFFICIENCY', amounts: { [years[0]!]: -50, [years[1]!]: -60 } },
    { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', amounts: { [years[0]!]: 10, [years[1]!]: 20 } },
  ]);
  await expect(responseFormContext(outsider, key)).rejects.toSatisfy((error) => isDomainError(error) && error.code === 'forbidden');
});
