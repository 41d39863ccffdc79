import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvRecords } from './csv';
import { xmlSafe } from './text';

// A table of text cells as a CSV or XLSX download that is written while it is sent: the rows
// arrive in batches, and the next batch is asked for only when the client has read the last
// one, so a long table holds neither the event loop nor the memory, and an unread one costs nothing.

/** Written by the shared CSV writer (quoted text, formulas neutralised), with a byte order mark. */
export function csvStream(header: string[], batches: AsyncIterable<string[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${CSV_BOM}${csvRecords([header])}`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRecords(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Every cell a string (never a formula), with a frozen, filterable header row. */
export function xlsxStream(header: string[], batches: AsyncIterable<string[][]>, options: { sheetName: string; widths: number[] }): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((_, index) => ({ width: options.widths[index] ?? 16 }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
    const headerRow = sheet.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    for await (const rows of batches) {
      for (const row of rows) {
        const added = sheet.addRow(row.map(xmlSafe));
        added.alignment = { wrapText: true, vertical: 'top' };
        added.commit();
      }
      // Wait for the client before the next batch.
      if (output.writableNeedDrain) await once(output, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
