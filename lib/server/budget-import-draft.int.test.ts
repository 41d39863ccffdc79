import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BudgetDocumentError, parseBudgetDocument } from '@/lib/budget-document/parse';
import { system, type Actor } from '@/lib/server/actor';
import { budgetNameFor, documentHash, importBudgetDocument, previewBudgetFile } from '@/lib/server/budget-import';
import { diffBudgetDocument } from '@/lib/server/budget-import-diff';
import { budgetImportPreview, confirmBudgetImport, correctImportRow, stageBudgetImport } from '@/lib/server/budget-import-draft';
import { db } from '@/lib/server/db';
import { isDomainError } from '@/lib/server/errors';
import { moveProposals } from '@/lib/server/proposal-moves';
import { editProposal } from '@/lib/server/proposal-versions';
import { FIXTURE_DOCUMENTS } from '@/scripts/fixtures/budget-document-data';
import { documentHtml, expectedDocument, printPdf } from '@/scripts/fixtures/budget-documents';
import { buildBudgetDocument, sampleSummary, uniqueYears, type SpecList, type SpecProposal } from '@/test/budget-document-builder';

vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'import-draft-test' }) }));

let staff: Actor;
let otherStaff: Actor;
beforeAll(async () => {
  const [a, b] = await Promise.all([0, 1].map((i) => db.user.create({ data: { email: `import-draft-${i}-${randomUUID()}@example.test`, role: 'STAFF' } })));
  staff = { kind: 'user', userId: a!.id, role: 'STAFF' };
  otherStaff = { kind: 'user', userId: b!.id, role: 'STAFF' };
});
afterAll(() => db.$disconnect());

const INCORPORATED = 'Indarbejdes og sendes i høring';
const NOT_INCORPORATED = 'Indarbejdes ikke, men sendes i høring';

const proposal = (code: string, title: string, amounts: number[], seed = 0): SpecProposal => ({ code, title, summary: sampleSummary(seed), service: { type: 'Besparelse', amounts } });

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('not refused'),
    (error: unknown) => error,
  );
}

