// XLSX workbooks in the spreadsheet layout (see sheet.ts); the first worksheet is read.
import ExcelJS from 'exceljs';
import type { ParsedBudgetDocument } from '../budget-document/parse';
import { budgetRows, readBudgetRows, SpreadsheetError, type Cell } from './sheet';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_NAME = 'Forslag';

/** What a cell shows: formulas by their result, rich text as its plain text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean' || value instanceof Date) return String(value);
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}

export async function readBudgetXlsx(bytes: Uint8Array): Promise<ParsedBudgetDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new SpreadsheetError([{ code: 'UNREADABLE' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError([{ code: 'NO_ROWS' }]);
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: row.cellCount }, (_, c) => cellValue(row.getCell(c + 1).value)));
  }
  return readBudgetRows(rows);
}

export async function writeBudgetXlsx(document: ParsedBudgetDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(budgetRows(document));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = [40, 10, 40, 60, 16, 12][index] ?? 10;
    if (index >= 6) column.numFmt = '#,##0;-#,##0';
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
