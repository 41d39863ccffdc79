import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { sumByKindAndYear } from '@/lib/budget/totals';
import { system, type Actor } from '@/lib/server/actor';
import { documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { getCatalogue, movedSinceOpened } from '@/lib/server/catalogue';
import { db } from '@/lib/server/db';
import { moveProposals } from '@/lib/server/proposal-moves';
import { answeredVersions, editProposal, proposalVersionHistory } from '@/lib/server/proposal-versions';
import { saveAnswer } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';
import { buildBudgetDocument, sampleSummary, uniqueYears } from '@/test/budget-document-builder';
import { isDomainError } from '@/lib/server/errors';

afterAll(() => db.$disconnect());

let staff: Actor;
beforeAll(async () => {
  const user = await db.user.create({ data: { email: `redaktoer-${randomUUID()}@example.test`, role: 'STAFF' } });
  staff = { kind: 'user', userId: user.id, role: 'STAFF' };
});

/** A budget of its own with two proposals in the first list and one in the second. */
async function budget() {
  const years = uniqueYears(2);
  const text = buildBudgetDocument(years, [
    {
      heading: 'Indarbejdes og sendes i høring',
      proposals: [
        { code: 'ØU01', title: 'Mere genbrug', summary: sampleSummary(0), service: { type: 'Besparelse', amounts: [-100, -200] } },
        { code: 'SU01', title: 'Kørsel', summary: sampleSummary(1), service: { type: 'Effektivisering', amounts: [-50, -50] }, transfer: { type: 'Merudgift', amounts: [10, 20] } },
      ],
    },
    { heading: 'Indarbejdes ikke, men sendes i høring', proposals: [{ code: 'TU04', title: 'Områder', summary: sampleSummary(2), service: { type: 'Besparelse', amounts: [-1250, -1250] } }] },
  ]);
  const { budgetId } = await importBudgetDocument(system, parseBudgetDocument(text), documentHash(text));
  const proposals = await db.proposal.findMany({ where: { budgetId } });
  return { budgetId, years, byCode: new Map(proposals.map((p) => [p.code, p])) };
}

describe('editProposal', () => {
  it('saves the edit as version 2, keeps version 1 as imported, and audits before and after', async () => {
    const { years, byCode } = await budget();
    const proposal = byCode.get('ØU01')!;
    const result = await editProposal(staff, {
      proposalId: proposal.id,
      expectedVersion: 1,
      title: 'Mere genbrug af inventar',
      summary: 'Nyt resumé',
      lines: [{ kind: 'SERVICE', type: 'EFFICIENCY', year: years[0]!, amount: -150 }],
      reason: 'Tal rettet efter seminaret',
    });
    expect(result).toEqual({ version: 2 });

    const stored = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id }, include: { lines: { include: { proposalKind: { select: { type: true } } } } } });
    expect([stored.version, stored.title, stored.summary]).toEqual([2, 'Mere genbrug af inventar', 'Nyt resumé']);
    expect(stored.lines.map((l) => [l.kind, l.proposalKind.type, l.year, l.amount])).toEqual([['SERVICE', 'EFFICIENCY', years[0], -150]]);

    const versions = await db.proposalVersion.findMany({ where: { proposalId: proposal.id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.title, v.reason, v.imported, v.editedById])).toEqual([
      [1, 'Mere genbrug', 'Import', true, null],
      [2, 'Mere genbrug af inventar', 'Tal rettet efter seminaret', false, staff.kind === 'user' ? staff.userId : null],
    ]);
    expect(versions[0]!.lines).toEqual(years.map((year, i) => ({ kind: 'SERVICE', type: 'SAVING', year, amount: [-100, -200][i] })));

    const history = await proposalVersionHistory(proposal.id);
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]!.changes).toEqual({
      title: true,
      summary: true,
      types: ['SERVICE'],
      amounts: [
        { kind: 'SERVICE', year: years[0], from: -100, to: -150 },
        { kind: 'SERVICE', year: years[1], from: -200, to: null },
      ],
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'proposal.edit', objectId: proposal.id } });
    expect(event.before).toMatchObject({ version: 1, title: 'Mere genbrug' });
    expect(event.after).toMatchObject({ version: 2, title: 'Mere genbrug af inventar' });
    expect(event.details).toEqual({ reason: 'Tal rettet efter seminaret' });
  });

  it('gives the second of concurrent edits of one version a conflict and writes one version', async () => {
    const { years, byCode } = await budget();
    const proposal = byCode.get('SU01')!;
    const edit = (amount: number) =>
      editProposal(staff, { proposalId: proposal.id, expectedVersion: 1, title: 'Kørsel', summary: 'x', lines: [{ kind: 'SERVICE', type: 'SAVING', year: years[0]!, amount }], reason: 'Samtidig' });
    const results = await Promise.allSettled([edit(-1), edit(-2), edit(-3)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => isDomainError(r.reason, 'proposal.versionConflict') && r.reason.params?.currentVersion === 2)).toBe(true);
    expect(await db.proposalVersion.count({ where: { proposalId: proposal.id } })).toBe(2);
    expect(await db.budgetLine.count({ where: { proposalId: proposal.id } })).toBe(1);
  });

  it('keeps the list totals equal to the sum of the lines after an edit', async () => {
    const { budgetId, years, byCode } = await budget();
    const proposal = byCode.get('SU01')!;
    const before = (await getCatalogue(budgetId))!.lists[0]!.totals;
    await editProposal(staff, {
      proposalId: proposal.id,
      expectedVersion: 1,
      title: 'Kørsel',
      summary: 'Resumé',
      lines: [
        { kind: 'SERVICE', type: 'EFFICIENCY', year: years[0]!, amount: -75 },
        { kind: 'SERVICE', type: 'EFFICIENCY', year: years[1]!, amount: -80 },
        { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', year: years[1]!, amount: 30 },
      ],
      reason: 'Nye tal',
    });
    const after = (await getCatalogue(budgetId))!.lists[0]!.totals;
    const lines = await db.budgetLine.findMany({ where: { proposal: { budgetId, listId: proposal.listId } } });
    expect(after).toEqual(sumByKindAndYear(lines, years));
    expect(after.SERVICE[years[0]!]).toBe(before.SERVICE[years[0]!]! - 75 + 50);
    expect(after.TRANSFER[years[0]!]).toBe(before.TRANSFER[years[0]!]! - 10);
  });

  it('refuses anyone but staff, and amounts outside the budget’s years', async () => {
    const { years, byCode } = await budget();
    const edit = { proposalId: byCode.get('TU04')!.id, expectedVersion: 1, title: 'T', summary: 'S', lines: [{ kind: 'SERVICE' as const, type: 'SAVING' as const, year: years[0]!, amount: -1 }], reason: 'r' };
    await expect(editProposal({ kind: 'user', userId: 'p', role: 'POLITICIAN' }, edit)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(editProposal(staff, { ...edit, lines: [{ ...edit.lines[0]!, year: 1999 }] })).rejects.toMatchObject({ code: 'proposal.yearOutsideBudget', params: { year: 1999 } });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: edit.proposalId } })).version).toBe(1);
  });
});

