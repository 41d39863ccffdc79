import { BODY, clean, HEADER_FILL, MARGIN, RULE, TEXT, type Face, type Struct, type TaggedPdf } from './writer';

// PDFKit writes a header cell's /Scope attribute; its type definitions do not know the option yet.
const scope = (value: 'Column' | 'Row') => ({ scope: value }) as PDFKit.Mixins.StructureElementOptions;

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A table with header cells: the header row (TH, column scope) repeats on each page it
 * continues on, as an artifact there; the first cell of a body row is its row header.
 */
export function writeTable(pdf: TaggedPdf, parent: Struct, columns: Column[], rows: { cells: string[]; bold?: boolean }[], size = BODY - 1) {
  const { doc } = pdf;
  const table = doc.struct('Table');
  parent.add(table);
  const pad = 3;
  const heightOf = (cells: string[], face: Face) =>
    Math.max(...cells.map((cell, i) => doc.font(face).fontSize(size).heightOfString(clean(cell), { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: string[], face: Face, row: Struct | null, header: boolean) => {
    const top = doc.y;
    const height = heightOf(cells, face);
    let x = MARGIN;
    pdf.artifact(() => {
      if (header) doc.rect(MARGIN, top, pdf.width, height).fill(HEADER_FILL);
      doc.moveTo(MARGIN, top + height).lineTo(MARGIN + columns.reduce((sum, c) => sum + c.width, 0), top + height).lineWidth(0.5).stroke(RULE);
    });
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      const draw = () => doc.font(face).fontSize(size).fillColor(TEXT).text(clean(cell), x + pad, top + pad, { width: column.width - 2 * pad, align: column.align ?? 'left' });
      if (row) row.add(header || i === 0 ? doc.struct('TH', scope(header ? 'Column' : 'Row'), draw) : doc.struct('TD', {}, draw));
      else pdf.artifact(draw);
      x += column.width;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  const headers = columns.map((c) => c.header);
  const headerRow = doc.struct('TR');
  table.add(headerRow);
  pdf.ensure(heightOf(headers, 'bold') + heightOf(rows[0]?.cells ?? headers, 'regular'));
  drawRow(headers, 'bold', headerRow, true);
  headerRow.end();
  for (const { cells, bold } of rows) {
    const face = bold ? 'bold' : 'regular';
    if (doc.y + heightOf(cells, face) > pdf.bottom) {
      pdf.newPage(doc.page.layout as 'portrait' | 'landscape');
      drawRow(headers, 'bold', null, true);
    }
    const row = doc.struct('TR');
    table.add(row);
    drawRow(cells, face, row, false);
    row.end();
  }
  table.end();
  doc.moveDown(0.6);
}
