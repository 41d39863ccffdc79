import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvRecords } from './csv';
import { xmlSafe, yieldToEventLoop } from './text';

// The consultation's answers as tables for the council's own analysis: numbers stay numbers and
// times stay dates, so that a reader can sum, filter and pivot in Excel without converting.

export type CellValue = string | number | Date | null;

/** `amount`: integer thousands of DKK; `dateTime`: a wall-clock time (see copenhagenWallClock). */
export type ColumnKind = 'text' | 'longText' | 'count' | 'amount' | 'dateTime';

export interface Column {
  header: string;
  kind: ColumnKind;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

export interface Workbook {
  /** The municipality, named in the workbook's properties (a CSV file has none). */
  issuer: string;
  sheets: Sheet[];
}

const WIDTHS: Record<ColumnKind, number> = { text: 24, longText: 70, count: 10, amount: 12, dateTime: 17 };
const FORMATS: Partial<Record<ColumnKind, string>> = { count: '0', amount: '#,##0;-#,##0;0', dateTime: 'dd-mm-yyyy hh:mm' };
const CHUNK = 500;

/** Excel's limit on sheet names, and characters it does not allow in them. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

function xlsxCell(value: CellValue): ExcelJS.CellValue {
  return typeof value === 'string' ? xmlSafe(value) : value;
}

/**
 * Written with the streaming writer, a chunk of rows at a time, yielding in between, so that no
 * single step holds the event loop for a whole sheet. Strings are always string cells, so a
 * comment that looks like a formula is shown, never run.
 */
export async function writeWorkbookXlsx(workbook: Workbook): Promise<Uint8Array> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on('data', (part: Buffer) => parts.push(part));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  // The typings leave out the writer's document properties, which it does write.
  Object.assign(writer, { creator: workbook.issuer, lastModifiedBy: workbook.issuer });
  for (const { name, columns, rows } of workbook.sheets) {
    const sheet = writer.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ width: WIDTHS[column.kind], style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {} }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for (let start = 0; start < rows.length; start += CHUNK) {
      for (const row of rows.slice(start, start + CHUNK)) {
        const added = sheet.addRow(row.map(xlsxCell));
        columns.forEach((column, index) => {
          if (column.kind === 'longText') added.getCell(index + 1).alignment = { wrapText: true, vertical: 'top' };
        });
        added.commit();
      }
      await yieldToEventLoop();
    }
    sheet.commit();
  }
  await writer.commit();
  return new Uint8Array(Buffer.concat(parts));
}

/** "2026-11-27 14:03": the form Danish Excel reads as a date and time. */
const csvDate = (value: Date) => value.toISOString().slice(0, 16).replace('T', ' ');

/** One sheet as CSV, with the same columns as in the workbook; numbers unquoted, formulas neutralised. */
export async function writeSheetCsv(sheet: Sheet): Promise<string> {
  const parts = [CSV_BOM, csvRecords([sheet.columns.map((column) => column.header)])];
  for (let start = 0; start < sheet.rows.length; start += CHUNK) {
    parts.push(csvRecords(sheet.rows.slice(start, start + CHUNK).map((row) => row.map((cell) => (cell instanceof Date ? csvDate(cell) : cell)))));
    await yieldToEventLoop();
  }
  return parts.join('');
}
