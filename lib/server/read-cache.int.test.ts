import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { anonymous, system, type Actor } from '@/lib/server/actor';
import { documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { getCatalogue, getCurrentBudgetId, getProposal, movedSinceOpened } from '@/lib/server/catalogue';
import { renameCommittee } from '@/lib/server/committees';
import { closeConsultation, createConsultation, openConsultation, publishConsultation, setConsultationParties } from '@/lib/server/consultations';
import { db } from '@/lib/server/db';
import { getConsultationInsight } from '@/lib/server/insight';
import { addModeration } from '@/lib/server/moderation';
import { markNamesReviewed } from '@/lib/server/name-review';
import { moveProposals, proposalMoveHistory } from '@/lib/server/proposal-moves';
import { editProposal, proposalVersionHistory } from '@/lib/server/proposal-versions';
import { getPublicConsultation, getPublicResponse } from '@/lib/server/public-consultations';
import { getResponseStatus } from '@/lib/server/response-status';
import { visibleResponses } from '@/lib/server/response-views';
import { saveAnswer, saveConsent, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';
import { answerTarget } from '@/lib/moderation';
import { buildBudgetDocument, sampleSummary, uniqueYears } from '@/test/budget-document-builder';

// The read cache (read-cache.ts) keeps the catalogue, the consultations' published material and
// the municipality's settings (see municipality.int.test.ts) between requests. These tests read each cached view, change what it
// shows the way staff (or another app instance) do, and read again: the change must be there on
// the very next read, for every audience, and the public must never get what only the council reads.

// A second connection of its own: a change made through it is what another app instance's write
// looks like to this process, which hears nothing of it but what PostgreSQL says.
const otherInstance = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(async () => {
  await otherInstance.end();
  await db.$disconnect();
});

const DAY = 86_400_000;
let staff: Actor;
let admin: Actor;
let politician: Actor;
beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  const user = (role: 'STAFF' | 'ADMIN' | 'POLITICIAN') => db.user.create({ data: { email: `cache-${role.toLowerCase()}-${suffix}@example.test`, role, name: `Cache ${role}` } });
  const [s, a, p] = [await user('STAFF'), await user('ADMIN'), await user('POLITICIAN')];
  staff = { kind: 'user', userId: s.id, role: 'STAFF' };
  admin = { kind: 'user', userId: a.id, role: 'ADMIN' };
  politician = { kind: 'user', userId: p.id, role: 'POLITICIAN' };
});

/** A budget document of its own: two proposals on each list, with unique years and titles. */
function document(years: number[], titleOf: (code: string) => string, amount = -100) {
  const proposal = (code: string, i: number) => ({ code, title: titleOf(code), summary: sampleSummary(i), service: { type: 'Besparelse' as const, amounts: years.map((_, y) => amount * (i + 1) - y) } });
  return buildBudgetDocument(years, [
    { heading: 'Indarbejdes og sendes i høring', proposals: ['ØU01', 'SU01'].map(proposal) },
    { heading: 'Indarbejdes ikke, men sendes i høring', proposals: ['TU01', 'FKU01'].map((code, i) => proposal(code, i + 2)) },
  ]);
}

async function importDocument(text: string) {
  return importBudgetDocument(system, parseBudgetDocument(text), documentHash(text));
}