describe('diffBudgetDocument', () => {
  it('sorts the proposals into new, changed (fields old → new), unchanged and not in the document, and names the moves and edits the import keeps', async () => {
    const years = uniqueYears(2);
    const first: SpecList[] = [
      { heading: INCORPORATED, proposals: [proposal('ØU01', 'Kortere åbningstid', [-100, -100], 0), proposal('SSU03', 'Færre printere', [-20, -20], 1), proposal('ISU05', 'Kørsel', [-30, -30], 2)] },
      { heading: NOT_INCORPORATED, proposals: [proposal('TU04', 'Færre græsslåninger', [-40, -40], 0), proposal('BU02', 'Lukket legestue', [-50, -50], 1)] },
    ];
    const text = buildBudgetDocument(years, first);
    await importBudgetDocument(system, parseBudgetDocument(text), documentHash(text));
    const byCode = (code: string) => db.proposal.findFirstOrThrow({ where: { code, budget: { name: budgetNameFor(years) } }, include: { list: true } });
    const moved = await byCode('TU04');
    const incorporated = (await byCode('ØU01')).listId;
    await moveProposals(system, { proposals: [{ proposalId: moved.id, fromListId: moved.listId }], toListId: incorporated, reason: 'Politisk ønske' });
    const edited = await byCode('ISU05');
    await editProposal(system, { proposalId: edited.id, expectedVersion: 1, title: 'Kørsel, rettet', summary: edited.summary, lines: [{ kind: 'SERVICE', type: 'SAVING', year: years[0]!, amount: -31 }, { kind: 'SERVICE', type: 'SAVING', year: years[1]!, amount: -31 }], reason: 'Rettelse' });

    const second = parseBudgetDocument(buildBudgetDocument(years, [
      { heading: INCORPORATED, proposals: [proposal('ØU01', 'Kortere åbningstider', [-100, -150], 0), proposal('SSU03', 'Færre printere', [-20, -20], 1), proposal('ISU05', 'Kørsel', [-30, -30], 2), proposal('KU09', 'Ny bibliotekstid', [-5, -5], 0)] },
      { heading: NOT_INCORPORATED, proposals: [proposal('TU04', 'Færre græsslåninger', [-40, -40], 0)] },
    ]));
    const diff = await diffBudgetDocument(staff, second);
    expect(diff).toMatchObject({ budgetName: budgetNameFor(years), budgetExists: true, notInDocument: [{ code: 'BU02', title: 'Lukket legestue', list: NOT_INCORPORATED }] });
    const of = (code: string) => diff.proposals.find((p) => p.code === code);
    expect(of('KU09')).toMatchObject({ status: 'new', listPosition: 0 });
    expect(of('SSU03')).toMatchObject({ status: 'unchanged', keptMove: false, keptEdit: false });
    expect(of('ØU01')).toEqual({
      code: 'ØU01', title: 'Kortere åbningstider', listPosition: 0, status: 'changed', keptMove: false, keptEdit: false,
      changes: { title: { from: 'Kortere åbningstid', to: 'Kortere åbningstider' }, types: [], amounts: [{ kind: 'SERVICE', year: years[1], from: -100, to: -150 }] },
    });
    // Staff's edit differs from the document, which the import will not apply; the move is kept likewise.
    expect(of('ISU05')).toMatchObject({ status: 'changed', keptEdit: true, changes: { title: { from: 'Kørsel, rettet', to: 'Kørsel' } } });
    expect(of('TU04')).toMatchObject({ status: 'changed', keptMove: true, changes: { list: { from: INCORPORATED, to: NOT_INCORPORATED }, amounts: [] } });

    // The same comparison as the import's: what it reports kept is what the preview said.
    const result = await importBudgetDocument(system, second, 'second');
    expect(result.keptMoves).toEqual(['TU04']);
    expect(result.keptEdits).toEqual(['ISU05']);
    expect((await diffBudgetDocument(staff, second)).proposals.find((p) => p.code === 'ØU01')?.status).toBe('unchanged');
  });
});

