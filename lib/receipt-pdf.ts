import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

export interface ReceiptAnswer {
  code: string;
  title: string;
  /** Already translated label, e.g. "Støtter ikke". */
  stance: string | null;
  comment: string;
  confidential: boolean;
}

export interface ReceiptLabels {
  title: string;
  receiptNumber: string;
  organisation: string;
  submitted: string;
  submittedBy: string;
  version: string;
  generalRemarks: string;
  answers: string;
  confidential: string;
  publication: string;
  publicationYes: string;
  publicationNo: string;
  minorityStatements: string;
  attachments: string;
  none: string;
  /** Footer template with `{page}` and `{pages}` placeholders, e.g. "Side {page} af {pages}". */
  page: string;
}

export interface ReceiptInput {
  receiptNumber: string;
  consultationTitle: string;
  organisationName: string;
  version: number;
  /** Already formatted in Europe/Copenhagen, e.g. "27. november 2026 kl. 14.03". */
  submittedAt: string;
  submittedBy: string;
  generalRemarks: string;
  publicationConsent: boolean;
  /** Only answered proposals. */
  answers: ReceiptAnswer[];
  minorityStatements: { author: string; text: string }[];
  /** File names. */
  attachments: string[];
  labels: ReceiptLabels;
}

const PAGE_WIDTH = 595.28; // A4 in points
const PAGE_HEIGHT = 841.89;
const MARGIN = 56;
const FOOTER_Y = 30;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY_SIZE = 10;
const LEADING = 1.35;
const TEXT_COLOR = rgb(0.1, 0.1, 0.1);
const MUTED_COLOR = rgb(0.4, 0.4, 0.4);

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

export async function renderReceiptPdf(input: ReceiptInput): Promise<Uint8Array> {
  const { labels } = input;
  // No automatic metadata: pdf-lib would stamp the current time and break byte-for-byte reproducibility.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  // Line breaks are not WinAnsi glyphs, so each line is converted on its own and the breaks kept for wrapping.
  const clean = (s: string) =>
    s
      .split(/\r\n?|\n/)
      .map((line) => toWinAnsi(line, charset))
      .join('\n');

  doc.setTitle(`${input.consultationTitle} – ${input.receiptNumber}`);
  doc.setAuthor(input.organisationName);
  doc.setSubject(labels.title);
  doc.setCreator('Budgethøring');
  doc.setProducer('Budgethøring');

  let page: PDFPage = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  let y = PAGE_HEIGHT - MARGIN;

  const ensure = (height: number) => {
    if (y - height < MARGIN) {
      page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      y = PAGE_HEIGHT - MARGIN;
    }
  };

  type Style = { font?: PDFFont; size?: number; color?: Color; x?: number; width?: number };
  const write = (text: string, { font = regular, size = BODY_SIZE, color = TEXT_COLOR, x = MARGIN, width = CONTENT_WIDTH }: Style = {}) => {
    const lineHeight = size * LEADING;
    for (const line of wrap(clean(text), font, size, width)) {
      ensure(lineHeight);
      if (line !== '') page.drawText(line, { x, y: y - size, size, font, color });
      y -= lineHeight;
    }
  };
  const gap = (points: number) => {
    y -= points;
  };
  const heading = (text: string) => {
    gap(10);
    // Keep a heading together with at least two lines of what follows it.
    ensure((13 + 2 * BODY_SIZE) * LEADING);
    write(text, { font: bold, size: 13 });
    gap(4);
  };

  write(labels.title, { font: bold, size: 18 });
  gap(2);
  write(input.consultationTitle, { size: 12, color: MUTED_COLOR });
  gap(14);

  const facts: [string, string][] = [
    [labels.receiptNumber, input.receiptNumber],
    [labels.organisation, input.organisationName],
    [labels.submitted, input.submittedAt],
    [labels.submittedBy, input.submittedBy],
    [labels.version, String(input.version)],
    [labels.publication, input.publicationConsent ? labels.publicationYes : labels.publicationNo],
  ];
  const labelWidth = Math.min(160, Math.max(...facts.map(([label]) => bold.widthOfTextAtSize(toWinAnsi(label, charset), BODY_SIZE))) + 12);
  for (const [label, value] of facts) {
    // Values sit beside their label, so the whole label must start on the same page as the value.
    ensure(wrap(clean(label), bold, BODY_SIZE, labelWidth - 12).length * BODY_SIZE * LEADING);
    const top = y;
    const rowPage = page;
    write(label, { font: bold, width: labelWidth - 12 });
    const afterLabel = y;
    y = top;
    write(value, { x: MARGIN + labelWidth, width: CONTENT_WIDTH - labelWidth });
    if (page === rowPage) y = Math.min(y, afterLabel);
    gap(2);
  }

  heading(labels.generalRemarks);
  write(input.generalRemarks.trim() || labels.none);

  heading(labels.answers);
  if (input.answers.length === 0) write(labels.none);
  for (const answer of input.answers) {
    gap(6);
    ensure(4 * BODY_SIZE * LEADING);
    write(`${answer.code} ${answer.title}`, { font: bold, size: 11 });
    if (answer.stance) write(answer.stance, { font: bold, color: MUTED_COLOR });
    if (answer.confidential) write(labels.confidential, { color: MUTED_COLOR });
    if (answer.comment.trim()) write(answer.comment.trim());
  }

  heading(labels.minorityStatements);
  if (input.minorityStatements.length === 0) write(labels.none);
  for (const statement of input.minorityStatements) {
    gap(4);
    write(statement.author, { font: bold });
    write(statement.text.trim());
  }

  heading(labels.attachments);
  if (input.attachments.length === 0) write(labels.none);
  for (const name of input.attachments) write(`• ${name}`);

  // The footer needs the final page count, so it is drawn once layout is done.
  const pages = doc.getPages();
  const footerReceipt = clean(input.receiptNumber);
  pages.forEach((p, index) => {
    const footer = clean(labels.page.replace('{page}', String(index + 1)).replace('{pages}', String(pages.length)));
    const size = 8;
    p.drawText(footerReceipt, { x: MARGIN, y: FOOTER_Y, size, font: regular, color: MUTED_COLOR });
    p.drawText(footer, { x: PAGE_WIDTH - MARGIN - regular.widthOfTextAtSize(footer, size), y: FOOTER_Y, size, font: regular, color: MUTED_COLOR });
  });

  return doc.save();
}
