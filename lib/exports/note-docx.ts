import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatAmount } from '../format';
import { minorityHeading, type HearingNote, type NoteProposal } from './note';
import { xmlSafe, yieldToEventLoop } from './text';

/** One paragraph per line, so that the line breaks typed into a comment survive. */
const lines = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  xmlSafe(text)
    .split(/\r\n?|\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, ...options })] }));

const cell = (text: string, options: { bold?: boolean; italics?: boolean; right?: boolean; width?: number } = {}) =>
  new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    children: options.right ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: xmlSafe(text), bold: options.bold })] })] : lines(text, options),
  });

const table = (rows: TableRow[]) => new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });

function proposal(note: HearingNote, p: NoteProposal) {
  const { labels } = note;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(`${p.code} ${p.title}`))] }),
    new Paragraph({ children: [new TextRun({ text: `${labels.list}: `, bold: true }), new TextRun(xmlSafe(p.list))] }),
    ...lines(p.summary.trim()),
  ];
  if (p.lines.length) {
    children.push(
      new Paragraph({}),
      table([
        new TableRow({ tableHeader: true, children: [cell(labels.amounts, { bold: true }), ...note.years.map((year) => cell(String(year), { bold: true, right: true }))] }),
        ...p.lines.map((line) => new TableRow({ children: [cell(`${line.kind} (${line.type})`), ...line.amounts.map((amount) => cell(formatAmount(amount), { right: true }))] })),
      ]),
    );
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(labels.responses)] }));
  if (p.responses.length === 0) children.push(...lines(labels.noResponses));
  else {
    children.push(
      table([
        new TableRow({ tableHeader: true, children: [cell(labels.responses, { bold: true, width: 30 }), cell(labels.stance, { bold: true, width: 20 }), cell(labels.comment, { bold: true, width: 50 })] }),
        ...p.responses.map(
          (r) =>
            new TableRow({
              children: [
                cell(`${r.organisation} (${r.organisationType})`),
                cell([r.stance, r.confidential ? labels.confidential : null].filter(Boolean).join('\n')),
                r.comment === null ? cell(labels.hidden, { italics: true }) : cell(r.comment.trim()),
              ],
            }),
        ),
      ]),
    );
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(labels.remark)] }), ...lines(p.remark.trim() || labels.noRemark));
  return children;
}

/** The footer's "Side {page} af {pages}" with Word's own page fields in place of the placeholders. */
function pageFooter(template: string) {
  const parts = template.split(/(\{page\}|\{pages\})/).filter((part) => part !== '');
  const children = parts.map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part));
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children, size: 16 })] })] });
}

export async function renderNoteDocx(note: HearingNote): Promise<Uint8Array> {
  const { labels } = note;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: xmlSafe(note.letterhead.name), bold: true })] }),
    ...(note.letterhead.contact ? [new Paragraph({ children: [new TextRun({ text: xmlSafe(note.letterhead.contact), size: 18 })] })] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(labels.title)] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(note.consultationTitle), size: 28 })] }),
    new Paragraph({ children: [new TextRun(xmlSafe(`${note.budgetName} · ${labels.generatedAt}`))] }),
    new Paragraph({ children: [new TextRun({ text: labels.edition, italics: true })] }),
  ];
  for (const p of note.proposals) {
    children.push(...proposal(note, p));
    await yieldToEventLoop();
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.organisations)] }));
  if (note.organisations.length === 0) children.push(...lines(labels.none));
  for (const organisation of note.organisations) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(xmlSafe(`${organisation.name} (${organisation.organisationType})`))] }),
      new Paragraph({ children: [new TextRun({ text: labels.generalRemarks, bold: true })] }),
      ...(organisation.generalRemarks === null ? lines(labels.hidden, { italics: true }) : lines(organisation.generalRemarks.trim() || labels.none)),
      ...organisation.minorityStatements.flatMap((statement) => [new Paragraph({ children: [new TextRun({ text: xmlSafe(minorityHeading(statement, labels)), bold: true })] }), ...lines(statement.text.trim())]),
    );
  }
  const doc = new Document({
    title: `${labels.title} – ${xmlSafe(note.consultationTitle)}`,
    creator: xmlSafe(note.letterhead.name),
    sections: [{ footers: { default: pageFooter(labels.page) }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
