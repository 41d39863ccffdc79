import 'server-only';
import { createHash } from 'node:crypto';
import { parseBudgetDocument, type ParsedBudgetDocument } from '@/lib/budget-document/parse';
import { db } from '@/lib/server/db';
import { isStaff, type Actor } from '@/lib/server/actor';
import { authorize } from '@/lib/server/policy';

export interface ImportResult {
  budgetId: string;
  budgetName: string;
  /** Number of rows created, updated or deleted; 0 when the same document is imported again. */
  changes: number;
  proposals: number;
  /** Proposals of this budget that the document no longer contains; kept, because responses may refer to them. */
  notInDocument: string[];
}

export function budgetNameFor(years: number[]): string {
  return `Budget ${years[0]}-${years[years.length - 1]}`;
}

export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const lineKey = (line: { kind: string; year: number }) => `${line.kind}:${line.year}`;

/**
 * Writes a parsed (and totals-checked) document in one transaction. Lists, committees,
 * proposals and lines are matched by their natural keys, so importing the same document
 * again changes nothing. Committee names set by staff are kept.
 */
export async function importBudgetDocument(actor: Actor, document: ParsedBudgetDocument, sourceHash: string): Promise<ImportResult> {
  await authorize(actor, 'budget.import', isStaff(actor));
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
      const existingProposals = await tx.proposal.findMany({ where: { budgetId: budget.id }, include: { lines: true } });
      const proposalsByCode = new Map(existingProposals.map((p) => [p.code, p]));

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
          const data = { listId, committeeCode: parsed.committeeCode, title: parsed.title, summary: parsed.summary, position };
          const existing = proposalsByCode.get(parsed.code);
          let proposalId: string;
          if (!existing) {
            proposalId = (await tx.proposal.create({ data: { budgetId: budget.id, code: parsed.code, ...data } })).id;
            changes++;
          } else {
            proposalId = existing.id;
            const differs = (Object.keys(data) as (keyof typeof data)[]).some((key) => existing[key] !== data[key]);
            if (differs) {
              await tx.proposal.update({ where: { id: existing.id }, data });
              changes++;
            }
          }

          const wanted = parsed.lines.flatMap((line) => line.amounts.map(({ year, amount }) => ({ kind: line.kind, type: line.type, year, amount })));
          const have = new Map((existing?.lines ?? []).map((line) => [lineKey(line), line]));
          const toCreate = [];
          for (const line of wanted) {
            const old = have.get(lineKey(line));
            have.delete(lineKey(line));
            if (!old) toCreate.push({ proposalId, ...line });
            else if (old.amount !== line.amount || old.type !== line.type) {
              await tx.budgetLine.update({ where: { id: old.id }, data: { amount: line.amount, type: line.type } });
              changes++;
            }
          }
          if (toCreate.length) changes += (await tx.budgetLine.createMany({ data: toCreate })).count;
          if (have.size) changes += (await tx.budgetLine.deleteMany({ where: { id: { in: [...have.values()].map((l) => l.id) } } })).count;
        }
      }

      const inDocument = new Set(document.lists.flatMap((list) => list.proposals.map((p) => p.code)));
      return {
        budgetId: budget.id,
        budgetName: name,
        changes,
        proposals: inDocument.size,
        notInDocument: existingProposals.map((p) => p.code).filter((code) => !inDocument.has(code)),
      };
    },
    { timeout: 60_000 },
  );
}

/** Parses a document for staff to review before anything is written; throws BudgetDocumentError with every issue. */
export async function previewBudgetDocument(actor: Actor, text: string): Promise<ParsedBudgetDocument> {
  await authorize(actor, 'budget.import', isStaff(actor));
  return parseBudgetDocument(text);
}
