// Submitted responses and their receipts outlive deletes: the schema refuses (ON DELETE RESTRICT)
// where a cascade would once have removed them with their budget, consultation or organisation.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { db } from '@/lib/server/db';

afterAll(() => db.$disconnect());

async function submittedResponse() {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Opbevaring ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code: 'ØU01', title: 'Forslag', summary: 'Resumé', position: 0 } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, deadline: new Date(), status: 'CLOSED' } });
  const organisation = await db.organisation.create({ data: { name: `Opbevaringsråd ${suffix}`, type: 'SENIOR_COUNCIL' } });
  const response = await db.response.create({ data: { consultationId: consultation.id, organisationId: organisation.id, status: 'SUBMITTED' } });
  const snapshot = { generalRemarks: '', publicationConsent: false, answers: [], minorityStatements: [], attachments: [], submittedBy: null };
  const submission = await db.submission.create({ data: { responseId: response.id, version: 1, snapshot } });
  return { budget, consultation, organisation, response, submission };
}

const stillThere = async (ids: { response: { id: string }; submission: { id: bigint } }) => ({
  response: await db.response.count({ where: { id: ids.response.id } }),
  submission: await db.submission.count({ where: { id: ids.submission.id } }),
});

it('refuses to delete a budget whose consultation has a submitted response, and keeps the response and its receipt', async () => {
  const data = await submittedResponse();
  await expect(db.budget.delete({ where: { id: data.budget.id } })).rejects.toThrow(/Foreign key constraint|violates|restrict/i);
  expect(await stillThere(data)).toEqual({ response: 1, submission: 1 });
  expect(await db.budget.count({ where: { id: data.budget.id } })).toBe(1);
});

it('refuses to delete the consultation, the organisation or the response itself', async () => {
  const data = await submittedResponse();
  await expect(db.consultation.delete({ where: { id: data.consultation.id } })).rejects.toThrow();
  await expect(db.organisation.delete({ where: { id: data.organisation.id } })).rejects.toThrow();
  await expect(db.response.delete({ where: { id: data.response.id } })).rejects.toThrow();
  expect(await stillThere(data)).toEqual({ response: 1, submission: 1 });
});

it('still deletes a budget that nobody has answered', async () => {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Tom ${suffix}`, years: [2026] } });
  await db.consultation.create({ data: { budgetId: budget.id, title: `Tom høring ${suffix}`, deadline: new Date() } });
  await db.budget.delete({ where: { id: budget.id } });
  expect(await db.consultation.count({ where: { budgetId: budget.id } })).toBe(0);
});
