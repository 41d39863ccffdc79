'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { BudgetDocumentError, formatIssue, type ParsedBudgetDocument } from '@/lib/budget-document/parse';
import { SpreadsheetError, type SheetIssue } from '@/lib/budget-spreadsheet/sheet';
import { formatAmount } from '@/lib/format';
import { failure } from '@/lib/server/action-errors';
import { fieldErrors, issueMessage } from '@/lib/form-state';
import { sniffBudgetFile } from '@/lib/budget-document/file';
import { writeBudgetCsv } from '@/lib/budget-spreadsheet/csv';
import { budgetNameFor, documentHash, importBudgetDocument, previewBudgetDocument, previewBudgetFile } from '@/lib/server/budget-import';
import { previewBudgetSpreadsheet } from '@/lib/server/budget-spreadsheet';
import { currentActor } from '@/lib/server/session';
import { formValues, type FormState } from '@/lib/form-state';
import { MAX_PDF_BYTES, MAX_SPREADSHEET_BYTES, TEXT_LIMITS } from '@/lib/limits';

export interface ImportPreview {
  budgetName: string;
  years: number[];
  /** False when a list has no printed totals to check against (a spreadsheet without "I alt" rows). */
  totalsChecked: boolean;
  lists: { name: string; proposals: number; totals: { kind: 'SERVICE' | 'TRANSFER'; year: number; amount: number }[] }[];
}

/**
 * Preview, problems or the import's result; the document text always comes back, so nothing is lost.
 * `spreadsheet` is an uploaded PDF, DOCX, CSV or XLSX file as checked, in the CSV layout, for the confirmation.
 */
export type ImportState = FormState & { text?: string; spreadsheet?: string; preview?: ImportPreview; problems?: string[]; kept?: { moves: string[]; edits: string[] } };

const MAX_DOCUMENT_CHARS = TEXT_LIMITS.budgetDocument;
const MAX_PROBLEMS = 100;
// The pasted text or checked spreadsheet is the form's `text` field, for the message's place.
const textSchema = z.object({ text: z.string().trim().min(1, { error: 'staff.import.empty' }).max(MAX_DOCUMENT_CHARS) });
// A PDF or Word document may be as large as any PDF upload; a text file or spreadsheet as a spreadsheet.
const uploadSchema = z.discriminatedUnion('extension', [
  z.object({ extension: z.enum(['pdf', 'docx']), size: z.number().max(MAX_PDF_BYTES, { error: 'staff.import.tooLarge' }) }),
  z.object({ extension: z.enum(['txt', 'csv', 'xlsx']), size: z.number().max(MAX_SPREADSHEET_BYTES, { error: 'spreadsheet.tooLarge' }) }),
], { error: 'spreadsheet.unsupportedFile' });
/** The checked spreadsheet as it comes back from the preview, in the CSV layout. */
const spreadsheetSchema = z.object({ text: z.string().max(MAX_DOCUMENT_CHARS) });

function previewOf(document: ParsedBudgetDocument): ImportPreview {
  return {
    budgetName: budgetNameFor(document.years),
    years: document.years,
    totalsChecked: document.lists.every((list) => list.printedTotals.length > 0),
    lists: document.lists.map((list) => ({ name: list.heading, proposals: list.proposals.length, totals: list.computedTotals })),
  };
}

/** Danish (or English) sentences for a spreadsheet's problems, each with its row and column. */
async function spreadsheetProblems(issues: SheetIssue[]): Promise<string[]> {
  const t = await getTranslations();
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const problem = t(`spreadsheet.issues.${issue.code}`, {
      header: issue.header ?? '',
      text: issue.text ?? '',
      list: issue.list ?? '',
      proposal: issue.proposal ?? '',
      kind: issue.kind ? t(`kinds.${issue.kind}`) : '',
      year: String(issue.year ?? ''),
      expected: formatAmount(issue.expected ?? 0),
      actual: formatAmount(issue.actual ?? 0),
      difference: formatAmount(issue.difference ?? 0),
    });
    if (issue.row && issue.column) return t('spreadsheet.cell', { row: issue.row, column: issue.column, header: issue.header ?? '', problem });
    return issue.row ? t('spreadsheet.row', { row: issue.row, problem }) : problem;
  });
  if (issues.length > MAX_PROBLEMS) problems.push(t('spreadsheet.moreProblems', { count: issues.length - MAX_PROBLEMS }));
  return problems;
}

