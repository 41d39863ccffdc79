import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvRecords } from './csv';
import { xmlSafe, yieldToEventLoop } from './text';

// Every answer as one row, organisation × proposal, for the council's own sorting and filtering.
// The confidential flag and the receipt number are columns of the full audience's table only.

export interface ResponseRow {
  organisation: string;
  /** Translated, e.g. "Ældreråd". */
  organisationType: string;
  code: string;
  title: string;
  stance: string;
  /** Null when moderation hid the comment from this audience. */
  comment: string | null;
  confidential: boolean;
  /** Already formatted in Europe/Copenhagen. */
  submittedAt: string;
  receiptNumber: string | null;
}

export interface ResponseTableLabels {
  organisation: string;
  type: string;
  code: string;
  title: string;
  stance: string;
  comment: string;
  confidential: string;
  submittedAt: string;
  receiptNumber: string;
  yes: string;
  no: string;
  hidden: string;
}

export interface ResponseTable {
  /** The municipality, named in the workbook's properties (a CSV file has none). */
  issuer: string;
  full: boolean;
  rows: ResponseRow[];
  labels: ResponseTableLabels;
}

const CHUNK = 500;

export function tableHeader({ full, labels }: ResponseTable): string[] {
  const header = [labels.organisation, labels.type, labels.code, labels.title, labels.stance, labels.comment];
  return full ? [...header, labels.confidential, labels.submittedAt, labels.receiptNumber] : [...header, labels.submittedAt];
}

function cells({ full, labels }: ResponseTable, row: ResponseRow): string[] {
  const common = [row.organisation, row.organisationType, row.code, row.title, row.stance, row.comment ?? labels.hidden];
  return full ? [...common, row.confidential ? labels.yes : labels.no, row.submittedAt, row.receiptNumber ?? ''] : [...common, row.submittedAt];
}

/** The rows in chunks, yielding between them. */
async function* chunks(table: ResponseTable): AsyncGenerator<string[][]> {
  for (let start = 0; start < table.rows.length; start += CHUNK) {
    yield table.rows.slice(start, start + CHUNK).map((row) => cells(table, row));
    await yieldToEventLoop();
  }
}

/** Opens in Danish Excel as it is; comments that look like formulas stay text (see csvRecords). */
export async function writeResponsesCsv(table: ResponseTable): Promise<string> {
  const parts = [CSV_BOM, csvRecords([tableHeader(table)])];
  for await (const rows of chunks(table)) parts.push(csvRecords(rows));
  return parts.join('');
}

/**
 * Written with the streaming writer: each chunk of rows is serialised as it is added, so that no
 * single step holds the event loop for the whole sheet.
 */
export async function writeResponsesXlsx(table: ResponseTable, sheetName: string): Promise<Uint8Array> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on('data', (part: Buffer) => parts.push(part));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  // The typings leave out the writer's document properties, which it does write.
  Object.assign(workbook, { creator: table.issuer, lastModifiedBy: table.issuer });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = tableHeader(table);
  sheet.columns = header.map((_, index) => ({ width: [40, 20, 10, 40, 18, 80, 12, 22, 14][index] ?? 16 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  for await (const rows of chunks(table)) {
    for (const row of rows) {
      const added = sheet.addRow(row.map(xmlSafe));
      added.getCell(6).alignment = { wrapText: true, vertical: 'top' };
      added.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(parts));
}
