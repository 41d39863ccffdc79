import { BODY_SIZE, CONTENT_WIDTH, LEADING, MARGIN, MUTED_COLOR, PdfLayout, type Letterhead } from './pdf-layout';

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
  /** The municipality that receives the response. */
  letterhead: Letterhead;
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

export async function renderReceiptPdf(input: ReceiptInput): Promise<Uint8Array> {
  const { labels } = input;
  const pdf = await PdfLayout.create({ title: `${input.consultationTitle} – ${input.receiptNumber}`, author: input.organisationName, subject: labels.title });
  const { bold } = pdf;

  pdf.letterhead(input.letterhead);
  pdf.write(labels.title, { font: bold, size: 18 });
  pdf.gap(2);
  pdf.write(input.consultationTitle, { size: 12, color: MUTED_COLOR });
  pdf.gap(14);

  const facts: [string, string][] = [
    [labels.receiptNumber, input.receiptNumber],
    [labels.organisation, input.organisationName],
    [labels.submitted, input.submittedAt],
    [labels.submittedBy, input.submittedBy],
    [labels.version, String(input.version)],
    [labels.publication, input.publicationConsent ? labels.publicationYes : labels.publicationNo],
  ];
  const labelWidth = Math.min(160, Math.max(...facts.map(([label]) => pdf.textWidth(label, bold, BODY_SIZE))) + 12);
  for (const [label, value] of facts) {
    // Values sit beside their label, so the whole label must start on the same page as the value.
    pdf.ensure(pdf.lineCount(label, bold, BODY_SIZE, labelWidth - 12) * BODY_SIZE * LEADING);
    const top = pdf.y;
    const rowPage = pdf.page;
    pdf.write(label, { font: bold, width: labelWidth - 12 });
    const afterLabel = pdf.y;
    pdf.y = top;
    pdf.write(value, { x: MARGIN + labelWidth, width: CONTENT_WIDTH - labelWidth });
    if (pdf.page === rowPage) pdf.y = Math.min(pdf.y, afterLabel);
    pdf.gap(2);
  }

  pdf.heading(labels.generalRemarks);
  pdf.write(input.generalRemarks.trim() || labels.none);

  pdf.heading(labels.answers);
  if (input.answers.length === 0) pdf.write(labels.none);
  for (const answer of input.answers) {
    pdf.gap(6);
    pdf.ensure(4 * BODY_SIZE * LEADING);
    pdf.write(`${answer.code} ${answer.title}`, { font: bold, size: 11 });
    if (answer.stance) pdf.write(answer.stance, { font: bold, color: MUTED_COLOR });
    if (answer.confidential) pdf.write(labels.confidential, { color: MUTED_COLOR });
    if (answer.comment.trim()) pdf.write(answer.comment.trim());
  }

  pdf.heading(labels.minorityStatements);
  if (input.minorityStatements.length === 0) pdf.write(labels.none);
  for (const statement of input.minorityStatements) {
    pdf.gap(4);
    pdf.write(statement.author, { font: bold });
    pdf.write(statement.text.trim());
  }

  pdf.heading(labels.attachments);
  if (input.attachments.length === 0) pdf.write(labels.none);
  for (const name of input.attachments) pdf.write(`• ${name}`);

  return pdf.finish(input.receiptNumber, labels.page);
}
