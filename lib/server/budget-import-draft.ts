import 'server-only';
import { applyCorrections, remainingRows, totalsCheck, type RowCorrection, type TotalsCheckRow } from '@/lib/budget-document/corrections';
import { BudgetDocumentError, readBudgetDocument, type DocumentIssue, type ParsedBudgetDocument } from '@/lib/budget-document/parse';
import { isRowIssue, type BudgetReading, type UnreadRow } from '@/lib/budget-document/unread';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { diffBudgetDocument, type DocumentDiff } from '@/lib/server/budget-import-diff';
import { importBudgetDocument, type ImportResult } from '@/lib/server/budget-import';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { authorize } from '@/lib/server/policy';
import type { Prisma } from '@/lib/generated/prisma/client';

// The import's preview between its steps: the parsed document is kept in BudgetImportDraft, so
// that corrections apply to it and the confirmation imports exactly what staff saw, whatever the
// browser sends back.

const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface Parsed { document: ParsedBudgetDocument; unread: UnreadRow[] }

export interface ImportPreviewData {
  draftId: string;
  documentHash: string;
  fileName: string | null;
  years: number[];
  lists: { position: number; heading: string; proposals: number }[];
  diff: DocumentDiff;
  totals: TotalsCheckRow[];
  /** False when a list has no printed totals to check against (a spreadsheet without "I alt" rows). */
  totalsChecked: boolean;
  unread: UnreadRow[];
  corrections: RowCorrection[];
  /** The confirmation's condition: every row read or corrected, and every sum equal to its printed total. */
  ready: boolean;
  imported: ImportResult | null;
}

/**
 * Reads a document text, or takes a file's reading (PDF, DOCX) or a checked spreadsheet, and keeps
 * it for the preview. A document whose
 * problems no correction of a row can mend (no lists, deviating years, a missing "I alt"), or whose
 * rows were all read but a printed total is wrong, is refused as before, with every issue.
 */
export async function stageBudgetImport(actor: Actor, source: { text: string } | { reading: BudgetReading } | { document: ParsedBudgetDocument }, meta: { documentHash: string; fileName?: string }): Promise<string> {
  await authorize(actor, 'budget.import');
  if (actor.kind !== 'user') throw new DomainError('forbidden');
  const read = 'text' in source ? readBudgetDocument(source.text) : 'reading' in source ? source.reading : { document: source.document, unread: [], issues: [] };
  const parsed: Parsed = { document: read.document, unread: read.unread };
  const fatal = read.issues.filter((issue) => !isRowIssue(issue) && issue.code !== 'TOTALS_MISMATCH');
  if (fatal.length) throw new BudgetDocumentError(fatal);
  if (!parsed.unread.length && read.issues.length) throw new BudgetDocumentError(read.issues);
  await db.budgetImportDraft.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const draft = await db.budgetImportDraft.create({
    data: {
      documentHash: meta.documentHash,
      fileName: meta.fileName ?? null,
      parsed: parsed as unknown as Prisma.InputJsonValue,
      createdById: actor.userId,
      expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS),
    },
  });
  return draft.id;
}

/** The signed-in staff member's own draft, unexpired; anyone else's is not found. */
async function draftOf(actor: Actor, draftId: string) {
  await authorize(actor, 'budget.import');
  const draft = actor.kind === 'user' ? await db.budgetImportDraft.findFirst({ where: { id: draftId, createdById: actor.userId, expiresAt: { gt: new Date() } } }) : null;
  if (!draft) throw new DomainError('budgetImport.draftNotFound');
  const parsed = draft.parsed as unknown as Parsed;
  const corrections = draft.corrections as unknown as RowCorrection[];
  const document = applyCorrections(parsed.document, corrections);
  const totals = totalsCheck(document);
  const unread = remainingRows(parsed.unread, corrections);
  return { draft, parsed, corrections, document, totals, unread, ready: !unread.length && totals.every((row) => row.difference === 0) };
}

