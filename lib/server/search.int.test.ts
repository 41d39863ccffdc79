import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymous, type Actor, type UserActor } from '@/lib/server/actor';
import { closeConsultation, createConsultation, openConsultation, publishConsultation, setConsultationParties } from '@/lib/server/consultations';
import { db } from '@/lib/server/db';
import { addModeration } from '@/lib/server/moderation';
import { markNamesReviewed } from '@/lib/server/name-review';
import { addMinorityStatement, saveAnswer, saveConsent, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';
import { search } from '@/lib/server/search';

afterAll(() => db.$disconnect());

const DAY = 86_400_000;
const MARKER = '[udeladt]';

/** A budget of its own (so other tests' texts stay out of the results) with two proposals, and users of every audience. */
async function setting() {
  const suffix = randomUUID().slice(0, 8);
  const user = async (role: 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER', name: string): Promise<UserActor> => {
    const created = await db.user.create({ data: { email: `${name}-${suffix}@example.test`, role, name } });
    return { kind: 'user', userId: created.id, role };
  };
  const staff = await user('STAFF', 'staff');
  const politician = await user('POLITICIAN', 'politiker');
  const budget = await db.budget.create({ data: { name: `Søgning ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  const proposal = (code: string, title: string, summary: string, position: number) =>
    db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code, title, summary, position } });
  const care = await proposal('SU01', 'Færre nattevagter', 'Bemandingen om natten på plejehjemmene reduceres.', 0);
  const school = await proposal('SU02', 'Lukning af svømmehal', 'Svømmehallen lukkes om sommeren.', 1);
  const party = async (name: string) => {
    const organisation = await db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'SENIOR_COUNCIL' } });
    const member = await user('PARTY_MEMBER', name.toLowerCase());
    await db.membership.create({ data: { userId: member.userId, organisationId: organisation.id, role: 'SUBMITTER' } });
    return { organisation, member, key: (consultationId: string) => ({ consultationId, organisationId: organisation.id }) };
  };
  return { staff, politician, budget, care, school, elders: await party('Ældrerådet'), board: await party('Skolebestyrelsen') };
}

const texts = (result: Awaited<ReturnType<typeof search>>) => result.responses.hits.map((hit) => hit.excerpt);

describe('search', () => {
  it('finds inflected Danish words, and responses only as each audience may read them', async () => {
    const { staff, politician, budget, care, school, elders, board } = await setting();
    const find = (actor: Actor, query: string) => search(actor, query, { budgetId: budget.id, marker: MARKER });
    const { id } = await createConsultation(staff, { budgetId: budget.id, title: `Høring ${budget.name}`, description: '', deadline: new Date(Date.now() + 10 * DAY) });
    await setConsultationParties(staff, id, [elders.organisation.id, board.organisation.id]);
    await openConsultation(staff, id);

    // The elders consent to publication; one answer is confidential, one passage will be redacted.
    const eldersKey = elders.key(id);
    await saveGeneralRemarks(elders.member, eldersKey, { text: 'Beboerne på plejehjemmet mærker det først. Ring til Jens Fiskersen for uddybning.', expectedVersion: 0 });
    await saveAnswer(elders.member, eldersKey, { proposalId: care.id, stance: 'OPPOSE', comment: 'Nattevagterne er allerede for få.', confidential: false, expectedVersion: 0 });
    await saveAnswer(elders.member, eldersKey, { proposalId: school.id, stance: 'REMARKS', comment: 'Fortroligt: vikarbudgettet er opbrugt.', confidential: true, expectedVersion: 0 });
    await addMinorityStatement(elders.member, eldersKey, 'Et mindretal ønsker badmintonhallen bevaret.');
    await saveConsent(elders.member, eldersKey, { publicationConsent: true, namesConsent: false });
    await submitResponse(elders.member, eldersKey);
    // The school board does not consent.
    await saveGeneralRemarks(board.member, board.key(id), { text: 'Skolegården trænger til renovering.', expectedVersion: 0 });
    await submitResponse(board.member, board.key(id));

    // Proposals are public at once; "plejehjem" finds "plejehjemmene" in a summary.
    const before = await find(anonymous, 'plejehjem');
    expect(before.proposals).toEqual({ total: 1, hits: [{ id: care.id, code: 'SU01', title: 'Færre nattevagter', excerpt: expect.stringContaining('<mark>plejehjemmene</mark>'), href: `/proposals/${care.id}` }] });
    // Before publication the public finds no response; staff and politicians find them at once.
    expect(before.responses).toEqual({ total: 0, hits: [] });
    for (const actor of [staff, politician]) {
      expect(texts(await find(actor, 'plejehjem'))).toEqual([expect.stringContaining('<mark>plejehjemmet</mark>')]);
    }

    await closeConsultation(staff, id);
    await addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'REDACT', passage: 'Jens Fiskersen', reason: 'Personoplysninger' });
    expect((await find(elders.member, 'plejehjem')).responses.total).toBe(0);
    await markNamesReviewed(staff, eldersKey);
    await publishConsultation(staff, id, { published: 1 });

    const published = await find(anonymous, 'plejehjem');
    expect(published.responses.hits).toEqual([
      {
        consultation: { id, title: `Høring ${budget.name}` },
        organisation: elders.organisation.name,
        part: 'generalRemarks',
        proposal: null,
        stance: null,
        excerpt: expect.stringContaining(`<mark>plejehjemmet</mark>`),
        href: `/insight/${id}/responses/${elders.organisation.id}`,
      },
    ]);
    expect(published.responses.hits[0]!.excerpt).toContain(MARKER);
    // Matches in both title and summary, and the answer to the proposal.
    const nightShifts = await find(anonymous, 'nattevagt');
    expect(nightShifts.proposals.hits.map((hit) => hit.title)).toEqual(['Færre <mark>nattevagter</mark>']);
    expect(nightShifts.responses.hits).toEqual([expect.objectContaining({ part: 'answer', proposal: { id: care.id, code: 'SU01' }, stance: 'OPPOSE', excerpt: '<mark>Nattevagterne</mark> er allerede for få' })]);
    expect((await find(anonymous, 'badmintonhal')).responses.hits).toEqual([expect.objectContaining({ part: 'minority', excerpt: expect.stringContaining('<mark>badmintonhallen</mark>') })]);

    // The redacted passage, the confidential answer and the unconsented response stay out of the
    // public's search, a party member's included; staff and politicians find them whole.
    for (const query of ['Fiskersen', 'vikarbudgettet', 'skolegård']) {
      for (const actor of [anonymous, elders.member]) expect((await find(actor, query)).responses).toEqual({ total: 0, hits: [] });
      for (const actor of [staff, politician]) expect((await find(actor, query)).responses.total).toBe(1);
    }
    const staffHit = (await find(staff, 'Fiskersen')).responses.hits[0]!;
    expect(staffHit.excerpt).toContain('<mark>Fiskersen</mark>');
    expect(staffHit.href).toBe(`/insight/${id}/responses/${elders.organisation.id}`);
  });

  it('counts all matches but returns at most the limit, and refuses a query out of bounds', async () => {
    const { staff, budget } = await setting();
    const list = await db.budgetList.findFirstOrThrow({ where: { budgetId: budget.id } });
    await db.proposal.createMany({
      data: Array.from({ length: 4 }, (_, i) => ({ budgetId: budget.id, listId: list.id, committeeCode: 'SU', code: `TU0${i}`, title: `Vejvedligehold ${i}`, summary: 'Vejene vedligeholdes sjældnere.', position: 10 + i })),
    });
    const result = await search(staff, 'vej', { budgetId: budget.id, marker: MARKER, limit: 2 });
    expect(result.proposals.total).toBe(4);
    expect(result.proposals.hits).toHaveLength(2);
    // Only stop words: nothing to search for, and no error.
    expect((await search(staff, 'og i', { budgetId: budget.id, marker: MARKER })).proposals.total).toBe(0);
    await expect(search(staff, 'x', { budgetId: budget.id, marker: MARKER })).rejects.toThrow();
    await expect(search(staff, 'x'.repeat(101), { budgetId: budget.id, marker: MARKER })).rejects.toThrow();
  });
});
