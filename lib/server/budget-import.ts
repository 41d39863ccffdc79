import 'server-only';
import { createHash } from 'node:crypto';
import { readBudgetFile, sniffBudgetFile, type BudgetFileReading } from '@/lib/budget-document/file';
import { BudgetDocumentError, type IssueCode, type ParsedBudgetDocument, type ParsedProposal } from '@/lib/budget-document/parse';
import type { Prisma } from '@/lib/generated/prisma/client';
import { inspectPdf, type PdfRefusal } from '@/lib/server/pdf-inspection';
import { flatLines, LINES_WITH_TYPES, replaceLines } from '@/lib/server/budget-lines';
import { db } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import { authorize } from '@/lib/server/policy';
import { recordVersion } from '@/lib/server/proposal-versions';
import { contentDiffers, orderedLines, type VersionContent } from '@/lib/budget/versions';

export interface ImportResult {
  budgetId: string;
  budgetName: string;
  /** Number of rows created, updated or deleted; 0 when the same document is imported again. */
  changes: number;
  proposals: number;
  /** Proposals of this budget that the document no longer contains; kept, because responses may refer to them. */
  notInDocument: string[];
  /** Proposals staff moved: they stay in their list, wherever the document puts them. */
  keptMoves: string[];
  /** Proposals staff edited: they keep their text and lines, though the document's differ. */
  keptEdits: string[];
}

/** What the import reads of an existing proposal: its lines, and whether staff moved or edited it. */
export const EXISTING_PROPOSAL = { ...LINES_WITH_TYPES, _count: { select: { moves: true, versions: { where: { imported: false } } } } } as const;
type ExistingProposal = Prisma.ProposalGetPayload<{ include: typeof EXISTING_PROPOSAL }>;

const linesOf = (parsed: ParsedProposal) =>
  orderedLines(parsed.lines.flatMap((line) => line.amounts.map(({ year, amount }) => ({ kind: line.kind, type: line.type, year, amount }))));

/**
 * How the import treats a proposal already in the database, the one comparison for the import and
 * its preview: staff's work wins over the document, so a moved proposal stays in its list
 * (keptMove) and an edited one keeps its text and lines (keptEdit).
 */
export function compareWithExisting(existing: ExistingProposal, parsed: ParsedProposal, listId: string, position: number) {
  const content: VersionContent = { title: parsed.title, summary: parsed.summary, lines: linesOf(parsed) };
  const current: VersionContent = { title: existing.title, summary: existing.summary, lines: flatLines(existing) };
  const moved = existing._count.moves > 0;
  const placement = { listId: moved ? existing.listId : listId, committeeCode: parsed.committeeCode, position };
  const contentChanged = contentDiffers(current, content);
  return {
    content,
    current,
    placement,
    placementChanged: (Object.keys(placement) as (keyof typeof placement)[]).some((key) => existing[key] !== placement[key]),
    contentChanged,
    keptMove: moved && existing.listId !== listId,
    keptEdit: contentChanged && existing._count.versions > 0,
  };
}

export function budgetNameFor(years: number[]): string {
  return `Budget ${years[0]}-${years[years.length - 1]}`;
}

export function documentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Writes a parsed (and totals-checked) document in one transaction. Lists, committees,
 * proposals and lines are matched by their natural keys, so importing the same document
 * again changes nothing. Committee names set by staff are kept, and so are staff's moves and
 * edits of proposals (reported in keptMoves and keptEdits); a changed text of a proposal staff
 * have not edited becomes its next version.
 */
