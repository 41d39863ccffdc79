import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';

// A tagged PDF (PDF/UA's structure tree, reading order, headings, bookmarks, Danish as its
// language) on A4 with IBM Plex Sans embedded: the document, its pages and its text. Tables and
// the contents list are in table.ts and contents.ts beside it.

// IBM Plex Sans as TTF comes with dkfds (the design system the app already depends on); fontkit
// cannot read the woff files of @fontsource. Read from the project's node_modules, which Next's
// server and the CLI scripts both run in. Parsing a font's layout tables costs more than laying out
// a whole note, so each is parsed once per process and shared by the documents (PDFKit subsets it
// per document).
const FONT_DIR = join(process.cwd(), 'node_modules', 'dkfds', 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
const FONT_FILES = { regular: 'IBMPlexSans-Regular.ttf', bold: 'IBMPlexSans-Bold.ttf', italic: 'IBMPlexSans-Italic.ttf' } as const;
export type Face = keyof typeof FONT_FILES;
let fonts: Record<Face, Font> | undefined;
const loadFonts = () => (fonts ??= Object.fromEntries(Object.entries(FONT_FILES).map(([face, file]) => [face, create(readFileSync(join(FONT_DIR, file))) as Font])) as Record<Face, Font>);

export const MARGIN = 56;
const BOTTOM = 64;
export const BODY = 10;
export const TEXT = '#1a1a1a';
export const MUTED = '#595959';
export const RULE = '#b3b3b3';
export const HEADER_FILL = '#e8edf2';
const HEADING_SIZES = [20, 15, 12.5, 11, 10];

export type Struct = PDFKit.PDFStructureElement;
export interface Entry {
  level: 1 | 2 | 3;
  title: string;
  destination: string;
  page: number;
}

/** Characters the file cannot hold (control characters pasted into a comment). */
export const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\r\n?/g, '\n');

export interface DocumentInfo {
  title: string;
  subject: string;
  /** The municipality, as author and creator. */
  author: string;
}

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly entries: Entry[] = [];
  private readonly root: Struct;
  private outline: PDFKit.PDFOutline[] = [];

  constructor(info: DocumentInfo) {
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
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: info.author },
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

  /** Page numbers and a running title at the foot of every page but the title page. */
  private footers(title: string, pageLabel: string) {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start + 1; i < start + count; i++) {
      doc.switchToPage(i);
      const { margins, width, height } = doc.page;
      const bottom = margins.bottom;
      margins.bottom = 0;
      const y = height - 36;
      const label = pageLabel.replace('{page}', String(i + 1)).replace('{pages}', String(count));
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('regular').fontSize(8).fillColor(MUTED);
      doc.text(clean(title), MARGIN, y, { width: width / 2, lineBreak: false, ellipsis: true });
      doc.text(label, width / 2, y, { width: width / 2 - MARGIN, align: 'right', lineBreak: false });
      doc.endMarkedContent();
      margins.bottom = bottom;
    }
  }

  /** Writes the footers and ends the document; `pageLabel` has `{page}` and `{pages}` in it. */
  finish(footer: { title: string; pageLabel: string }): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on('error', reject);
    });
    this.footers(footer.title, footer.pageLabel);
    this.root.end();
    this.doc.end();
    return done;
  }
}
