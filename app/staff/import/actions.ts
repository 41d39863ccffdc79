'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { amountsOf, checkAmounts } from '@/lib/amount-grid';
import { BudgetDocumentError, formatIssue } from '@/lib/budget-document/parse';
import { SpreadsheetError, type SheetIssue } from '@/lib/budget-spreadsheet/sheet';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { formatAmount } from '@/lib/format';
import { requiredText, text as optionalText } from '@/lib/form-schemas';
import { failure } from '@/lib/server/action-errors';
import { fieldErrors, issueMessage } from '@/lib/form-state';
import { sniffBudgetFile } from '@/lib/budget-document/file';
import { documentHash, previewBudgetFile } from '@/lib/server/budget-import';
import { confirmBudgetImport, correctImportRow, stageBudgetImport } from '@/lib/server/budget-import-draft';
import { formAction } from '@/lib/server/form-action';
import { currentActor } from '@/lib/server/session';
import { formValues, type FormState } from '@/lib/form-state';
import { recordId } from '@/lib/record-id';
import { MAX_PDF_BYTES, MAX_SPREADSHEET_BYTES, TEXT_LIMITS } from '@/lib/limits';
import { ProposalType } from '@/lib/generated/prisma/enums';

/** Problems of a refused document or spreadsheet; the pasted text always comes back, so nothing is lost. */
export type ImportState = FormState & { text?: string; problems?: string[] };

const MAX_DOCUMENT_CHARS = TEXT_LIMITS.budgetDocument;
const MAX_PROBLEMS = 100;
// The pasted text or checked spreadsheet is the form's `text` field, for the message's place.
const textSchema = z.object({ text: z.string().trim().min(1, { error: 'staff.import.empty' }).max(MAX_DOCUMENT_CHARS) });
// A PDF or Word document may be as large as any PDF upload; a text file or spreadsheet as a spreadsheet.
const uploadSchema = z.discriminatedUnion('extension', [
  z.object({ extension: z.enum(['pdf', 'docx']), size: z.number().max(MAX_PDF_BYTES, { error: 'staff.import.tooLarge' }) }),
  z.object({ extension: z.enum(['txt', 'csv', 'xlsx']), size: z.number().max(MAX_SPREADSHEET_BYTES, { error: 'spreadsheet.tooLarge' }) }),
], { error: 'spreadsheet.unsupportedFile' });
/** The preview is kept in a draft on the server; the page shows it from there. */
const previewPage = (draftId: string) => `/staff/import?draft=${encodeURIComponent(draftId)}`;

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
  // The content decides how a file is read (a .pdf that is a zip is refused). A text file goes
  // through the text reader, whose unread rows staff can correct in the preview.
  if (upload.data.extension === 'txt' && (await sniffBudgetFile(file.name, bytes)) === 'txt') return previewText(await file.text(), file.name);
  let draftId: string;
  try {
    const actor = await currentActor();
    const { format, ...reading } = await previewBudgetFile(actor, { name: file.name, bytes });
    // A spreadsheet is checked whole (no rows to correct), so its problems are refused here.
    draftId = await stageBudgetImport(actor, format === 'pdf' || format === 'docx' ? { reading } : { document: reading.document }, { documentHash: documentHash(bytes), fileName: file.name });
  } catch (error) {
    return refused(error, { text });
  }
  redirect(previewPage(draftId));
}

async function previewText(raw: string, fileName?: string): Promise<ImportState> {
  const parsed = textSchema.safeParse({ text: raw }, { error: issueMessage });
  if (!parsed.success) return { ...fieldErrors(parsed.error, {}), text: raw.slice(0, MAX_DOCUMENT_CHARS) };
  const { text } = parsed.data;
  let draftId: string;
  try {
    draftId = await stageBudgetImport(await currentActor(), { text }, { documentHash: documentHash(text), fileName });
  } catch (error) {
    return refused(error, { text });
  }
  redirect(previewPage(draftId));
}

/** A chosen file (PDF, DOCX, text, CSV or XLSX) takes precedence over pasted text; any but text leaves the pasted text as it was. */
export async function previewImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const file = formData.get('file');
  const text = formValues(formData).text ?? '';
  return file instanceof File && file.size > 0 ? previewFile(file, text.slice(0, MAX_DOCUMENT_CHARS)) : previewText(text);
}

const confirmSchema = z.object({ draftId: recordId, documentHash: z.string().regex(/^[0-9a-f]{64}$/) });

/** Imports the draft as previewed and corrected; the page then shows what the import did. */
export async function confirmImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const parsed = confirmSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'error', formError: 'staff.import.errors.draftNotFound', fieldErrors: {}, values: {} };
  try {
    await confirmBudgetImport(await currentActor(), parsed.data.draftId, parsed.data.documentHash);
  } catch (error) {
    return refused(error, {});
  }
  revalidatePath('/', 'layout');
  return { status: 'idle' };
}

const CODE = /^\p{Lu}+\d+\p{Ll}?$/u;

const correctionForm = z
  .looseObject({
    draftId: recordId,
    key: z.string().regex(/^(?:line|page|table)-\d+(?:-row-\d+)?$/u),
    code: requiredText(20).regex(CODE, { error: 'staff.import.invalidCode' }),
    title: requiredText(TEXT_LIMITS.proposalTitle),
    summary: optionalText(TEXT_LIMITS.proposalSummary),
    listPosition: z.coerce.number().int().min(0),
    'type:SERVICE': z.enum(ProposalType),
    'type:TRANSFER': z.enum(ProposalType),
  })
  .superRefine(checkAmounts)
  .transform((form) => {
    const { amounts } = amountsOf(form);
    // A kind with any amount is a row of the proposal, as the document prints one.
    const lines = EXPENDITURE_KINDS.filter((kind) => amounts.some((a) => a.kind === kind)).map((kind) => ({
      kind,
      type: form[`type:${kind}`],
      amounts: amounts.filter((a) => a.kind === kind).map(({ year, amount }) => ({ year, amount })),
    }));
    return { draftId: form.draftId, correction: { key: form.key, code: form.code, title: form.title, summary: form.summary, listPosition: form.listPosition, lines } };
  });

/** Saves staff's reading of an unread row; the page shows the totals checked again. */
export const correctRowAction = formAction(correctionForm, ({ draftId, correction }, { actor }) => correctImportRow(actor, draftId, correction), {
  revalidate: () => ['/staff/import'],
  success: 'staff.import.correctionSaved',
});
