'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { BudgetDocumentError, formatIssue } from '@/lib/budget-document/parse';
import { failure } from '@/lib/server/action-errors';
import { budgetNameFor, documentHash, importBudgetDocument, previewBudgetDocument } from '@/lib/server/budget-import';
import { currentActor } from '@/lib/server/session';
import type { FormState } from '@/lib/form-state';

export interface ImportPreview {
  budgetName: string;
  years: number[];
  lists: { name: string; proposals: number; totals: { kind: 'SERVICE' | 'TRANSFER'; year: number; amount: number }[] }[];
}

/** Preview, problems or the import's result; the document text always comes back, so nothing is lost. */
export type ImportState = FormState & { text?: string; preview?: ImportPreview; problems?: string[]; kept?: { moves: string[]; edits: string[] } };

const MAX_DOCUMENT_CHARS = 2_000_000;
const textSchema = z.string().trim().min(1, { error: 'staff.import.empty' }).max(MAX_DOCUMENT_CHARS, { error: 'forms.tooLong' });

async function documentText(formData: FormData): Promise<string> {
  const file = formData.get('file');
  if (file instanceof File && file.size > 0) return file.text();
  return String(formData.get('text') ?? '');
}

export async function previewImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const raw = await documentText(formData);
  const parsed = textSchema.safeParse(raw);
  if (!parsed.success) return { status: 'error', fieldErrors: { text: parsed.error.issues[0]!.message }, values: {}, text: raw.slice(0, MAX_DOCUMENT_CHARS) };
  try {
    const document = await previewBudgetDocument(await currentActor(), parsed.data);
    return {
      status: 'idle',
      text: parsed.data,
      preview: {
        budgetName: budgetNameFor(document.years),
        years: document.years,
        lists: document.lists.map((list) => ({ name: list.heading, proposals: list.proposals.length, totals: list.computedTotals })),
      },
    };
  } catch (error) {
    if (error instanceof BudgetDocumentError) {
      return { status: 'error', formError: 'staff.import.invalid', fieldErrors: {}, values: {}, text: parsed.data, problems: error.issues.map(formatIssue) };
    }
    return { ...failure(error, {}), text: parsed.data };
  }
}

export async function confirmImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const parsed = textSchema.safeParse(String(formData.get('text') ?? ''));
  if (!parsed.success) return { status: 'error', fieldErrors: { text: parsed.error.issues[0]!.message }, values: {} };
  try {
    const actor = await currentActor();
    // Parsed again: what is written is exactly what was checked, whatever the browser sent back.
    const document = await previewBudgetDocument(actor, parsed.data);
    const result = await importBudgetDocument(actor, document, documentHash(parsed.data));
    revalidatePath('/', 'layout');
    return {
      status: 'success',
      message: result.changes === 0 ? 'staff.import.unchanged' : 'staff.import.imported',
      params: { budget: result.budgetName, proposals: result.proposals, changes: result.changes },
      kept: { moves: result.keptMoves, edits: result.keptEdits },
    };
  } catch (error) {
    if (error instanceof BudgetDocumentError) {
      return { status: 'error', formError: 'staff.import.invalid', fieldErrors: {}, values: {}, text: parsed.data, problems: error.issues.map(formatIssue) };
    }
    return { ...failure(error, {}), text: parsed.data };
  }
}
