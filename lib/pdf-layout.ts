import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

// A4 pages of wrapped Helvetica text, for the receipt. (The høringsnotat is a tagged PDF of its own: lib/exports/note-pdf.ts.)

export const PAGE_WIDTH = 595.28; // A4 in points
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 56;
const FOOTER_Y = 30;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const BODY_SIZE = 10;
export const LEADING = 1.35;
export const TEXT_COLOR = rgb(0.1, 0.1, 0.1);
export const MUTED_COLOR = rgb(0.4, 0.4, 0.4);

// Close WinAnsi equivalents for characters users commonly paste from Word or spreadsheets.
const REPLACEMENTS = new Map<string, string>([
  ['\t', ' '], ['\u2002', ' '], ['\u2003', ' '], ['\u2009', ' '], ['\u202f', ' '],
  ['\u2212', '-'], ['\u2010', '-'], ['\u2011', '-'],
  ['\u2192', '->'], ['\u2190', '<-'], ['\u2264', '<='], ['\u2265', '>='],
]);
// Invisible joiners/selectors inside emoji sequences would otherwise each become an extra "?".
const INVISIBLE = /[\u200b-\u200d\u2060\ufe00-\ufe0f]/gu;

/** Standard fonts only encode WinAnsi; anything else would make pdf-lib throw while drawing. */
function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(INVISIBLE, '')) {
    if (charset.has(ch.codePointAt(0) ?? 0)) out += ch;
    else out += REPLACEMENTS.get(ch) ?? '?';
  }
  return out;
}

/** Greedy word wrap per paragraph; words wider than the line are broken by character. */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let lineWidth = 0;
      for (const ch of word) {
        const chWidth = width(ch);
        if (line !== '' && lineWidth + chWidth > maxWidth) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += chWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

export type TextStyle = { font?: PDFFont; size?: number; color?: Color; x?: number; width?: number };

/** Who issues a document: the municipality's name and the budget office's contact, e.g. "budget@kommune.dk · 43 59 10 00". */
export interface Letterhead {
  name: string;
  contact: string;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
}

/** A document being laid out top to bottom; `page` and `y` are where the next line goes. */
export class PdfLayout {
  page: PDFPage;
  y = PAGE_HEIGHT - MARGIN;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly charset: ReadonlySet<number>,
  ) {
    this.page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  }

  static async create(metadata: PdfMetadata): Promise<PdfLayout> {
    // No automatic metadata: pdf-lib would stamp the current time and break byte-for-byte reproducibility.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    doc.setTitle(metadata.title);
    doc.setAuthor(metadata.author);
    doc.setSubject(metadata.subject);
    doc.setCreator('Budgethøring');
    doc.setProducer('Budgethøring');
    return new PdfLayout(doc, regular, bold, new Set(regular.getCharacterSet()));
  }

  /** Line breaks are not WinAnsi glyphs, so each line is converted on its own and the breaks kept for wrapping. */
  clean(text: string): string {
    return text
      .split(/\r\n?|\n/)
      .map((line) => toWinAnsi(line, this.charset))
      .join('\n');
  }

  /** How many lines the text takes at the given font, size and width. */
  lineCount(text: string, font: PDFFont, size: number, width: number): number {
    return wrap(this.clean(text), font, size, width).length;
  }

  textWidth(text: string, font: PDFFont, size: number): number {
    return font.widthOfTextAtSize(toWinAnsi(text, this.charset), size);
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      this.y = PAGE_HEIGHT - MARGIN;
    }
  }

  write(text: string, { font = this.regular, size = BODY_SIZE, color = TEXT_COLOR, x = MARGIN, width = CONTENT_WIDTH }: TextStyle = {}): void {
    const lineHeight = size * LEADING;
    for (const line of wrap(this.clean(text), font, size, width)) {
      this.ensure(lineHeight);
      if (line !== '') this.page.drawText(line, { x, y: this.y - size, size, font, color });
      this.y -= lineHeight;
    }
  }

  /** The issuer's name and contact at the top of the first page. */
  letterhead({ name, contact }: Letterhead): void {
    this.write(name, { font: this.bold, size: 11 });
    if (contact) this.write(contact, { size: 9, color: MUTED_COLOR });
    this.gap(14);
  }

  gap(points: number): void {
    this.y -= points;
  }

  heading(text: string, size = 13): void {
    this.gap(10);
    // Keep a heading together with at least two lines of what follows it.
    this.ensure((size + 2 * BODY_SIZE) * LEADING);
    this.write(text, { font: this.bold, size });
    this.gap(4);
  }

  /**
   * Draws `left` and the page template (`{page}` and `{pages}` placeholders) at the foot of every
   * page, which needs the final page count, and returns the file.
   */
  async finish(left: string, pageTemplate: string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const footerLeft = this.clean(left);
    const size = 8;
    pages.forEach((p, index) => {
      const footer = this.clean(pageTemplate.replace('{page}', String(index + 1)).replace('{pages}', String(pages.length)));
      p.drawText(footerLeft, { x: MARGIN, y: FOOTER_Y, size, font: this.regular, color: MUTED_COLOR });
      p.drawText(footer, { x: PAGE_WIDTH - MARGIN - this.regular.widthOfTextAtSize(footer, size), y: FOOTER_Y, size, font: this.regular, color: MUTED_COLOR });
    });
    return this.doc.save();
  }
}
