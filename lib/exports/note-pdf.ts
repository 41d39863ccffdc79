import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { formatAmount } from '../format';
import { minorityHeading, partyLine, STANCES, stanceGroups, summaryRows, type HearingNote, type NoteParty, type NoteProposal } from './note';
import { yieldToEventLoop } from './text';

// The høringsnotat as a tagged PDF (PDF/UA's structure tree, reading order, headings, tables with
// header cells, bookmarks, Danish as its language) with IBM Plex Sans embedded. The contents list
// needs the page of every heading, so the note is laid out twice: the first pass only counts pages.

// IBM Plex Sans as TTF comes with dkfds (the design system the app already depends on); fontkit
// cannot read the woff files of @fontsource. Read from the project's node_modules, which Next's
// server and the CLI scripts both run in. Parsing a font's layout tables costs more than laying out
// a whole note, so each is parsed once per process and shared by the documents (PDFKit subsets it
// per document).
const FONT_DIR = join(process.cwd(), 'node_modules', 'dkfds', 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
const FONT_FILES = { regular: 'IBMPlexSans-Regular.ttf', bold: 'IBMPlexSans-Bold.ttf', italic: 'IBMPlexSans-Italic.ttf' } as const;
type Face = keyof typeof FONT_FILES;
let fonts: Record<Face, Font> | undefined;
const loadFonts = () => (fonts ??= Object.fromEntries(Object.entries(FONT_FILES).map(([face, file]) => [face, create(readFileSync(join(FONT_DIR, file))) as Font])) as Record<Face, Font>);

const MARGIN = 56;
const BOTTOM = 64;
const BODY = 10;
const TEXT = '#1a1a1a';
const MUTED = '#595959';
const RULE = '#b3b3b3';
const HEADER_FILL = '#e8edf2';
const HEADING_SIZES = [20, 15, 12.5, 11, 10];

type Struct = PDFKit.PDFStructureElement;
interface Entry {
  level: 1 | 2 | 3;
  title: string;
  destination: string;
  page: number;
}

/** Characters the file cannot hold (control characters pasted into a comment). */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\r\n?/g, '\n');

// PDFKit writes a header cell's /Scope attribute; its type definitions do not know the option yet.
const scope = (value: 'Column' | 'Row') => ({ scope: value }) as PDFKit.Mixins.StructureElementOptions;

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

class NotePdf {
  readonly doc: PDFKit.PDFDocument;
  readonly entries: Entry[] = [];
  private readonly root: Struct;
  private outline: PDFKit.PDFOutline[] = [];

