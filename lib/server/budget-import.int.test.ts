import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetDocumentError, parseBudgetDocument } from '@/lib/budget-document/parse';
import { sumByKindAndYear } from '@/lib/budget/totals';
import { anonymous, system, type Actor } from '@/lib/server/actor';
import { budgetNameFor, documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { db } from '@/lib/server/db';
import { moveProposals } from '@/lib/server/proposal-moves';
import { editProposal } from '@/lib/server/proposal-versions';
import { buildBudgetDocument, sampleSummary, uniqueYears } from '@/test/budget-document-builder';

afterAll(() => db.$disconnect());

function smallDocument(years: number[], serviceAmount = -100) {
  return buildBudgetDocument(years, [
    {
      heading: 'Indarbejdes og sendes i høring',
      proposals: [
        { code: 'ØU01', title: 'Mindre nyindkøb, mere genbrug af inventar', summary: sampleSummary(0), service: { type: 'Effektivisering', amounts: years.map(() => serviceAmount) } },
        {
          code: 'ISU05',
          title: 'Serviceniveau på kørsel',
          summary: sampleSummary(1),
          service: { type: 'Effektivisering', amounts: years.map((_, i) => -28 * (i + 1)) },
          transfer: { type: 'Merudgift', amounts: years.map((_, i) => 39 * (i + 1)) },
        },
      ],
    },
    {
      heading: 'Indarbejdes ikke, men sendes i høring',
      proposals: [{ code: 'TU04a', title: 'Omlægning af områder', summary: sampleSummary(2), service: { type: 'Besparelse', amounts: years.map(() => -1250) } }],
    },
  ]);
}

async function importText(text: string, actor: Actor = system) {
  return importBudgetDocument(actor, parseBudgetDocument(text), documentHash(text));
}

describe('importing the seminar document', () => {
  const text = readFileSync(path.resolve(import.meta.dirname, '../../prisma/seed-data/budget-seminar-2025-08-29.txt'), 'utf8');

  it('stores 31 proposals whose line sums equal the printed totals, and a second import changes nothing', async () => {
    const parsed = parseBudgetDocument(text);
    const first = await importText(text);
    expect(first.budgetName).toBe('Budget 2026-2029');

    const lists = await db.budgetList.findMany({
      where: { budgetId: first.budgetId },
      orderBy: { position: 'asc' },
      include: { proposals: { include: { lines: true } } },
    });
    expect(lists.map((l) => [l.name, l.incorporated, l.proposals.length])).toEqual([
      ['Indarbejdes og sendes i høring', true, 10],
      ['Indarbejdes ikke, men sendes i høring', false, 21],
    ]);
    for (const [i, list] of lists.entries()) {
      const stored = sumByKindAndYear(list.proposals.flatMap((p) => p.lines), parsed.years);
      const printed = parsed.lists[i]!.printedTotals;
      for (const { kind, year, amount } of printed) expect(stored[kind][year], `${list.name} ${kind} ${year}`).toBe(amount);
    }

    const again = await importText(text);
    expect(again).toMatchObject({ budgetId: first.budgetId, changes: 0, notInDocument: [] });
  });
});

describe('importBudgetDocument', () => {
  it('is idempotent and stores integer amounts per kind, year and type', async () => {
    const years = uniqueYears();
    const text = smallDocument(years);
    const first = await importText(text);
    expect(first.changes).toBeGreaterThan(0);
    expect((await importText(text)).changes).toBe(0);

    const isu05 = await db.proposal.findUniqueOrThrow({
      where: { budgetId_code: { budgetId: first.budgetId, code: 'ISU05' } },
      include: { lines: { orderBy: [{ kind: 'asc' }, { year: 'asc' }], include: { proposalKind: { select: { type: true } } } } },
    });
    expect(isu05.committeeCode).toBe('ISU');
    expect(isu05.lines.map((l) => [l.kind, l.proposalKind.type, l.year, l.amount])).toEqual([
      ...years.map((year, i) => ['SERVICE', 'EFFICIENCY', year, -28 * (i + 1)]),
      ...years.map((year, i) => ['TRANSFER', 'EXTRA_EXPENDITURE', year, 39 * (i + 1)]),
    ]);
  });

  it('makes the changed amounts of a corrected document the proposal’s next version', async () => {
    const years = uniqueYears();
    const { budgetId } = await importText(smallDocument(years, -100));
    const result = await importText(smallDocument(years, -150));
    expect(result.changes).toBe(2); // the changed proposal, plus the new source hash
    const proposal = await db.proposal.findUniqueOrThrow({ where: { budgetId_code: { budgetId, code: 'ØU01' } }, include: { lines: true, versions: { orderBy: { version: 'asc' } } } });
    expect(proposal.lines.map((l) => l.amount)).toEqual(years.map(() => -150));
    expect(proposal.version).toBe(2);
    expect(proposal.versions.map((v) => [v.version, v.reason, v.imported])).toEqual([[1, 'Import', true], [2, 'Genimport', true]]);
    expect(await db.proposalVersion.count({ where: { proposal: { budgetId, code: { not: 'ØU01' } }, version: { gt: 1 } } })).toBe(0);
  });

  it('keeps staff’s moves and edits, reports them, and still applies the rest of the document', async () => {
    const years = uniqueYears();
    const { budgetId } = await importText(smallDocument(years, -100));
    const byCode = async (code: string) => db.proposal.findUniqueOrThrow({ where: { budgetId_code: { budgetId, code } }, include: { lines: true } });
    const lists = await db.budgetList.findMany({ where: { budgetId }, orderBy: { position: 'asc' } });
    const moved = await byCode('TU04a');
    await moveProposals(system, { proposals: [{ proposalId: moved.id, fromListId: lists[1]!.id }], toListId: lists[0]!.id, reason: 'Politisk ønske' });
    const edited = await byCode('ØU01');
    await editProposal(system, { proposalId: edited.id, expectedVersion: 1, title: 'Rettet titel', summary: 'Rettet resumé', lines: [{ kind: 'SERVICE', type: 'SAVING', year: years[0]!, amount: -7 }], reason: 'Rettelse' });

    // The same document again: staff's work stays, nothing is written.
    const again = await importText(smallDocument(years, -100));
    expect(again).toMatchObject({ changes: 0, keptMoves: ['TU04a'], keptEdits: ['ØU01'] });

    // A corrected document: ØU01's new amounts give way to the edit; ISU05's new title applies as a new version.
    const corrected = smallDocument(years, -150).replace('Serviceniveau på kørsel', 'Serviceniveau på befordring');
    const result = await importText(corrected);
    expect(result).toMatchObject({ keptMoves: ['TU04a'], keptEdits: ['ØU01'] });
    expect((await byCode('TU04a')).listId).toBe(lists[0]!.id);
    const kept = await byCode('ØU01');
    expect([kept.title, kept.version, kept.lines.map((l) => l.amount)]).toEqual(['Rettet titel', 2, [-7]]);
    const isu05 = await byCode('ISU05');
    expect([isu05.title, isu05.version]).toEqual(['Serviceniveau på befordring', 2]);
    expect(await db.proposalVersion.findUniqueOrThrow({ where: { proposalId_version: { proposalId: isu05.id, version: 2 } } })).toMatchObject({ reason: 'Genimport', title: 'Serviceniveau på befordring' });
  });

  it('keeps a committee name set by staff', async () => {
    const years = uniqueYears();
    const code = `ZZ${years[0]}`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!);
    await db.committee.upsert({ where: { code }, create: { code, name: 'Navngivet udvalg' }, update: {} });
    const text = buildBudgetDocument(years, [
      { heading: 'Indarbejdes og sendes i høring', proposals: [{ code: `${code}01`, title: 'Et forslag', summary: sampleSummary(0), service: { type: 'Besparelse', amounts: years.map(() => -1) } }] },
    ]);
    await importText(text);
    expect((await db.committee.findUniqueOrThrow({ where: { code } })).name).toBe('Navngivet udvalg');
  });

  it('refuses anyone but staff and the system, writing nothing', async () => {
    const years = uniqueYears();
    await expect(importText(smallDocument(years), anonymous)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importText(smallDocument(years), { kind: 'user', userId: 'x', role: 'POLITICIAN' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.budget.findUnique({ where: { name: budgetNameFor(years) } })).toBeNull();
  });

  it('writes nothing when the totals do not match', async () => {
    const years = uniqueYears();
    const text = smallDocument(years).replace(/I alt, serviceudgifter\s+-1\.\d+/, (m) => m.replace(/-1\.(\d+)/, '-2.$1'));
    const error = await importText(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetDocumentError);
    expect((error as BudgetDocumentError).issues[0]).toMatchObject({ code: 'TOTALS_MISMATCH', year: years[0], kind: 'SERVICE', difference: 1000 });
    expect(await db.budget.findUnique({ where: { name: budgetNameFor(years) } })).toBeNull();
  });

  it('rolls back every row when a write fails halfway', async () => {
    const years = uniqueYears();
    const parsed = parseBudgetDocument(smallDocument(years));
    // An amount beyond PostgreSQL's integer range makes the last insert fail after the others.
    parsed.lists[1]!.proposals[0]!.lines[0]!.amounts[0]!.amount = 2 ** 40;
    await expect(importBudgetDocument(system, parsed, 'x')).rejects.toThrow();
    expect(await db.budget.findUnique({ where: { name: budgetNameFor(years) } })).toBeNull();
  });
});