describe('answers and versions', () => {
  it('records the proposal version an answer was saved to, in the answer and in the submission', async () => {
    const { budgetId, years, byCode } = await budget();
    const proposal = byCode.get('ØU01')!;
    const consultation = await db.consultation.create({ data: { budgetId, title: 'Versioner', deadline: new Date(Date.now() + 86_400_000), status: 'OPEN', openedAt: new Date() } });
    const organisation = await db.organisation.create({ data: { name: `Versionsråd ${randomUUID()}`, type: 'OTHER' } });
    await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
    const user = await db.user.create({ data: { email: `svarer-${randomUUID()}@example.test`, role: 'PARTY_MEMBER' } });
    await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'SUBMITTER' } });
    const member: Actor = { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
    const key = { consultationId: consultation.id, organisationId: organisation.id };

    await saveAnswer(member, key, { proposalId: proposal.id, stance: 'OPPOSE', comment: 'Imod', confidential: false, expectedVersion: 0 });
    expect((await db.answer.findFirstOrThrow({ where: { proposalId: proposal.id } })).proposalVersion).toBe(1);

    await editProposal(staff, { proposalId: proposal.id, expectedVersion: 1, title: 'Ny titel', summary: 'Nyt', lines: [{ kind: 'SERVICE', type: 'SAVING', year: years[0]!, amount: -1 }], reason: 'Rettet' });
    expect((await answeredVersions(member, key)).get(proposal.id)).toEqual({ current: 2, answered: 1 });
    await expect(answeredVersions({ kind: 'user', userId: 'p', role: 'POLITICIAN' }, key)).rejects.toMatchObject({ code: 'forbidden' });

    await saveAnswer(member, key, { proposalId: proposal.id, stance: 'OPPOSE', comment: 'Stadig imod', confidential: false, expectedVersion: 1 });
    expect((await answeredVersions(member, key)).get(proposal.id)).toEqual({ current: 2, answered: 2 });
    await submitResponse(member, key);
    const submission = await db.submission.findFirstOrThrow({ where: { response: key } });
    expect(submission.snapshot).toMatchObject({ answers: [{ code: 'ØU01', proposalVersion: 2 }] });
  });
});

describe('movedSinceOpened', () => {
  it('announces a move made after the consultation opened, not one made before', async () => {
    const { budgetId, byCode } = await budget();
    const lists = await db.budgetList.findMany({ where: { budgetId }, orderBy: { position: 'asc' } });
    const [early, late] = [byCode.get('ØU01')!, byCode.get('SU01')!];
    await moveProposals(staff, { proposals: [{ proposalId: early.id, fromListId: lists[0]!.id }], toListId: lists[1]!.id, reason: 'Før høringen' });
    expect(await movedSinceOpened(early.id)).toBeNull();

    await db.consultation.create({ data: { budgetId, title: 'Åben', deadline: new Date(Date.now() + 86_400_000), status: 'OPEN', openedAt: new Date() } });
    await moveProposals(staff, { proposals: [{ proposalId: late.id, fromListId: lists[0]!.id }], toListId: lists[1]!.id, reason: 'Politisk ønske' });
    expect(await movedSinceOpened(early.id)).toBeNull();
    expect(await movedSinceOpened(late.id)).toMatchObject({ to: lists[1]!.name, reason: 'Politisk ønske' });
  });
});
