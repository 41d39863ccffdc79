import { formatAmount } from '../format';
import { BODY_SIZE, CONTENT_WIDTH, LEADING, MARGIN, MUTED_COLOR, PdfLayout } from '../pdf-layout';
import { minorityHeading, stanceLine, type HearingNote, type NoteProposal } from './note';
import { yieldToEventLoop } from './text';

const LABEL_WIDTH = 170;

/** One line of the amounts table: the label left, one right-aligned column per year. */
function amountRow(pdf: PdfLayout, label: string, cells: string[], bold: boolean) {
  const font = bold ? pdf.bold : pdf.regular;
  const column = (CONTENT_WIDTH - LABEL_WIDTH) / Math.max(cells.length, 1);
  pdf.ensure(BODY_SIZE * LEADING);
  const y = pdf.y - BODY_SIZE;
  pdf.page.drawText(pdf.clean(label), { x: MARGIN, y, size: BODY_SIZE, font });
  cells.forEach((cell, i) => {
    const text = pdf.clean(cell);
    const right = MARGIN + LABEL_WIDTH + (i + 1) * column;
    pdf.page.drawText(text, { x: right - font.widthOfTextAtSize(text, BODY_SIZE), y, size: BODY_SIZE, font });
  });
  pdf.y -= BODY_SIZE * LEADING;
}

function proposal(pdf: PdfLayout, note: HearingNote, p: NoteProposal) {
  const { labels } = note;
  pdf.heading(`${p.code} ${p.title}`, 14);
  pdf.write(`${labels.list}: ${p.list}`, { color: MUTED_COLOR });
  pdf.gap(4);
  if (p.summary.trim()) pdf.write(p.summary.trim());
  if (p.lines.length) {
    pdf.gap(6);
    amountRow(pdf, labels.amounts, note.years.map(String), true);
    for (const line of p.lines) amountRow(pdf, `${line.kind} (${line.type})`, line.amounts.map(formatAmount), false);
  }

  pdf.heading(labels.responses, 11);
  if (p.responses.length === 0) pdf.write(labels.noResponses);
  for (const response of p.responses) {
    pdf.gap(4);
    pdf.ensure(2 * BODY_SIZE * LEADING);
    pdf.write(stanceLine(response, labels), { font: pdf.bold });
    if (response.comment === null) pdf.write(labels.hidden, { color: MUTED_COLOR });
    else if (response.comment.trim()) pdf.write(response.comment.trim());
  }

  pdf.heading(labels.remark, 11);
  pdf.write(p.remark.trim() || labels.noRemark);
}

export async function renderNotePdf(note: HearingNote): Promise<Uint8Array> {
  const { labels } = note;
  const pdf = await PdfLayout.create({ title: `${labels.title} – ${note.consultationTitle}`, author: note.letterhead.name, subject: labels.title });

  pdf.letterhead(note.letterhead);
  pdf.write(labels.title, { font: pdf.bold, size: 18 });
  pdf.gap(2);
  pdf.write(note.consultationTitle, { size: 12, color: MUTED_COLOR });
  pdf.write(`${note.budgetName} · ${labels.generatedAt}`, { color: MUTED_COLOR });
  pdf.gap(4);
  pdf.write(labels.edition);

  for (const p of note.proposals) {
    proposal(pdf, note, p);
    await yieldToEventLoop();
  }

  pdf.heading(labels.organisations, 14);
  if (note.organisations.length === 0) pdf.write(labels.none);
  for (const organisation of note.organisations) {
    pdf.heading(`${organisation.name} (${organisation.organisationType})`, 11);
    pdf.write(`${labels.generalRemarks}:`, { font: pdf.bold });
    pdf.write(organisation.generalRemarks === null ? labels.hidden : organisation.generalRemarks.trim() || labels.none);
    for (const statement of organisation.minorityStatements) {
      pdf.gap(4);
      pdf.write(`${minorityHeading(statement, labels)}:`, { font: pdf.bold });
      pdf.write(statement.text.trim());
    }
    await yieldToEventLoop();
  }

  return pdf.finish(note.consultationTitle, labels.page);
}