describe('the import draft', () => {
  function unreadableDocument(years: number[]) {
    const text = buildBudgetDocument(years, [
      { heading: INCORPORATED, proposals: [proposal('ØU01', 'Kortere åbningstid', [-100, -200], 0), proposal('ØU02', 'Færre kopimaskiner', [-50, -60], 1)] },
    ]);
    // An O for a zero, as text extraction sometimes reads it: the row's amounts cannot be read.
    return text.replace('-50 -60 Besparelse', '-50 -6O Besparelse');
  }

  it('shows an unread row with its raw text, refuses the import until corrections make the totals hold, audits each correction, then imports the corrected document', async () => {
    const years = uniqueYears(2);
    const text = unreadableDocument(years);
    const hash = documentHash(text);
    const draftId = await stageBudgetImport(staff, { text }, { documentHash: hash, fileName: 'seminar.txt' });

    const before = await budgetImportPreview(staff, draftId);
    expect(before.ready).toBe(false);
    expect(before.unread).toEqual([expect.objectContaining({ list: INCORPORATED, listPosition: 0, code: 'ØU02', issues: ['MISSING_AMOUNTS'] })]);
    expect(before.unread[0]!.text).toMatch(/^ØU02 Færre kopimaskiner\n[\s\S]*-50 -6O Besparelse$/);
    expect(before.diff.proposals.map((p) => [p.code, p.status])).toEqual([['ØU01', 'new']]);
    expect(before.totals.filter((row) => row.kind === 'SERVICE').map((row) => row.difference)).toEqual([50, 60]);
    const unread = await refusal(confirmBudgetImport(staff, draftId, hash));
    expect(isDomainError(unread, 'budgetImport.rowsUnread')).toBe(true);

    const key = before.unread[0]!.key;
    expect(key).toMatch(/^line-\d+$/);
    const correction = (amounts: number[]) => ({ key, code: 'ØU02', title: 'Færre kopimaskiner', summary: 'Kopimaskinerne samles.', listPosition: 0, lines: [{ kind: 'SERVICE' as const, type: 'SAVING' as const, amounts: years.map((year, i) => ({ year, amount: amounts[i]! })) }] });
    // A misread correction: every row is read now, but the sums do not hold; nothing is written.
    await correctImportRow(staff, draftId, correction([-50, -6]));
    const wrong = await refusal(confirmBudgetImport(staff, draftId, hash));
    expect(wrong).toBeInstanceOf(BudgetDocumentError);
    expect((wrong as BudgetDocumentError).issues).toEqual([{ code: 'TOTALS_MISMATCH', list: INCORPORATED, kind: 'SERVICE', year: years[1], expected: -260, actual: -206, difference: 54 }]);
    expect(await db.budget.count({ where: { name: budgetNameFor(years) } })).toBe(0);

    await correctImportRow(staff, draftId, correction([-50, -60]));
    const after = await budgetImportPreview(staff, draftId);
    expect(after).toMatchObject({ ready: true, unread: [] });
    expect(after.totals.every((row) => row.difference === 0)).toBe(true);
    expect(after.diff.proposals.map((p) => [p.code, p.status])).toEqual([['ØU01', 'new'], ['ØU02', 'new']]);

    const audits = await db.auditEvent.findMany({ where: { action: 'budget.import.correct', objectId: draftId }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.details)).toEqual([{ documentHash: hash, row: key, list: INCORPORATED }, { documentHash: hash, row: key, list: INCORPORATED }]);
    expect(audits[0]!.before).toEqual({ text: before.unread[0]!.text });
    expect(audits[1]!.before).toMatchObject({ lines: [{ amounts: [{ amount: -50 }, { amount: -6 }] }] });
    expect(audits[1]!.after).toMatchObject({ code: 'ØU02', lines: [{ amounts: [{ amount: -50 }, { amount: -60 }] }] });

    const result = await confirmBudgetImport(staff, draftId, hash);
    expect(result).toMatchObject({ budgetName: budgetNameFor(years), proposals: 2 });
    const lines = await db.budgetLine.findMany({ where: { proposal: { budget: { name: budgetNameFor(years) } } } });
    expect(years.map((year) => lines.filter((l) => l.year === year).reduce((sum, l) => sum + l.amount, 0))).toEqual([-150, -260]);
    expect((await budgetImportPreview(staff, draftId)).imported).toMatchObject({ proposals: 2 });
    expect(isDomainError(await refusal(confirmBudgetImport(staff, draftId, hash)), 'budgetImport.imported')).toBe(true);
  });

  it('refuses a code already in the document, another document\'s hash, and another staff member\'s draft', async () => {
    const years = uniqueYears(2);
    const text = unreadableDocument(years);
    const draftId = await stageBudgetImport(staff, { text }, { documentHash: documentHash(text) });
    const { unread } = await budgetImportPreview(staff, draftId);
    const correction = { key: unread[0]!.key, code: 'ØU01', title: 'Dublet', summary: '', listPosition: 0, lines: [{ kind: 'SERVICE' as const, type: 'SAVING' as const, amounts: [] }] };
    expect(isDomainError(await refusal(correctImportRow(staff, draftId, correction)), 'budgetImport.duplicateCode')).toBe(true);
    expect(isDomainError(await refusal(confirmBudgetImport(staff, draftId, documentHash('another text'))), 'budgetImport.documentChanged')).toBe(true);
    expect(isDomainError(await refusal(budgetImportPreview(otherStaff, draftId)), 'budgetImport.draftNotFound')).toBe(true);
    expect(isDomainError(await refusal(correctImportRow(otherStaff, draftId, { ...correction, code: 'ØU09' })), 'budgetImport.draftNotFound')).toBe(true);
  });

  it('refuses a wrong printed total with list, year, kind and difference when every row was read, and keeps nothing', async () => {
    const years = uniqueYears(2);
    const text = buildBudgetDocument(years, [{ heading: INCORPORATED, proposals: [proposal('ØU01', 'Kortere åbningstid', [-100, -200])] }]).replace('I alt, serviceudgifter   -100 -200', 'I alt, serviceudgifter   -100 -201');
    const drafts = await db.budgetImportDraft.count({ where: { createdById: staff.kind === 'user' ? staff.userId : '' } });
    const error = await refusal(stageBudgetImport(staff, { text }, { documentHash: documentHash(text) }));
    expect(error).toBeInstanceOf(BudgetDocumentError);
    expect((error as BudgetDocumentError).issues).toEqual([expect.objectContaining({ code: 'TOTALS_MISMATCH', list: INCORPORATED, kind: 'SERVICE', year: years[1], difference: 1 })]);
    expect(await db.budgetImportDraft.count({ where: { createdById: staff.kind === 'user' ? staff.userId : '' } })).toBe(drafts);
    expect(await db.budget.count({ where: { name: budgetNameFor(years) } })).toBe(0);
  });
});