export async function budgetImportPreview(actor: Actor, draftId: string): Promise<ImportPreviewData> {
  const { draft, corrections, document, totals, unread, ready } = await draftOf(actor, draftId);
  return {
    draftId: draft.id,
    documentHash: draft.documentHash,
    fileName: draft.fileName,
    years: document.years,
    lists: document.lists.map((list) => ({ position: list.position, heading: list.heading, proposals: list.proposals.length })),
    diff: await diffBudgetDocument(actor, document),
    totals,
    totalsChecked: document.lists.every((list) => list.printedTotals.length > 0),
    unread,
    corrections,
    ready,
    imported: draft.importedAt ? (draft.result as unknown as ImportResult) : null,
  };
}

/**
 * Saves staff's reading of an unread row (a corrected one may be corrected again) and audits it
 * with the document's hash. The code must be new to the document; the amounts cover its years.
 */
export async function correctImportRow(actor: Actor, draftId: string, correction: RowCorrection): Promise<void> {
  const { draft, parsed, corrections, document } = await draftOf(actor, draftId);
  if (draft.importedAt) throw new DomainError('budgetImport.imported');
  const row = parsed.unread.find((r) => r.key === correction.key);
  if (!row || !document.lists.some((list) => list.position === correction.listPosition)) throw new DomainError('budgetImport.unknownRow');
  const previous = corrections.find((c) => c.key === correction.key);
  const taken = document.lists.flatMap((list) => list.proposals.map((p) => p.code)).filter((code) => code !== previous?.code);
  if (taken.includes(correction.code)) throw new DomainError('budgetImport.duplicateCode', { params: { code: correction.code } });
  // Every year of the budget gets an amount, as the parser reads a row: a blank is none, so zero.
  const lines = correction.lines.map((line) => ({ ...line, amounts: document.years.map((year) => ({ year, amount: line.amounts.find((a) => a.year === year)?.amount ?? 0 })) }));
  const next = [...corrections.filter((c) => c.key !== correction.key), { ...correction, lines }];
  await db.$transaction(async (tx) => {
    await tx.budgetImportDraft.update({ where: { id: draft.id }, data: { corrections: next as unknown as Prisma.InputJsonValue } });
    await audit(
      actor,
      {
        action: 'budget.import.correct',
        objectType: 'BudgetImportDraft',
        objectId: draft.id,
        before: (previous ?? { text: row.text }) as unknown as Prisma.InputJsonValue,
        after: { ...correction, lines } as unknown as Prisma.InputJsonValue,
        details: { documentHash: draft.documentHash, row: row.key, list: row.list },
      },
      tx,
    );
  });
}

/**
 * Imports the draft as corrected, once: refused while a row is unread or a sum differs from its
 * printed total (each named), or when the preview shown was of another document.
 */
export async function confirmBudgetImport(actor: Actor, draftId: string, documentHash: string): Promise<ImportResult> {
  const { draft, document, totals, unread } = await draftOf(actor, draftId);
  if (draft.documentHash !== documentHash) throw new DomainError('budgetImport.documentChanged');
  if (draft.importedAt) throw new DomainError('budgetImport.imported');
  if (unread.length) throw new DomainError('budgetImport.rowsUnread', { params: { count: unread.length } });
  const wrong = totals.filter((row) => row.difference !== 0);
  if (wrong.length) {
    throw new BudgetDocumentError(wrong.map((row): DocumentIssue => ({ code: 'TOTALS_MISMATCH', list: row.list, kind: row.kind, year: row.year, expected: row.printed ?? 0, actual: row.computed, difference: row.difference })));
  }
  const result = await importBudgetDocument(actor, document, draft.documentHash);
  // Importing is idempotent, so a second confirmation sent meanwhile changes nothing more.
  await db.budgetImportDraft.update({ where: { id: draft.id }, data: { importedAt: new Date(), result: result as unknown as Prisma.InputJsonValue } });
  return result;
}
