// One entry for every format of the budget document: the file's content decides how it is read
// (magic bytes, not the name, which only has to agree), and every format ends in the same
// ParsedBudgetDocument with the same totals check. Server and scripts only (pdfjs-dist, JSZip).
import JSZip from 'jszip';
import { readBudgetCsv } from '../budget-spreadsheet/csv';
import { readBudgetXlsx } from '../budget-spreadsheet/xlsx';
import { readDocxLines } from './docx';
import { BudgetDocumentError, readBudgetDocument, readLayoutDocument, type ParsedBudgetDocument } from './parse';
import { readPdfLines } from './pdf';
import { readTable } from './table';
import type { BudgetReading } from './unread';

export const BUDGET_FILE_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'txt'] as const;
export type BudgetFileFormat = (typeof BUDGET_FILE_FORMATS)[number];
type Content = BudgetFileFormat | 'zip' | 'binary';

const startsWith = (bytes: Uint8Array, magic: string) => [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/** What the bytes are; text is told apart as CSV or plain text by the name, since both are text. */
export async function sniffBudgetFile(name: string, bytes: Uint8Array): Promise<Content> {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      if (zip.file('word/document.xml')) return 'docx';
      if (zip.file('xl/workbook.xml')) return 'xlsx';
    } catch {
      // A damaged zip is still a zip: the name decides whether it is reported as a damaged DOCX or XLSX.
    }
    return /\.(docx|xlsx)$/iu.test(name) ? (extensionOf(name) as Content) : 'zip';
  }
  if (bytes.includes(0)) return 'binary';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'binary';
  }
  return extensionOf(name) === 'csv' ? 'csv' : 'txt';
}

const extensionOf = (name: string) => /\.([^.]+)$/u.exec(name)?.[1]?.toLowerCase();

/** Text content is the same whether the name says .txt or .csv is not; the others must agree. */
function agrees(extension: string | undefined, content: Content): boolean {
  if (!extension || !(BUDGET_FILE_FORMATS as readonly string[]).includes(extension)) return true;
  return extension === content || (extension === 'txt' && content === 'csv');
}

export interface BudgetFile { format: BudgetFileFormat; document: ParsedBudgetDocument }
/** A file read as far as it can be: PDF, DOCX and text with their unread rows; a spreadsheet has none. */
export type BudgetFileReading = BudgetReading & { format: BudgetFileFormat };

/**
 * Reads a budget document of any supported format without refusing unreadable rows: those of a
 * PDF, DOCX or text come back as unread rows with every issue. Throws BudgetDocumentError for a
 * file it cannot read at all (wrong name, damaged, no text) and SpreadsheetError for CSV or XLSX.
 */
export async function readBudgetFile({ name, bytes }: { name: string; bytes: Uint8Array }): Promise<BudgetFileReading> {
  const content = await sniffBudgetFile(name, bytes);
  const extension = extensionOf(name);
  if (!agrees(extension, content)) throw new BudgetDocumentError([{ code: 'FILE_MISMATCH', list: `.${extension}`, text: content }]);
  const whole = (document: ParsedBudgetDocument) => ({ document, unread: [], issues: [] });
  switch (content) {
    case 'pdf':
    case 'docx': {
      const read = content === 'pdf' ? await readPdfLines(bytes) : await readDocxLines(bytes);
      if ('issue' in read) throw new BudgetDocumentError([read.issue]);
      return { format: content, ...readLayoutDocument(readTable(read.lines, content === 'pdf' ? 'page' : 'table')) };
    }
    case 'xlsx':
      return { format: content, ...whole(await readBudgetXlsx(bytes)) };
    case 'csv':
    case 'txt': {
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '');
      return { format: content, ...(content === 'csv' ? whole(readBudgetCsv(text)) : readBudgetDocument(text)) };
    }
    default:
      throw new BudgetDocumentError([{ code: 'UNKNOWN_FORMAT' }]);
  }
}

/**
 * Reads a budget document of any supported format, strictly. Throws BudgetDocumentError (text, PDF,
 * DOCX and file-level problems) or SpreadsheetError (CSV, XLSX), each with every issue found.
 */
export async function parseBudgetFile(file: { name: string; bytes: Uint8Array }): Promise<BudgetFile> {
  const { format, document, issues } = await readBudgetFile(file);
  if (issues.length) throw new BudgetDocumentError(issues);
  return { format, document };
}
