// The DOCX reader: the document's tables as OOXML has them (w:tbl, w:tr, w:tc, with w:gridSpan),
// read with saxes, as the table model of table.ts. A cell's column in the table grid stands in
// for its x-position and its paragraphs for its lines, so the PDF's column logic applies as is.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { DocumentIssue } from './parse';
import type { SourceLine } from './table';

// Grid units per column, and a fragment's width within one: any values with gaps between columns.
const COLUMN_WIDTH = 100;
const TEXT_WIDTH = 50;

export type DocxRead = { lines: SourceLine[] } | { issue: DocumentIssue };

/** The lines of word/document.xml: paragraphs outside tables as text at the left margin, table rows by grid column. */
export function docxLines(xml: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let tables = 0;
  let depth = 0; // nesting of w:tbl; nested tables are read as their cell's text
  let row: { column: number; cells: { column: number; paragraphs: string[] }[] } | undefined;
  let cell: { column: number; paragraphs: string[] } | undefined;
  let span = 1;
  let paragraph: string | undefined;
  let inText = false;
  const push = (page: number, fragments: SourceLine['fragments']) => lines.push({ page, y: lines.length, fragments });

  const parser = new SaxesParser();
  parser.on('opentag', ({ name, attributes }) => {
    if (name === 'w:tbl' && ++depth === 1) tables++;
    else if (name === 'w:tr' && depth === 1) row = { column: 0, cells: [] };
    else if (name === 'w:tc' && depth === 1 && row) [cell, span] = [{ column: row.column, paragraphs: [] }, 1];
    else if (name === 'w:gridSpan' && depth === 1 && cell) span = Math.max(1, Number(attributes['w:val']) || 1);
    else if (name === 'w:p' && paragraph === undefined) paragraph = '';
    else if (name === 'w:t') inText = true;
    else if (name === 'w:tab' && paragraph !== undefined) paragraph += ' ';
    else if (name === 'w:noBreakHyphen' && paragraph !== undefined) paragraph += '-';
    else if (name === 'w:br' && paragraph !== undefined) paragraph += '\n';
  });
  parser.on('text', (text) => {
    if (inText && paragraph !== undefined) paragraph += text;
  });
  parser.on('closetag', ({ name }) => {
    if (name === 'w:t') inText = false;
    else if (name === 'w:p' && paragraph !== undefined && (depth <= 1 || !cell)) {
      const parts = paragraph.split('\n');
      if (cell) cell.paragraphs.push(...parts);
      else for (const text of parts) if (text.trim()) push(tables + 1, [{ x0: 0, x1: TEXT_WIDTH, text: text.trim() }]);
      paragraph = undefined;
    } else if (name === 'w:tc' && depth === 1 && row && cell) {
      row.cells.push(cell);
      row.column += span;
      cell = undefined;
    } else if (name === 'w:tr' && depth === 1 && row) {
      const height = Math.max(0, ...row.cells.map((c) => c.paragraphs.length));
      for (let k = 0; k < height; k++) {
        const fragments = row.cells.flatMap((c) => {
          const text = c.paragraphs[k]?.trim();
          const x0 = c.column * COLUMN_WIDTH + 10;
          return text ? [{ x0, x1: x0 + TEXT_WIDTH, text }] : [];
        });
        if (fragments.length) push(tables, fragments);
      }
      row = undefined;
    } else if (name === 'w:tbl') depth--;
  });
  parser.write(xml).close();
  return lines;
}

export async function readDocxLines(bytes: Uint8Array): Promise<DocxRead> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  } catch {
    return { issue: { code: 'DOCX_DAMAGED' } };
  }
  if (xml === undefined) return { issue: { code: 'DOCX_DAMAGED' } };
  try {
    return { lines: docxLines(xml) };
  } catch {
    return { issue: { code: 'DOCX_DAMAGED' } };
  }
}
