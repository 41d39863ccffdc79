import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MoveState } from '@/app/staff/proposals/actions';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { sumByKindAndYear } from '@/lib/budget/totals';
import { system, type Actor } from '@/lib/server/actor';
import { documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { getCatalogue } from '@/lib/server/catalogue';
import { db } from '@/lib/server/db';
import { moveProposals, proposalMoveHistory } from '@/lib/server/proposal-moves';
import { buildBudgetDocument, sampleSummary, uniqueYears } from '@/test/budget-document-builder';
import { isDomainError } from '@/lib/server/errors';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/server/session', () => ({ currentActor: async () => session.actor, currentUser: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

afterAll(() => db.$disconnect());

let staff: Actor;
beforeAll(async () => {
  const user = await db.user.create({ data: { email: `flytter-${Date.now()}-${Math.random()}@example.test`, role: 'STAFF' } });
  staff = { kind: 'user', userId: user.id, role: 'STAFF' };
});
const CODES = ['ØU01', 'ØU02', 'ISU05', 'SU01', 'TU04a', 'FKU03'];

/** A budget of its own: six proposals, some with transfer lines, spread over the two lists. */
async function budget() {
  const years = uniqueYears(3);
  const proposal = (code: string, i: number) => ({
    code,
    title: `Forslag ${code}`,
    summary: sampleSummary(i),
    service: { type: 'Besparelse' as const, amounts: years.map((_, y) => -100 * (i + 1) - y) },
    ...(i % 2 ? { transfer: { type: 'Merudgift' as const, amounts: years.map((_, y) => 10 * (i + 1) + y) } } : {}),
  });
  const text = buildBudgetDocument(years, [
    { heading: 'Indarbejdes og sendes i høring', proposals: CODES.slice(0, 3).map(proposal) },
    { heading: 'Indarbejdes ikke, men sendes i høring', proposals: CODES.slice(3).map((code, i) => proposal(code, i + 3)) },
  ]);
  const { budgetId } = await importBudgetDocument(system, parseBudgetDocument(text), documentHash(text));
  const lists = await db.budgetList.findMany({ where: { budgetId }, orderBy: { position: 'asc' } });
  const proposals = await db.proposal.findMany({ where: { budgetId } });
  return { budgetId, years, lists, byCode: new Map(proposals.map((p) => [p.code, p])) };
}

/** Totals computed independently of the catalogue: straight from the stored lines. */
async function totalsFromLines(budgetId: string, years: number[]) {
  const lists = await db.budgetList.findMany({ where: { budgetId }, orderBy: { position: 'asc' }, include: { proposals: { include: { lines: true } } } });
  return lists.map((list) => sumByKindAndYear(list.proposals.flatMap((p) => p.lines), years));
}

describe('moveProposals', () => {
  let world: Awaited<ReturnType<typeof budget>>;
  beforeAll(async () => {
    world = await budget();
  });

  it('moves with a reason, records the history, and the list totals follow by the proposal’s amounts', async () => {
    const [incorporated, notIncorporated] = world.lists;
    const isu05 = world.byCode.get('ISU05')!;
    const before = (await getCatalogue(world.budgetId))!;
    const result = await moveProposals(staff, { proposals: [{ proposalId: isu05.id, fromListId: incorporated!.id }], toListId: notIncorporated!.id, reason: 'Politisk ønske' });
    const after = (await getCatalogue(world.budgetId))!;
    // The move reports the same before and after as the catalogue shows.
    expect(result.lists.map((list) => [list.name, list.before, list.after])).toEqual(after.lists.map((list, i) => [list.name, before.lists[i]!.totals, list.totals]));
    const lines = await db.budgetLine.findMany({ where: { proposalId: isu05.id } });
    for (const { kind, year, amount } of lines) {
      expect(after.lists[0]!.totals[kind][year]).toBe(before.lists[0]!.totals[kind][year]! - amount);
      expect(after.lists[1]!.totals[kind][year]).toBe(before.lists[1]!.totals[kind][year]! + amount);
    }
    expect(await proposalMoveHistory(isu05.id)).toMatchObject([{ from: incorporated!.name, to: notIncorporated!.name, reason: 'Politisk ønske' }]);
    expect(await db.auditEvent.count({ where: { action: 'proposal.move', objectId: isu05.id } })).toBe(1);
  });

  it('leaves a proposal that is on the target list already, reports it, and moves the others', async () => {
    const [incorporated, notIncorporated] = world.lists;
    const [isu05, su01] = [world.byCode.get('ISU05')!, world.byCode.get('SU01')!];
    // ISU05 is where the mover saw it; SU01 was shown on the target list already.
    const from = (await db.proposal.findUniqueOrThrow({ where: { id: isu05.id } })).listId;
    const to = from === incorporated!.id ? notIncorporated! : incorporated!;
    const result = await moveProposals(staff, { proposals: [{ proposalId: isu05.id, fromListId: from }, { proposalId: su01.id, fromListId: to.id }], toListId: to.id, reason: 'Begge valgt' });
    expect(result).toMatchObject({ moved: 1, alreadyOnList: ['SU01'], toList: to.name });
    expect(await db.proposalMove.count({ where: { proposalId: su01.id } })).toBe(0);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: isu05.id } })).listId).toBe(to.id);
  });

  it('refuses anyone but staff', async () => {
    const [incorporated, notIncorporated] = world.lists;
    const request = { proposals: [{ proposalId: world.byCode.get('ØU01')!.id, fromListId: incorporated!.id }], toListId: notIncorporated!.id, reason: 'x' };
    await expect(moveProposals({ kind: 'user', userId: 'p', role: 'POLITICIAN' }, request)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives the second of two concurrent moves a conflict and moves the proposal once', async () => {
    const [incorporated, notIncorporated] = world.lists;
    const proposal = world.byCode.get('ØU02')!;
    const move = () => moveProposals(staff, { proposals: [{ proposalId: proposal.id, fromListId: incorporated!.id }], toListId: notIncorporated!.id, reason: 'Samtidig' });
    const results = await Promise.allSettled([move(), move(), move()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => isDomainError((r as PromiseRejectedResult).reason, 'proposal.moveConflict'))).toBe(true);
    expect(await db.proposalMove.count({ where: { proposalId: proposal.id } })).toBe(1);
  });
});

