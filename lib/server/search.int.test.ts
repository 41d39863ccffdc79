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

describe('search as politicians type', () => {
  /** A published consultation on the setting's budget: the elders answer (one answer confidential), the school board consents too. */
  async function published() {
    const s = await setting();
    const list = await db.budgetList.findFirstOrThrow({ where: { budgetId: s.budget.id } });
    const privateSchools = await db.proposal.create({
      data: { budgetId: s.budget.id, listId: list.id, committeeCode: 'SU', code: 'ISU20', title: 'Lavere tilskud til privatskoler', summary: 'Skolegangen koster kommunen mindre.', position: 5 },
    });
    const { id } = await createConsultation(s.staff, { budgetId: s.budget.id, title: `Høring ${s.budget.name}`, description: '', deadline: new Date(Date.now() + 10 * DAY) });
    await setConsultationParties(s.staff, id, [s.elders.organisation.id, s.board.organisation.id]);
    await openConsultation(s.staff, id);
    const eldersKey = s.elders.key(id);
    await saveAnswer(s.elders.member, eldersKey, { proposalId: privateSchools.id, stance: 'OPPOSE', comment: 'Friskolerne og efterskolerne rammes også.', confidential: false, expectedVersion: 0 });
    await saveAnswer(s.elders.member, eldersKey, { proposalId: s.school.id, stance: 'REMARKS', comment: 'Fortroligt: vikarbudgettet er opbrugt.', confidential: true, expectedVersion: 0 });
    await saveConsent(s.elders.member, eldersKey, { publicationConsent: true, namesConsent: false });
    await submitResponse(s.elders.member, eldersKey);
    const boardKey = s.board.key(id);
    await saveGeneralRemarks(s.board.member, boardKey, { text: 'Bestyrelsen ønsker dialog.', expectedVersion: 0 });
    await saveConsent(s.board.member, boardKey, { publicationConsent: true, namesConsent: false });
    await submitResponse(s.board.member, boardKey);
    await closeConsultation(s.staff, id);
    for (const key of [eldersKey, boardKey]) await markNamesReviewed(s.staff, key);
    await publishConsultation(s.staff, id, { published: 2 });
    const find = (actor: Actor, query: string, more: { kind?: 'proposals' | 'responses' | 'organisations'; page?: number; limit?: number } = {}) =>
      search(actor, query, { budgetId: s.budget.id, marker: MARKER, ...more });
    return { ...s, id, privateSchools, find };
  }

  it('finds a proposal by its code, whatever the case and spacing, first of all', async () => {
    const { privateSchools, find } = await published();
    for (const query of ['ISU20', 'isu20', 'ISU 20', 'isu-20']) {
      const result = await find(anonymous, query);
      expect(result.proposals.hits[0], query).toEqual(expect.objectContaining({ id: privateSchools.id, code: 'ISU20' }));
    }
    // A code's beginning finds the codes it begins.
    expect((await find(anonymous, 'isu2')).proposals.hits.map((hit) => hit.code)).toEqual(['ISU20']);
  });

  it('finds word beginnings and the parts of compounds, and marks the words found', async () => {
    const { privateSchools, find, elders } = await published();
    const result = await find(anonymous, 'skole');
    expect(result.proposals.hits).toEqual([
      expect.objectContaining({ id: privateSchools.id, title: 'Lavere tilskud til <mark>privatskoler</mark>', excerpt: expect.stringContaining('<mark>Skolegangen</mark>') }),
    ]);
    // The elders' public answer names "friskolerne"; the board's name holds "Skole" too.
    expect(result.responses.hits).toEqual([expect.objectContaining({ organisation: elders.organisation.name, excerpt: expect.stringContaining('<mark>Friskolerne</mark>') }), expect.objectContaining({ part: 'generalRemarks' })]);
    // Two words: both must be found.
    expect((await find(anonymous, 'tilskud privatskole')).proposals.total).toBe(1);
    expect((await find(anonymous, 'tilskud svømmehal')).proposals.total).toBe(0);
  });

  it('reads backslashes and quotes in a query as text, not as query syntax', async () => {
    const { privateSchools, find } = await published();
    // A backslash or a quote next to a word is not part of the word: it still finds what the word finds.
    expect((await find(anonymous, 'privatskoler\\')).proposals.hits.map((hit) => hit.id)).toEqual([privateSchools.id]);
    expect((await find(anonymous, "friskolernes'")).responses.hits).toEqual([expect.objectContaining({ excerpt: expect.stringContaining('<mark>Friskolerne</mark>') })]);
    for (const query of ['<0\\', "\\'", "o'\\'x", '\\\\ skole']) {
      await expect(find(anonymous, query), query).resolves.toEqual(expect.objectContaining({ proposals: expect.any(Object) }));
    }
  });

  it('finds responses by the organisation name, and the organisation as a hit of its own', async () => {
    const { find, elders, id, politician, staff, budget } = await published();
    const result = await find(anonymous, 'ældrerådet');
    expect(result.organisations).toEqual({
      total: 1,
      hits: [{ consultation: expect.objectContaining({ id }), name: expect.stringContaining('<mark>Ældrerådet</mark>'), type: 'SENIOR_COUNCIL', href: `/insight/${id}/responses/${elders.organisation.id}` }],
    });
    // The public sees the elders' one public answer; a politician the confidential one as well.
    expect(result.responses.hits.map((hit) => hit.organisation)).toEqual([elders.organisation.name]);
    expect((await find(politician, 'ældrerådet')).responses.total).toBe(2);
    // A party is found before it has responded, linked to the consultation's page; a draft's
    // parties only by staff, as nothing of a draft reaches anyone else.
    const draft = await createConsultation(staff, { budgetId: budget.id, title: `Udkast ${budget.name}`, description: '', deadline: new Date(Date.now() + 10 * DAY) });
    await setConsultationParties(staff, draft.id, [elders.organisation.id]);
    expect((await find(anonymous, 'ældrerådet')).organisations.total).toBe(1);
    expect((await find(politician, 'ældrerådet')).organisations.total).toBe(1);
    expect((await find(staff, 'ældrerådet')).organisations.hits.map((hit) => hit.href).sort()).toEqual([`/consultations/${draft.id}`, `/insight/${id}/responses/${elders.organisation.id}`].sort());
  });

  it("never finds a confidential answer's words for the public, not even inside a word", async () => {
    const { find, politician, elders } = await published();
    for (const query of ['vikarbudget', 'budget', 'opbrugt']) {
      for (const actor of [anonymous, elders.member]) expect((await find(actor, query)).responses, query).toEqual({ total: 0, hits: [] });
      expect((await find(politician, query)).responses.total, query).toBe(1);
    }
  });

  it('pages through every hit of one kind and counts the others', async () => {
    const { budget, find } = await published();
    const list = await db.budgetList.findFirstOrThrow({ where: { budgetId: budget.id } });
    await db.proposal.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({ budgetId: budget.id, listId: list.id, committeeCode: 'SU', code: `VEJ${String(i).padStart(2, '0')}`, title: `Vejvedligehold ${i}`, summary: 'Vejene vedligeholdes sjældnere.', position: 20 + i })),
    });
    const first = await find(anonymous, 'vej', { kind: 'proposals' });
    const second = await find(anonymous, 'vej', { kind: 'proposals', page: 2 });
    expect([first.proposals.total, first.proposals.hits.length, second.proposals.total, second.proposals.hits.length]).toEqual([27, 25, 27, 2]);
    const codes = [...first.proposals.hits, ...second.proposals.hits].map((hit) => hit.code);
    expect(new Set(codes).size).toBe(27);
    // Past the last page: no hits, and still the count.
    expect((await find(anonymous, 'vej', { kind: 'proposals', page: 3 })).proposals).toEqual({ total: 27, hits: [] });
    // Paging one kind leaves the others at their first page.
    expect((await find(anonymous, 'skole', { kind: 'proposals', page: 2 })).responses.hits).toHaveLength(2);
  });
});