export async function importBudgetDocument(actor: Actor, document: ParsedBudgetDocument, sourceHash: string): Promise<ImportResult> {
  await authorize(actor, 'budget.import');
  const name = budgetNameFor(document.years);

  return db.$transaction(
    async (tx) => {
      let changes = 0;
      const existingBudget = await tx.budget.findUnique({ where: { name } });
      const budget = existingBudget ?? (await tx.budget.create({ data: { name, years: document.years, sourceHash } }));
      if (!existingBudget) changes++;
      else if (existingBudget.sourceHash !== sourceHash || existingBudget.years.join() !== document.years.join()) {
        await tx.budget.update({ where: { id: budget.id }, data: { years: document.years, sourceHash } });
        changes++;
      }

      const committeeCodes = [...new Set(document.lists.flatMap((list) => list.proposals.map((p) => p.committeeCode)))];
      const created = await tx.committee.createMany({ data: committeeCodes.map((code) => ({ code })), skipDuplicates: true });
      changes += created.count;

      const existingLists = await tx.budgetList.findMany({ where: { budgetId: budget.id } });
      const existingProposals = await tx.proposal.findMany({ where: { budgetId: budget.id }, include: EXISTING_PROPOSAL });
      const proposalsByCode = new Map(existingProposals.map((p) => [p.code, p]));
      const keptMoves: string[] = [];
      const keptEdits: string[] = [];

      for (const list of document.lists) {
        const current = existingLists.find((l) => l.position === list.position);
        const listData = { name: list.heading, incorporated: list.incorporated };
        let listId: string;
        if (!current) {
          listId = (await tx.budgetList.create({ data: { budgetId: budget.id, position: list.position, ...listData } })).id;
          changes++;
        } else {
          listId = current.id;
          if (current.name !== listData.name || current.incorporated !== listData.incorporated) {
            await tx.budgetList.update({ where: { id: current.id }, data: listData });
            changes++;
          }
        }

        for (const [position, parsed] of list.proposals.entries()) {
          const existing = proposalsByCode.get(parsed.code);
          if (!existing) {
            const lines = linesOf(parsed);
            const proposal = await tx.proposal.create({
              data: { budgetId: budget.id, code: parsed.code, listId, committeeCode: parsed.committeeCode, title: parsed.title, summary: parsed.summary, position },
            });
            await replaceLines(tx, proposal.id, lines);
            await recordVersion(tx, proposal, 1, { title: parsed.title, summary: parsed.summary, lines }, { reason: 'Import', imported: true });
            changes += 1 + lines.length;
            continue;
          }

          const { content, placement, placementChanged, contentChanged, keptMove, keptEdit } = compareWithExisting(existing, parsed, listId, position);
          if (keptMove) keptMoves.push(parsed.code);
          if (placementChanged) {
            await tx.proposal.update({ where: { id: existing.id }, data: placement });
            changes++;
          }
          if (!contentChanged) continue;
          if (keptEdit) {
            keptEdits.push(parsed.code);
            continue;
          }
          await tx.proposal.update({ where: { id: existing.id }, data: { title: parsed.title, summary: parsed.summary, version: existing.version + 1 } });
          await replaceLines(tx, existing.id, content.lines);
          await recordVersion(tx, existing, existing.version + 1, content, { reason: 'Genimport', imported: true });
          changes++;
        }
      }

      const inDocument = new Set(document.lists.flatMap((list) => list.proposals.map((p) => p.code)));
      return {
        budgetId: budget.id,
        budgetName: name,
        changes,
        proposals: inDocument.size,
        notInDocument: existingProposals.map((p) => p.code).filter((code) => !inDocument.has(code)),
        keptMoves,
        keptEdits,
      };
    },
    { timeout: 60_000 },
  );
}
const PDF_ISSUES: Record<PdfRefusal, IssueCode> = { notPdf: 'PDF_DAMAGED', pdfDamaged: 'PDF_DAMAGED', pdfEncrypted: 'PDF_ENCRYPTED', pdfJavaScript: 'PDF_UNSAFE', pdfLaunch: 'PDF_UNSAFE', pdfEmbeddedFile: 'PDF_UNSAFE' };

/**
 * Reads an uploaded file of any format (readBudgetFile) for staff to review, its unreadable rows
 * kept for them to correct; an uploaded PDF passes the upload safety check first, as every PDF
 * upload does. Throws BudgetDocumentError or SpreadsheetError for a file it cannot read at all.
 */
export async function previewBudgetFile(actor: Actor, file: { name: string; bytes: Uint8Array }): Promise<BudgetFileReading> {
  await authorize(actor, 'budget.import');
  // Checked before pdf.js reads it, so that a hostile file is refused as on every other upload.
  if ((await sniffBudgetFile(file.name, file.bytes)) === 'pdf') {
    const refusal = await inspectPdf(file.bytes);
    if (refusal) throw new BudgetDocumentError([{ code: PDF_ISSUES[refusal] }]);
  }
  return readBudgetFile(file);
}