it('keeps the list totals equal to the sum of the lines after any sequence of moves', async () => {
  const world = await budget();
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.subarray(CODES, { minLength: 1 }), fc.boolean()), { minLength: 1, maxLength: 6 }), async (steps) => {
      for (const [codes, toFirst] of steps) {
        const target = world.lists[toFirst ? 0 : 1]!;
        const current = await db.proposal.findMany({ where: { id: { in: codes.map((c) => world.byCode.get(c)!.id) } } });
        const moving = current.filter((p) => p.listId !== target.id);
        if (moving.length) await moveProposals(staff, { proposals: moving.map((p) => ({ proposalId: p.id, fromListId: p.listId })), toListId: target.id, reason: 'Egenskabstest' });
      }
      const catalogue = (await getCatalogue(world.budgetId))!;
      expect(catalogue.lists.map((l) => l.totals)).toEqual(await totalsFromLines(world.budgetId, world.years));
      // Nothing is lost or counted twice: both lists together always hold every amount once.
      const all = sumByKindAndYear((await db.budgetLine.findMany({ where: { proposal: { budgetId: world.budgetId } } })), world.years);
      for (const kind of ['SERVICE', 'TRANSFER'] as const) {
        for (const year of world.years) expect(catalogue.lists[0]!.totals[kind][year]! + catalogue.lists[1]!.totals[kind][year]!).toBe(all[kind][year]);
      }
    }),
    { numRuns: 25 },
  );
});

describe('moveProposalsAction', () => {
  it('reports each list’s service and transfer totals before and after, and names a proposal already on the chosen list', async () => {
    const world = await budget();
    const [incorporated, notIncorporated] = world.lists;
    // ØU02 (index 1) has a transfer line; FKU03 (index 5) is on the target list already.
    const [moving, staying] = [world.byCode.get('ØU02')!, world.byCode.get('FKU03')!];
    const catalogueBefore = (await getCatalogue(world.budgetId))!;
    session.actor = staff;
    const { moveProposalsAction } = await import('@/app/staff/proposals/actions');
    const data = new FormData();
    data.set('toListId', notIncorporated!.id);
    data.set('reason', 'Forhandlet');
    data.append('proposal', `${moving.id}:${incorporated!.id}`);
    data.append('proposal', `${staying.id}:${notIncorporated!.id}`);
    const state: MoveState = await moveProposalsAction({ status: 'idle' }, data);

    expect(state).toMatchObject({ status: 'success', message: 'staff.moves.movedSomeAlreadyThere', params: { count: 1, codes: 'FKU03', already: 1, list: notIncorporated!.name } });
    const catalogueAfter = (await getCatalogue(world.budgetId))!;
    expect(state.comparison).toEqual(catalogueAfter.lists.map((list, i) => ({ list: list.name, before: catalogueBefore.lists[i]!.totals, after: list.totals })));
    // Service and transfers are totals of their own: ØU02's transfer line moved with it.
    const [y] = world.years;
    const transfer = (await db.budgetLine.findFirstOrThrow({ where: { proposalId: moving.id, kind: 'TRANSFER', year: y } })).amount;
    const service = (await db.budgetLine.findFirstOrThrow({ where: { proposalId: moving.id, kind: 'SERVICE', year: y } })).amount;
    expect(state.comparison![0]!.after.TRANSFER[y!]).toBe(state.comparison![0]!.before.TRANSFER[y!]! - transfer);
    expect(state.comparison![0]!.after.SERVICE[y!]).toBe(state.comparison![0]!.before.SERVICE[y!]! - service);
    expect(state.comparison![1]!.after.TRANSFER[y!]).toBe(state.comparison![1]!.before.TRANSFER[y!]! + transfer);

    // Only proposals already there: nothing moves, and the message says so.
    const again = new FormData();
    again.set('toListId', notIncorporated!.id);
    again.set('reason', 'Igen');
    again.append('proposal', `${staying.id}:${notIncorporated!.id}`);
    expect(await moveProposalsAction({ status: 'idle' }, again)).toMatchObject({ status: 'success', params: { count: 0, codes: 'FKU03' } });
    expect(await db.proposalMove.count({ where: { proposalId: staying.id } })).toBe(0);
  });
});