  constructor(
    private readonly note: HearingNote,
    /** The page of each contents entry, from the first pass; null in the first pass. */
    private readonly pages: number[] | null,
  ) {
    const { labels, letterhead, consultationTitle } = note;
    const files = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
      pdfVersion: '1.7',
      tagged: true,
      lang: 'da-DK',
      displayTitle: true,
      bufferPages: true,
      // PDFKit accepts a fontkit font wherever it takes a font file; its types only know the file.
      font: files.regular as unknown as string,
      info: { Title: `${labels.title} – ${consultationTitle}`, Author: letterhead.name, Subject: labels.title, Creator: letterhead.name },
    });
    for (const face of Object.keys(files) as Face[]) this.doc.registerFont(face, files[face] as unknown as string);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get pageNumber() {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count;
  }

  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait') {
    this.doc.addPage({ size: 'A4', layout, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM } });
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage(this.doc.page.layout as 'portrait' | 'landscape');
  }

  section(parent: Struct = this.root): Struct {
    const sect = this.doc.struct('Sect');
    parent.add(sect);
    return sect;
  }

  /** Lines that only decorate (rules, cell backgrounds) are artifacts, outside the structure. */
  artifact(draw: () => void) {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  paragraph(parent: Struct, text: string, { face = 'regular', size = BODY, color = TEXT, gap = 4 }: { face?: Face; size?: number; color?: string; gap?: number } = {}) {
    const value = clean(text).trim();
    if (!value) return;
    parent.add(
      this.doc.struct('P', {}, () => {
        this.doc.font(face).fontSize(size).fillColor(color).text(value, MARGIN, this.doc.y, { width: this.width, paragraphGap: gap, lineGap: 1.5 });
      }),
    );
  }

  /** A heading; levels 1–3 are also bookmarks and contents entries. */
  heading(parent: Struct, level: 1 | 2 | 3 | 4 | 5, text: string) {
    const size = HEADING_SIZES[level - 1]!;
    this.ensure(size * 1.4 + 4 * BODY * 1.4);
    this.doc.moveDown(level <= 2 ? 0.6 : 0.3);
    const title = clean(text);
    if (level <= 3) {
      const destination = `h${this.entries.length}`;
      this.doc.addNamedDestination(destination, 'XYZ', null, this.doc.page.height - this.doc.y + size, null);
      this.entries.push({ level: level as 1 | 2 | 3, title, destination, page: this.pageNumber });
      const item = (level === 1 ? this.doc.outline : (this.outline[level - 2] ?? this.doc.outline)).addItem(title);
      this.outline[level - 1] = item;
      this.outline.length = level;
    }
    parent.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font('bold').fontSize(size).fillColor(TEXT).text(title, MARGIN, this.doc.y, { width: this.width, paragraphGap: 4 });
      }),
    );
  }

  list(parent: Struct, items: string[]) {
    const list = this.doc.struct('L');
    parent.add(list);
    this.doc.font('regular').fontSize(BODY).fillColor(TEXT);
    this.doc.list(items.map(clean), MARGIN, this.doc.y, { width: this.width, structParent: list, bulletRadius: 1.5, textIndent: 10, bulletIndent: 4, paragraphGap: 2 });
    list.end();
    this.doc.moveDown(0.5);
  }

  /**
   * A table with header cells: the header row (TH, column scope) repeats on each page it
   * continues on, as an artifact there; the first cell of a body row is its row header.
   */
  table(parent: Struct, columns: Column[], rows: { cells: string[]; bold?: boolean }[], size = BODY - 1) {
    const { doc } = this;
    const table = doc.struct('Table');
    parent.add(table);
    const pad = 3;
    const heightOf = (cells: string[], face: Face) =>
      Math.max(...cells.map((cell, i) => doc.font(face).fontSize(size).heightOfString(clean(cell), { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
    const drawRow = (cells: string[], face: Face, row: Struct | null, header: boolean) => {
      const top = doc.y;
      const height = heightOf(cells, face);
      let x = MARGIN;
      this.artifact(() => {
        if (header) doc.rect(MARGIN, top, this.width, height).fill(HEADER_FILL);
        doc.moveTo(MARGIN, top + height).lineTo(MARGIN + columns.reduce((sum, c) => sum + c.width, 0), top + height).lineWidth(0.5).stroke(RULE);
      });
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        const draw = () => doc.font(face).fontSize(size).fillColor(TEXT).text(clean(cell), x + pad, top + pad, { width: column.width - 2 * pad, align: column.align ?? 'left' });
        if (row) row.add(header || i === 0 ? doc.struct('TH', scope(header ? 'Column' : 'Row'), draw) : doc.struct('TD', {}, draw));
        else this.artifact(draw);
        x += column.width;
      });
      doc.x = MARGIN;
      doc.y = top + height;
    };
    const headers = columns.map((c) => c.header);
    const headerRow = doc.struct('TR');
    table.add(headerRow);
    this.ensure(heightOf(headers, 'bold') + heightOf(rows[0]?.cells ?? headers, 'regular'));
    drawRow(headers, 'bold', headerRow, true);
    headerRow.end();
    for (const { cells, bold } of rows) {
      const face = bold ? 'bold' : 'regular';
      if (doc.y + heightOf(cells, face) > this.bottom) {
        this.newPage(doc.page.layout as 'portrait' | 'landscape');
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

  titlePage() {
    const { doc, note } = this;
    const { labels, letterhead } = note;
    const sect = this.section();
    this.paragraph(sect, letterhead.name, { face: 'bold', size: 14, gap: 2 });
    if (letterhead.contact) this.paragraph(sect, letterhead.contact, { color: MUTED });
    doc.y = 250;
    sect.add(doc.struct('H1', {}, () => doc.font('bold').fontSize(30).fillColor(TEXT).text(labels.title, MARGIN, doc.y, { width: this.width, paragraphGap: 8 })));
    this.paragraph(sect, note.consultationTitle, { size: 18, gap: 6 });
    this.paragraph(sect, note.budgetName, { size: 13, color: MUTED, gap: 24 });
    for (const line of [labels.period, labels.deadline, labels.generatedAt]) if (line) this.paragraph(sect, line, { gap: 2 });
    doc.moveDown(1.5);
    this.paragraph(sect, labels.edition, { face: 'italic', color: MUTED });
    sect.end();
  }

  /** The contents list; in the first pass its page numbers are placeholders of the same width. */
  contents(entries: Omit<Entry, 'page'>[]) {
    const { doc, note } = this;
    this.newPage();
    const sect = this.section();
    this.heading(sect, 1, note.labels.contents);
    const toc = doc.struct('TOC');
    sect.add(toc);
    const numberWidth = 30;
    entries.forEach((entry, i) => {
      const indent = (entry.level - 1) * 14;
      const face: Face = entry.level === 1 ? 'bold' : 'regular';
      const text = entry.title;
      const page = String(this.pages?.[i] ?? 0);
      const width = this.width - indent - numberWidth - 8;
      this.ensure(doc.font(face).fontSize(BODY).heightOfString(text, { width }) + 4);
      const top = doc.y;
      // The link annotation is made here, not by text()'s goTo option, which leaves it out of the
      // structure tree; PDF/UA wants it inside its Link element, with a description.
      const link: Struct = doc.struct('Link', {}, () => {
        doc.font(face).fontSize(BODY).fillColor(TEXT).text(text, MARGIN + indent, top, { width });
        const bottom = doc.y;
        doc.text(page, MARGIN + this.width - numberWidth, top, { width: numberWidth, align: 'right' });
        doc.goTo(MARGIN + indent, top, this.width - indent, Math.max(bottom, doc.y) - top, entry.destination, { structParent: link, Contents: new String(text) } as unknown as PDFKit.Mixins.AnnotationOption);
        doc.y = Math.max(bottom, doc.y) + (entry.level === 1 ? 4 : 1);
      });
      toc.add(doc.struct('TOCI', {}, [link]));
    });
    toc.end();
    sect.end();
  }

  process() {
    const { note } = this;
    const { labels } = note;
    this.newPage();
    const sect = this.section();
    this.heading(sect, 1, labels.process);
    this.paragraph(sect, labels.processText);
    this.heading(sect, 2, labels.consulted);
    this.list(sect, note.parties.map(partyLine));
    sect.end();
  }

  summary() {
    const { note } = this;
    const { labels, years } = note;
    this.newPage('landscape');
    const sect = this.section();
    this.heading(sect, 1, labels.summaryTable);
    const [yearWidth, countWidth] = [50, 64];
    const rest = this.width - years.length * yearWidth - STANCES.length * countWidth;
    const columns: Column[] = [
      { header: labels.proposal, width: rest * 0.46 },
      { header: labels.list, width: rest * 0.3 },
      { header: labels.committee, width: rest * 0.24 },
      ...years.map((year) => ({ header: `${year}\n${labels.amounts}`, width: yearWidth, align: 'right' as const })),
      ...STANCES.map((stance) => ({ header: labels.stances[stance], width: countWidth, align: 'right' as const })),
    ];
    const rows = summaryRows(note).map(({ proposal, totals, counts }) => ({
      cells: [`${proposal.code} ${proposal.title}`, proposal.list, proposal.committee, ...totals.map(formatAmount), ...STANCES.map((stance) => String(counts[stance]))],
    }));
    this.table(sect, columns, rows, 8);
    sect.end();
  }

  amounts(parent: Struct, p: NoteProposal) {
    const { labels, years } = this.note;
    const label = 170;
    const column = (this.width - label) / Math.max(years.length, 1);
    const rows = p.lines.map((line) => ({ cells: [`${line.kind} (${line.type})`, ...line.amounts.map(formatAmount)] }));
    if (p.lines.length > 1) rows.push({ cells: [labels.total, ...years.map((_, i) => formatAmount(p.lines.reduce((sum, line) => sum + (line.amounts[i] ?? 0), 0)))], bold: true } as (typeof rows)[number]);
    this.table(parent, [{ header: labels.amounts, width: label }, ...years.map((year) => ({ header: String(year), width: column, align: 'right' as const }))], rows);
  }

  proposal(parent: Struct, p: NoteProposal) {
    const { labels } = this.note;
    const sect = this.section(parent);
    this.heading(sect, 3, `${p.code} ${p.title}`);
    this.paragraph(sect, `${labels.list}: ${p.list} · ${labels.committee}: ${p.committee}`, { color: MUTED });
    this.heading(sect, 4, labels.summary);
    this.paragraph(sect, p.summary || labels.none);
    if (p.lines.length) this.amounts(sect, p);

    this.heading(sect, 4, labels.responses);
    if (p.responses.length === 0) this.paragraph(sect, labels.noResponses);
    for (const group of stanceGroups(p.responses, labels)) {
      this.heading(sect, 5, group.heading);
      for (const response of group.responses) {
        this.ensure(3 * BODY * 1.4);
        this.paragraph(sect, [partyLine(response), response.confidential ? labels.confidential : null].filter(Boolean).join(' '), { face: 'bold', gap: 1 });
        if (response.comment === null) this.paragraph(sect, labels.hidden, { face: 'italic', color: MUTED });
        else this.paragraph(sect, response.comment);
      }
      if (group.folded.length) this.paragraph(sect, `${labels.foldedNoRemarks}: ${group.folded.map(partyLine).join(', ')}.`);
    }

    this.heading(sect, 4, labels.remark);
    this.paragraph(sect, p.remark || labels.noRemark);
    sect.end();
  }

  partyTexts(title: string, items: { party: NoteParty; lead?: string; text: string | null }[], pageBreak: boolean) {
    const { labels } = this.note;
    if (pageBreak) this.newPage();
    const sect = this.section();
    this.heading(sect, 1, title);
    if (items.length === 0) this.paragraph(sect, labels.none);
    for (const item of items) {
      this.heading(sect, 2, partyLine(item.party));
      if (item.lead) this.paragraph(sect, item.lead, { face: 'bold', gap: 1 });
      if (item.text === null) this.paragraph(sect, labels.hidden, { face: 'italic', color: MUTED });
      else this.paragraph(sect, item.text);
    }
    sect.end();
  }

  async body() {
    const { note } = this;
    const { labels } = note;
    this.process();
    this.summary();
    for (const list of note.lists) {
      this.newPage();
      const listSect = this.section();
      this.heading(listSect, 1, list.name);
      for (const committee of list.committees) {
        const committeeSect = this.section(listSect);
        this.heading(committeeSect, 2, committee.name);
        for (const p of committee.proposals) {
          this.proposal(committeeSect, p);
          await yieldToEventLoop();
        }
        committeeSect.end();
      }
      listSect.end();
    }
    this.partyTexts(labels.generalRemarks, note.generalRemarks.map(({ party, text }) => ({ party, text })), true);
    this.partyTexts(labels.minorityStatements, note.minorityStatements.map(({ party, author, text }) => ({ party, lead: minorityHeading({ author }, labels), text })), false);

    const sect = this.section();
    this.heading(sect, 1, labels.nonResponders);
    if (note.nonResponders.length === 0) this.paragraph(sect, labels.allResponded);
    else this.list(sect, note.nonResponders.map(partyLine));
    sect.end();
  }

  /** Page numbers and the consultation's title at the foot of every page but the title page. */
  footers() {
    const { doc, note } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start + 1; i < start + count; i++) {
      doc.switchToPage(i);
      const { margins, width, height } = doc.page;
      const bottom = margins.bottom;
      margins.bottom = 0;
      const y = height - 36;
      const label = note.labels.page.replace('{page}', String(i + 1)).replace('{pages}', String(count));
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('regular').fontSize(8).fillColor(MUTED);
      doc.text(clean(note.consultationTitle), MARGIN, y, { width: width / 2, lineBreak: false, ellipsis: true });
      doc.text(label, width / 2, y, { width: width / 2 - MARGIN, align: 'right', lineBreak: false });
      doc.endMarkedContent();
      margins.bottom = bottom;
    }
  }

  finish(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on('error', reject);
    });
    this.footers();
    this.root.end();
    this.doc.end();
    return done;
  }
}

/** The headings the body writes at levels 1–3, in order: the contents list's entries. */
export function contentsOf(note: HearingNote): { level: 1 | 2 | 3; title: string }[] {
  const { labels } = note;
  const parties = (title: string, items: { party: NoteParty }[]) => [{ level: 1 as const, title }, ...items.map(({ party }) => ({ level: 2 as const, title: partyLine(party) }))];
  return [
    { level: 1, title: labels.process },
    { level: 2, title: labels.consulted },
    { level: 1, title: labels.summaryTable },
    ...note.lists.flatMap((list) => [
      { level: 1 as const, title: list.name },
      ...list.committees.flatMap((committee) => [{ level: 2 as const, title: committee.name }, ...committee.proposals.map((p) => ({ level: 3 as const, title: `${p.code} ${p.title}` }))]),
    ]),
    ...parties(labels.generalRemarks, note.generalRemarks),
    ...parties(labels.minorityStatements, note.minorityStatements),
    { level: 1, title: labels.nonResponders },
  ].map((entry) => ({ level: entry.level as 1 | 2 | 3, title: clean(entry.title) }));
}

async function layOut(note: HearingNote, pages: number[] | null) {
  const pdf = new NotePdf(note, pages);
  pdf.titlePage();
  pdf.contents(contentsOf(note).map((entry, i) => ({ ...entry, destination: `h${i + 1}`, page: 0 })));
  await pdf.body();
  return pdf;
}

export async function renderNotePdf(note: HearingNote): Promise<Uint8Array> {
  // The first pass learns the page of each heading (its contents list has placeholder numbers,
  // which take the same lines), the second writes the note with them.
  const headings = (await layOut(note, null)).entries.slice(1);
  const contents = contentsOf(note);
  if (headings.some((heading, i) => heading.title !== contents[i]?.title) || headings.length !== contents.length) throw new Error('The contents list does not match the headings of the note');
  const pages = headings.map((heading) => heading.page);
  return (await layOut(note, pages)).finish();
}
