import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { readBudgetCsv } from '@/lib/budget-spreadsheet/csv';
import { SpreadsheetError } from '@/lib/budget-spreadsheet/sheet';
import { readBudgetXlsx, writeBudgetXlsx } from '@/lib/budget-spreadsheet/xlsx';
import { anonymous, type Actor } from '@/lib/server/actor';
import { budgetNameFor, documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { budgetSpreadsheetTemplate, exportBudgetSpreadsheet, previewBudgetSpreadsheet } from '@/lib/server/budget-spreadsheet';
import { db } from '@/lib/server/db';
import { uniqueYears } from '@/test/budget-document-builder';

afterAll(() => db.$disconnect());

const INCORPORATED = 'Indarbejdes og sendes i høring';
const politician: Actor = { kind: 'user', userId: 'politician', role: 'POLITICIAN' };

async function staffActor(): Promise<Actor> {
  const user = await db.user.create({ data: { email: `sheet-${randomUUID()}@example.test`, role: 'STAFF' } });
  return { kind: 'user', userId: user.id, role: 'STAFF' };
}

/** A CSV as staff would type it, with a code of its own and an "I alt" row of the given service total. */
function sheet(years: number[], code: string, serviceTotal: number): string {
  return [
    `Liste;Kode;Titel;Resumé;Type;Art;${years.join(';')}`,
    `${INCORPORATED};${code};Færre kørsler;Resumé af forslaget.;Effektivisering;Service;${years.map(() => '-1.200').join(';')}`,
    `${INCORPORATED};${code};;;Merudgift;Overførsler;${years.map(() => '300').join(';')}`,
    `Indarbejdes ikke;TU${code.slice(2)};Lukning;Andet resumé.;Besparelse;Service;${years.map(() => '-50').join(';')}`,
    `${INCORPORATED};I alt;;;;Service;${years.map(() => serviceTotal).join(';')}`,
  ].join('\n');
}

describe('importing a spreadsheet', () => {
  it('writes nothing when an "I alt" row does not match its list', async () => {
    const actor = await staffActor();
    const years = uniqueYears();
    const code = `ØU${Math.floor(Math.random() * 1e6)}`;
    const refused = previewBudgetSpreadsheet(actor, { format: 'csv', text: sheet(years, code, -1199) });
    await expect(refused).rejects.toBeInstanceOf(SpreadsheetError);
    const issues = await refused.catch((error: SpreadsheetError) => error.issues);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'TOTALS_MISMATCH', row: 5, list: INCORPORATED, kind: 'SERVICE', year: years[0], difference: -1 }));
    expect(await db.budget.count({ where: { name: budgetNameFor(years) } })).toBe(0);
    expect(await db.proposal.count({ where: { code } })).toBe(0);
  });

  it('writes proposals and lines through the text import’s domain function, and exports them back as they were', async () => {
    const actor = await staffActor();
    const years = uniqueYears();
    const code = `ØU${Math.floor(Math.random() * 1e6)}`;
    const xlsx = await writeBudgetXlsx(readBudgetCsv(sheet(years, code, -1200)));
    const { document, csv } = await previewBudgetSpreadsheet(actor, { format: 'xlsx', bytes: xlsx });
    const result = await importBudgetDocument(actor, document, documentHash(csv));
    expect(result).toMatchObject({ budgetName: budgetNameFor(years), proposals: 2 });

    const lists = await db.budgetList.findMany({ where: { budgetId: result.budgetId }, orderBy: { position: 'asc' }, include: { proposals: { include: { lines: { orderBy: [{ kind: 'asc' }, { year: 'asc' }], include: { proposalKind: { select: { type: true } } } } } } } });
    expect(lists.map((l) => [l.name, l.incorporated, l.proposals.map((p) => [p.code, p.committeeCode, p.title])])).toEqual([
      [INCORPORATED, true, [[code, 'ØU', 'Færre kørsler']]],
      ['Indarbejdes ikke', false, [[`TU${code.slice(2)}`, 'TU', 'Lukning']]],
    ]);
    expect(lists[0]!.proposals[0]!.lines.map((l) => [l.kind, l.proposalKind.type, l.year, l.amount])).toEqual([
      ...years.map((year) => ['SERVICE', 'EFFICIENCY', year, -1200]),
      ...years.map((year) => ['TRANSFER', 'EXTRA_EXPENDITURE', year, 300]),
    ]);

    const exported = await exportBudgetSpreadsheet(actor, result.budgetId);
    expect(exported?.fileName).toBe(`budget-${years[0]}-${years[3]}.xlsx`);
    const again = await readBudgetXlsx(exported!.bytes);
    // The export writes "I alt" rows for both kinds of every list, from the stored lines.
    expect(again).toEqual({ ...document, lists: document.lists.map((list) => ({ ...list, printedTotals: list.computedTotals })) });
    expect((await importBudgetDocument(actor, again, documentHash(csv))).changes).toBe(0);
    const audited = await db.auditEvent.findFirst({ where: { action: 'budget.export', objectId: result.budgetId } });
    expect(audited?.outcome).toBe('SUCCESS');
  });

  it('is for staff only, and the template holds the budget’s years', async () => {
    await expect(previewBudgetSpreadsheet(politician, { format: 'csv', text: '' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportBudgetSpreadsheet(anonymous, 'any')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(budgetSpreadsheetTemplate(politician, 'csv', null)).rejects.toMatchObject({ code: 'forbidden' });

    const years = uniqueYears(2);
    const budget = await db.budget.create({ data: { name: budgetNameFor(years), years } });
    const template = await budgetSpreadsheetTemplate(await staffActor(), 'csv', budget.id);
    expect(template.fileName).toBe('forslag-skabelon.csv');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(template.bytes)).toMatch(new RegExp(`^\uFEFF"Liste";"Kode";"Titel";"Resumé";"Type";"Art";${years.map((year) => `"${year}"`).join(';')}\r\n[^\r\n]+\r\n$`));
  });
});