describe('the catalogue and the proposal pages', () => {
  let budgetId: string;
  let years: number[];
  let tag: string;
  const proposalByCode = async (code: string) => db.proposal.findFirstOrThrow({ where: { budgetId, code } });
  const titles = async () => (await getCatalogue(budgetId))!.lists.map((list) => list.proposals.map((p) => `${p.code} ${p.title}`));

  beforeAll(async () => {
    years = uniqueYears(4);
    tag = randomUUID().slice(0, 6);
    ({ budgetId } = await importDocument(document(years, (code) => `Forslag ${code} ${tag}`)));
  });

  it('shows a move on the next read: the lists, their totals, the history and the public notice', async () => {
    const [incorporated, notIncorporated] = await db.budgetList.findMany({ where: { budgetId }, orderBy: { position: 'asc' } });
    const su01 = await proposalByCode('SU01');
    const before = (await getCatalogue(budgetId))!;
    expect(await proposalMoveHistory(su01.id)).toEqual([]);
    expect((await getProposal(su01.id))!.list.name).toBe(incorporated!.name);
    // A consultation was opened, so the proposal's page announces a move after it.
    const { id } = await createConsultation(staff, { budgetId, title: `Flyttehøring ${tag}`, description: '', deadline: new Date(Date.now() + DAY) });
    const organisation = await db.organisation.create({ data: { name: `Flytterådet ${tag}`, type: 'SENIOR_COUNCIL' } });
    await setConsultationParties(staff, id, [organisation.id]);
    expect(await movedSinceOpened(su01.id)).toBeNull();
    await openConsultation(staff, id);

    await moveProposals(staff, { proposals: [{ proposalId: su01.id, fromListId: incorporated!.id }], toListId: notIncorporated!.id, reason: 'Politisk ønske' });

    const after = (await getCatalogue(budgetId))!;
    expect(after.lists[0]!.proposals.map((p) => p.code)).toEqual(['ØU01']);
    expect(after.lists[1]!.proposals.map((p) => p.code)).toContain('SU01');
    const moved = (await db.budgetLine.findMany({ where: { proposalId: su01.id, kind: 'SERVICE' } })).find((line) => line.year === years[0])!;
    expect(after.lists[0]!.totals.SERVICE[years[0]!]).toBe(before.lists[0]!.totals.SERVICE[years[0]!]! - moved.amount);
    expect((await getProposal(su01.id))!.list.name).toBe(notIncorporated!.name);
    expect(await proposalMoveHistory(su01.id)).toMatchObject([{ from: incorporated!.name, to: notIncorporated!.name, reason: 'Politisk ønske' }]);
    expect(await movedSinceOpened(su01.id)).toMatchObject({ to: notIncorporated!.name, reason: 'Politisk ønske' });
  });

  it('shows an edit on the next read: title, amounts, totals and the version history', async () => {
    const tu01 = await proposalByCode('TU01');
    const before = (await getCatalogue(budgetId))!;
    const page = (await getProposal(tu01.id))!;
    expect(await proposalVersionHistory(tu01.id)).toHaveLength(1);
    const lines = page.lines.flatMap((line) => years.map((year) => ({ kind: line.kind, type: line.type, year, amount: line.amounts[year]! - 7 })));

    await editProposal(staff, { proposalId: tu01.id, expectedVersion: page.version, title: `Rettet titel ${tag}`, summary: 'Rettet resumé.', lines, reason: 'Tastefejl' });

    const edited = (await getProposal(tu01.id))!;
    expect(edited).toMatchObject({ title: `Rettet titel ${tag}`, summary: 'Rettet resumé.', version: page.version + 1 });
    expect(edited.lines[0]!.amounts[years[0]!]).toBe(page.lines[0]!.amounts[years[0]!]! - 7);
    expect((await proposalVersionHistory(tu01.id))[0]).toMatchObject({ version: page.version + 1, reason: 'Tastefejl' });
    expect((await titles()).flat()).toContain(`TU01 Rettet titel ${tag}`);
    const list = (await getCatalogue(budgetId))!.lists.findIndex((l) => l.proposals.some((p) => p.id === tu01.id));
    expect((await getCatalogue(budgetId))!.lists[list]!.totals.SERVICE[years[0]!]).toBe(before.lists[list]!.totals.SERVICE[years[0]!]! - 7);
  });

  it('shows a committee’s new name on the next read', async () => {
    expect((await getCatalogue(budgetId))!.committees.find((c) => c.code === 'FKU')).toBeDefined();
    const name = `Fritids- og kulturudvalget ${tag}`;
    await renameCommittee(admin, 'FKU', name);
    expect((await getCatalogue(budgetId))!.committees.find((c) => c.code === 'FKU')!.name).toBe(name);
    expect((await getProposal((await proposalByCode('FKU01')).id))!.committee.name).toBe(name);
  });

  it('shows a re-import of the document on the next read, and a new budget becomes the current one', async () => {
    const ou01 = await proposalByCode('ØU01');
    expect((await getProposal(ou01.id))!.title).toBe(`Forslag ØU01 ${tag}`);
    await getCatalogue(budgetId);
    // The same budget (same years), its texts and amounts changed in the new edition.
    await importDocument(document(years, (code) => `Ny udgave ${code} ${tag}`, -200));
    expect((await getProposal(ou01.id))!.title).toBe(`Ny udgave ØU01 ${tag}`);
    expect((await getCatalogue(budgetId))!.lists[0]!.proposals[0]!.lines[0]!.amounts[years[0]!]).toBe(-200);

    expect(await getCurrentBudgetId()).toBeTruthy();
    const { budgetId: newest } = await importDocument(document(uniqueYears(4), (code) => `Næste budget ${code} ${tag}`));
    expect(await getCurrentBudgetId()).toBe(newest);
  });

  it('shows a change that another app instance committed, and nothing that is not committed yet', async () => {
    const fku01 = await proposalByCode('FKU01');
    expect((await titles()).flat()).toContain(`FKU01 ${(await getProposal(fku01.id))!.title}`);
    const client = await otherInstance.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE "Proposal" SET title = $1 WHERE id = $2', [`Fra en anden instans ${tag}`, fku01.id]);
      // Not committed: every read still gets the old title, and none caches the old one for later.
      expect((await getProposal(fku01.id))!.title).not.toContain('Fra en anden instans');
      expect((await titles()).flat().join()).not.toContain('Fra en anden instans');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await getProposal(fku01.id))!.title).toBe(`Fra en anden instans ${tag}`);
    expect((await titles()).flat()).toContain(`FKU01 Fra en anden instans ${tag}`);
  });

  it('hands out results nobody can change for the next reader', async () => {
    const catalogue = (await getCatalogue(budgetId))!;
    expect(() => {
      (catalogue.lists as unknown[]).pop();
    }).toThrow(TypeError);
    expect((await getCatalogue(budgetId))!.lists).toHaveLength(2);
  });
});

