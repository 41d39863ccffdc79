import { stringify } from 'csv-stringify/sync';

// Every CSV the app writes goes through here, so that no export can be opened as formulas.

/** A byte order mark first, so that Danish Excel reads the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

/**
 * Rows as CSV the way Danish Excel writes it: semicolons and CRLF. Text is always quoted, and text
 * that a spreadsheet would evaluate (starting with =, +, -, @, tab, carriage return or their
 * full-width forms) gets a leading apostrophe, as OWASP recommends against CSV injection: the
 * text stays whole and is shown as text. Numbers are written unquoted and unchanged (by
 * `formatNumber`), so that a spreadsheet still reads -600 as a number.
 */
export function csvRecords(rows: CsvCell[][], formatNumber: (value: number) => string = String): string {
  return stringify(rows, {
    delimiter: ';',
    record_delimiter: '\r\n',
    quoted_string: true,
    quoted_empty: false,
    escape_formulas: true,
    cast: { number: (value) => ({ value: formatNumber(value), escape_formulas: false }) },
  });
}

const GUARDED = /^'[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A cell of a CSV written by csvRecords, read back as the text it was: the leading apostrophe goes. */
export const unguardedCell = (cell: string) => (GUARDED.test(cell) ? cell.slice(1) : cell);