describe('a PDF with an unreadable row', () => {
  /** The misread fixture printed by Chromium with years of this test's own. */
  function misreadPdf(years: number[]) {
    const doc = { ...FIXTURE_DOCUMENTS.find((d) => d.misread)!, years };
    const dir = mkdtempSync(path.join(tmpdir(), 'misread-'));
    try {
      printPdf(documentHtml(doc), path.join(dir, 'seminar.pdf'));
      return { doc, bytes: new Uint8Array(readFileSync(path.join(dir, 'seminar.pdf'))) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('is staged with that row at its page and row; correcting it makes the totals hold, and the import confirms', async () => {
    const years = uniqueYears(4);
    const { doc, bytes } = misreadPdf(years);
    const hash = documentHash(bytes);
    const { format, ...reading } = await previewBudgetFile(staff, { name: 'seminar.pdf', bytes });
    expect(format).toBe('pdf');
    const draftId = await stageBudgetImport(staff, { reading }, { documentHash: hash, fileName: 'seminar.pdf' });

    const before = await budgetImportPreview(staff, draftId);
    expect(before.unread).toEqual([expect.objectContaining({ key: 'page-1-row-2', at: { page: 1, row: 2 }, list: INCORPORATED, code: 'ØU01', issues: ['BAD_AMOUNTS'] })]);
    expect(before.unread[0]!.text).toContain('-500 -5OO -500 -500 Effektivisering');
    expect(before.ready).toBe(false);
    expect(before.totals.filter((row) => row.listPosition === 0 && row.kind === 'SERVICE').map((row) => row.difference)).toEqual([500, 500, 500, 500]);
    expect(isDomainError(await refusal(confirmBudgetImport(staff, draftId, hash)), 'budgetImport.rowsUnread')).toBe(true);

    const lines = [{ kind: 'SERVICE' as const, type: 'EFFICIENCY' as const, amounts: years.map((year) => ({ year, amount: -500 })) }];
    await correctImportRow(staff, draftId, { key: before.unread[0]!.key, code: 'ØU01', title: 'Mindre nyindkøb, mere genbrug', summary: 'Genbrug frem for nyindkøb.', listPosition: 0, lines });
    const after = await budgetImportPreview(staff, draftId);
    expect(after).toMatchObject({ ready: true, unread: [] });
    expect(after.totals.every((row) => row.difference === 0)).toBe(true);

    expect(await confirmBudgetImport(staff, draftId, hash)).toMatchObject({ budgetName: budgetNameFor(years), proposals: 5 });
    const imported = await db.budgetLine.findMany({ where: { proposal: { budget: { name: budgetNameFor(years) } } } });
    const printed = expectedDocument(doc).lists.flatMap((list) => list.printedTotals);
    const sum = (rows: { year: number; amount: number }[], year: number) => rows.filter((r) => r.year === year).reduce((total, r) => total + r.amount, 0);
    expect(years.map((year) => sum(imported, year))).toEqual(years.map((year) => sum(printed, year)));
  });
});