describe('a consultation’s responses, for each audience', () => {
  it('shows a submission, its publication and its moderation on the next read, and the public never what only the council reads', async () => {
    const suffix = randomUUID().slice(0, 8);
    const budget = await db.budget.create({ data: { name: `Cachehøring ${suffix}`, years: [2026] } });
    const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
    await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
    const proposal = (code: string, position: number) => db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code, title: `Plejehjem ${code}`, summary: 'Resumé', position } });
    const [open, secret] = [await proposal('SU01', 0), await proposal('SU02', 1)];
    const organisation = await db.organisation.create({ data: { name: `Ældrerådet ${suffix}`, type: 'SENIOR_COUNCIL' } });
    const member = await db.user.create({ data: { email: `formand-${suffix}@example.test`, role: 'PARTY_MEMBER', name: 'Formand' } });
    await db.membership.create({ data: { userId: member.id, organisationId: organisation.id, role: 'SUBMITTER' } });
    const elders: Actor = { kind: 'user', userId: member.id, role: 'PARTY_MEMBER' };
    const { id } = await createConsultation(staff, { budgetId: budget.id, title: `Cachehøring ${suffix}`, description: '', deadline: new Date(Date.now() + DAY) });
    await setConsultationParties(staff, id, [organisation.id]);
    const key = { consultationId: id, organisationId: organisation.id };
    const marker = '[udeladt]';
    const comments = async (actor: Actor) => (await visibleResponses(actor, id, marker))?.responses.flatMap((r) => r.answers.map((a) => a.comment)) ?? null;

    // A draft is in no audience's view, and staff see the draft consultation, the public nothing.
    expect(await getPublicConsultation(id, marker)).toBeNull();
    expect(await comments(anonymous)).toBeNull();
    expect(await comments(staff)).toEqual([]);
    await openConsultation(staff, id);
    expect(await getPublicConsultation(id, marker)).toMatchObject({ status: 'OPEN', responses: [] });
    expect(await comments(politician)).toEqual([]);

    await saveGeneralRemarks(elders, key, { text: 'Vi er bekymrede.', expectedVersion: 0 });
    await saveAnswer(elders, key, { proposalId: open.id, stance: 'OPPOSE', comment: 'Det rammer beboerne.', confidential: false, expectedVersion: 0 });
    await saveAnswer(elders, key, { proposalId: secret.id, stance: 'SUPPORT', comment: 'Kun til byrådet.', confidential: true, expectedVersion: 0 });
    await saveConsent(elders, key, { publicationConsent: true, namesConsent: false });
    expect(await comments(politician)).toEqual([]);
    expect(await getResponseStatus(politician, id)).toMatchObject({ responded: 0, parties: 1 });
    await submitResponse(elders, key);
    expect(await getResponseStatus(politician, id)).toMatchObject({ responded: 1, parties: 1 });

    // The council reads it whole at once; the public, before publication, nothing of it.
    expect(await comments(politician)).toEqual(['Det rammer beboerne.', 'Kun til byrådet.']);
    expect((await getConsultationInsight(staff, id, marker))!.responses).toHaveLength(1);
    expect(await comments(anonymous)).toEqual([]);
    expect((await getConsultationInsight(anonymous, id, marker))!.responses).toEqual([]);
    expect((await getPublicConsultation(id, marker))!.responses).toEqual([]);
    expect(await getPublicResponse(id, organisation.id, marker)).toBeNull();

    await closeConsultation(staff, id);
    expect((await getPublicConsultation(id, marker))!.status).toBe('CLOSED');
    await markNamesReviewed(staff, key);
    await publishConsultation(staff, id, { published: 1 });

    // Published: the public reads it as consented, the confidential answer left out, though the
    // council's whole view of the same consultation is in the cache.
    expect(await comments(politician)).toEqual(['Det rammer beboerne.', 'Kun til byrådet.']);
    expect(await comments(anonymous)).toEqual(['Det rammer beboerne.']);
    expect((await getConsultationInsight(anonymous, id, marker))!.responses.flatMap((r) => r.answers.map((a) => a.comment))).toEqual(['Det rammer beboerne.']);
    expect(await getPublicConsultation(id, marker)).toMatchObject({ status: 'PUBLISHED', responses: [{ organisationId: organisation.id, counts: { OPPOSE: 1, SUPPORT: 0 } }] });
    expect((await getPublicResponse(id, organisation.id, marker))!.response.answers.map((a) => a.comment)).toEqual(['Det rammer beboerne.']);

    // Moderation after publication reaches the public on the next read; the council still reads it whole.
    await addModeration(staff, key, { target: answerTarget(open.id), kind: 'HIDE', reason: 'Krænkende' });
    expect(await comments(anonymous)).toEqual([null]);
    expect((await getPublicResponse(id, organisation.id, marker))!.response.answers.map((a) => a.comment)).toEqual([null]);
    expect(await comments(politician)).toEqual(['Det rammer beboerne.', 'Kun til byrådet.']);

    // An organisation's new name, from another instance, on every page that shows it.
    await otherInstance.query('UPDATE "Organisation" SET name = $1 WHERE id = $2', [`Seniorrådet ${suffix}`, organisation.id]);
    expect((await getPublicConsultation(id, marker))!.responses[0]!.organisation.name).toBe(`Seniorrådet ${suffix}`);
    expect((await visibleResponses(politician, id, marker))!.responses[0]!.organisation.name).toBe(`Seniorrådet ${suffix}`);
    expect((await getResponseStatus(staff, id))!.groups[0]!.responded[0]!.name).toBe(`Seniorrådet ${suffix}`);
  });

  it('does not count autosaves of a draft as a change, so the deadline rush leaves the cache alone', async () => {
    const suffix = randomUUID().slice(0, 8);
    const budget = await db.budget.create({ data: { name: `Kladdehøring ${suffix}`, years: [2026] } });
    const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
    await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
    const proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code: 'SU01', title: 'Plejehjem', summary: 'Resumé', position: 0 } });
    const organisation = await db.organisation.create({ data: { name: `Kladderådet ${suffix}`, type: 'SENIOR_COUNCIL' } });
    const member = await db.user.create({ data: { email: `kladde-${suffix}@example.test`, role: 'PARTY_MEMBER' } });
    await db.membership.create({ data: { userId: member.id, organisationId: organisation.id, role: 'SUBMITTER' } });
    const actor: Actor = { kind: 'user', userId: member.id, role: 'PARTY_MEMBER' };
    const { id } = await createConsultation(staff, { budgetId: budget.id, title: `Kladdehøring ${suffix}`, description: '', deadline: new Date(Date.now() + DAY) });
    await setConsultationParties(staff, id, [organisation.id]);
    await openConsultation(staff, id);
    const key = { consultationId: id, organisationId: organisation.id };
    await saveGeneralRemarks(actor, key, { text: 'Første udkast', expectedVersion: 0 });

    // Other tests write in parallel, so this transaction's own view decides: the counter row is
    // locked by any writer that counts, and the saves below must not take that lock.
    const generation = async () => (await otherInstance.query<{ consultation: string }>('SELECT consultation::text FROM "CacheGeneration" WHERE id = 1')).rows[0]!.consultation;
    const client = await otherInstance.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM "CacheGeneration" WHERE id = 1 FOR UPDATE');
      // With the counter locked, a save that counted would wait here; these finish.
      await saveGeneralRemarks(actor, key, { text: 'Andet udkast', expectedVersion: 1 });
      await saveAnswer(actor, key, { proposalId: proposal.id, stance: 'REMARKS', comment: 'Udkast', confidential: false, expectedVersion: 0 });
      await saveConsent(actor, key, { publicationConsent: true, namesConsent: true });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const before = await generation();
    await submitResponse(actor, key);
    expect(BigInt(await generation())).toBeGreaterThan(BigInt(before));
  });
});