/** The form state for what the domain layer threw: every problem of a refused document or spreadsheet, or a plain message. */
async function refused(error: unknown, kept: { text?: string; spreadsheet?: string }): Promise<ImportState> {
  if (error instanceof BudgetDocumentError) {
    return { status: 'error', formError: 'staff.import.invalid', fieldErrors: {}, values: {}, ...kept, problems: error.issues.map(formatIssue) };
  }
  if (error instanceof SpreadsheetError) {
    return { status: 'error', formError: 'spreadsheet.invalid', fieldErrors: {}, values: {}, ...kept, problems: await spreadsheetProblems(error.issues) };
  }
  return { ...failure(error, {}), ...kept };
}

async function previewFile(file: File, text: string): Promise<ImportState> {
  const upload = uploadSchema.safeParse({ extension: /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase(), size: file.size });
  if (!upload.success) return { status: 'error', fieldErrors: { file: upload.error.issues[0]!.message }, values: {}, text };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The content decides how the file is read (a .pdf that is a zip is refused); a text file's text goes into the form.
  if ((await sniffBudgetFile(file.name, bytes)) === 'txt' && upload.data.extension === 'txt') return previewText(await file.text());
  try {
    const { document } = await previewBudgetFile(await currentActor(), { name: file.name, bytes });
    return { status: 'idle', text, spreadsheet: writeBudgetCsv(document), preview: previewOf(document) };
  } catch (error) {
    return refused(error, { text });
  }
}

async function previewText(raw: string): Promise<ImportState> {
  const parsed = textSchema.safeParse({ text: raw }, { error: issueMessage });
  if (!parsed.success) return { ...fieldErrors(parsed.error, {}), text: raw.slice(0, MAX_DOCUMENT_CHARS) };
  const { text } = parsed.data;
  try {
    const document = await previewBudgetDocument(await currentActor(), text);
    return { status: 'idle', text, preview: previewOf(document) };
  } catch (error) {
    return refused(error, { text });
  }
}

/** A chosen file (PDF, DOCX, text, CSV or XLSX) takes precedence over pasted text; any but text leaves the pasted text as it was. */
export async function previewImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const file = formData.get('file');
  const text = formValues(formData).text ?? '';
  return file instanceof File && file.size > 0 ? previewFile(file, text.slice(0, MAX_DOCUMENT_CHARS)) : previewText(text);
}

export async function confirmImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const { spreadsheet = '', text = '' } = formValues(formData);
  const parsed = (spreadsheet ? spreadsheetSchema : textSchema).safeParse({ text: spreadsheet || text }, { error: issueMessage });
  if (!parsed.success) return fieldErrors(parsed.error, {});
  const checked = parsed.data.text;
  const kept = spreadsheet ? { spreadsheet: checked } : { text: checked };
  try {
    const actor = await currentActor();
    // Parsed again: what is written is exactly what was checked, whatever the browser sent back.
    const document = spreadsheet
      ? (await previewBudgetSpreadsheet(actor, { format: 'csv', text: checked })).document
      : await previewBudgetDocument(actor, checked);
    const result = await importBudgetDocument(actor, document, documentHash(checked));
    revalidatePath('/', 'layout');
    return {
      status: 'success',
      message: result.changes === 0 ? 'staff.import.unchanged' : 'staff.import.imported',
      params: { budget: result.budgetName, proposals: result.proposals, changes: result.changes },
      kept: { moves: result.keptMoves, edits: result.keptEdits },
    };
  } catch (error) {
    return refused(error, kept);
  }
}
