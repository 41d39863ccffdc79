import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { formatAmount } from '../format';
import { answerGroups, minorityHeading, partyLine, responseLine, STANCES, summaryRows, type HearingNote, type NoteParty, type NoteProposal } from './note';
import { xmlSafe, yieldToEventLoop } from './text';

// The høringsnotat for Word, in the same order as the PDF: Word's own Title and Heading 1–5 styles
// (so its navigation pane and the contents field find them), a contents field Word fills in when
// the file is opened, Danish as the language of every run, the municipality as author.

type Block = Paragraph | Table | TableOfContents;

/** One paragraph per line, so that the line breaks typed into a comment survive. */
const lines = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  xmlSafe(text)
    .split(/\r\n?|\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, ...options })] }));

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;
const heading = (level: 1 | 2 | 3 | 4 | 5, text: string, pageBreakBefore = false) =>
  new Paragraph({ heading: HEADINGS[level - 1], pageBreakBefore, children: [new TextRun(xmlSafe(text))] });

const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
  new TableCell({
    children: xmlSafe(text)
      .split('\n')
      .map((line) => new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : undefined, children: [new TextRun({ text: line, bold: options.bold })] })),
  });

/** The header row repeats on each page and is marked as such, for screen readers too. */
const table = (headers: { text: string; right?: boolean }[], rows: { cells: string[]; bold?: boolean }[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h.text, { bold: true, right: h.right })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.cells.map((text, i) => cell(text, { bold: row.bold, right: headers[i]?.right })) })),
    ],
  });

const bullets = (items: string[]) => items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(xmlSafe(item))] }));

function proposal(note: HearingNote, p: NoteProposal): Block[] {
  const { labels, years } = note;
  const blocks: Block[] = [
    heading(3, `${p.code} ${p.title}`),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(`${labels.list}: ${p.list} · ${labels.committee}: ${p.committee}`), color: '595959' })] }),
    heading(4, labels.summary),
    ...lines(p.summary.trim() || labels.none),
  ];
  if (p.lines.length) {
    const rows = p.lines.map((line) => ({ cells: [`${line.kind} (${line.type})`, ...line.amounts.map(formatAmount)] }));
    if (p.lines.length > 1) rows.push({ cells: [labels.total, ...years.map((_, i) => formatAmount(p.lines.reduce((sum, line) => sum + (line.amounts[i] ?? 0), 0)))], bold: true } as (typeof rows)[number]);
    blocks.push(new Paragraph({}), table([{ text: labels.amounts }, ...years.map((year) => ({ text: String(year), right: true }))], rows));
  }
  blocks.push(heading(4, labels.responses));
  if (p.responses.length === 0) blocks.push(...lines(labels.noResponses));
  for (const group of answerGroups(p.responses, note)) {
    blocks.push(heading(5, group.heading));
    for (const r of group.responses) {
      blocks.push(
        new Paragraph({ keepNext: true, children: [new TextRun({ text: xmlSafe(responseLine(r, group, labels)), bold: true })] }),
        ...(r.comment === null ? lines(labels.hidden, { italics: true }) : lines(r.comment.trim())),
      );
    }
    if (group.folded.length) blocks.push(...lines(`${labels.foldedNoRemarks}: ${group.folded.map(partyLine).join(', ')}.`));
  }
  blocks.push(heading(4, labels.responsesSummary), ...lines(p.responsesSummary.trim() || labels.noResponsesSummary));
  blocks.push(heading(4, labels.remark), ...lines(p.remark.trim() || labels.noRemark));
  return blocks;
}

function partyTexts(note: HearingNote, title: string, items: { party: NoteParty; lead?: string; text: string | null }[], pageBreak: boolean): Block[] {
  const { labels } = note;
  return [
    heading(1, title, pageBreak),
    ...(items.length === 0 ? lines(labels.none) : []),
    ...items.flatMap((item) => [
      heading(2, partyLine(item.party)),
      ...(item.lead ? lines(item.lead, { bold: true }) : []),
      ...(item.text === null ? lines(labels.hidden, { italics: true }) : lines(item.text.trim() || labels.none)),
    ]),
  ];
}

/** The footer's "Side {page} af {pages}" with Word's own page fields in place of the placeholders. */
function pageFooter(template: string) {
  const parts = template.split(/(\{page\}|\{pages\})/).filter((part) => part !== '');
  const children = parts.map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part));
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children, size: 16 })] })] });
}

export async function renderNoteDocx(note: HearingNote): Promise<Uint8Array> {
  const { labels, letterhead, years } = note;
  const footers = { default: pageFooter(labels.page) };

  const front: Block[] = [
    new Paragraph({ children: [new TextRun({ text: xmlSafe(letterhead.name), bold: true, size: 28 })] }),
    ...(letterhead.contact ? [new Paragraph({ children: [new TextRun({ text: xmlSafe(letterhead.contact), size: 18 })] })] : []),
    new Paragraph({ spacing: { before: 2400 }, heading: HeadingLevel.TITLE, children: [new TextRun(labels.title)] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(note.consultationTitle), size: 36 })] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: xmlSafe(note.budgetName), size: 26, color: '595959' })] }),
    ...[labels.period, labels.deadline, labels.generatedAt].filter((line): line is string => Boolean(line)).map((line) => new Paragraph({ children: [new TextRun(xmlSafe(line))] })),
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: labels.edition, italics: true })] }),
    new Paragraph({ children: [new PageBreak()] }),
    // The contents list is not itself a heading: it would list itself.
    new Paragraph({ children: [new TextRun({ text: labels.contents, bold: true, size: 32 })] }),
    new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-3' }),
    heading(1, labels.process, true),
    ...lines(labels.processText),
    heading(2, labels.consulted),
    ...bullets(note.parties.map(partyLine)),
  ];

  const summary: Block[] = [
    heading(1, labels.summaryTable),
    table(
      [{ text: labels.proposal }, { text: labels.list }, { text: labels.committee }, ...years.map((year) => ({ text: `${year}\n${labels.amounts}`, right: true })), ...STANCES.map((stance) => ({ text: labels.stances[stance], right: true }))],
      summaryRows(note).map(({ proposal: p, totals, counts }) => ({ cells: [`${p.code} ${p.title}`, p.list, p.committee, ...totals.map(formatAmount), ...STANCES.map((stance) => String(counts[stance]))] })),
    ),
  ];

  const body: Block[] = [];
  for (const [i, list] of note.lists.entries()) {
    body.push(heading(1, list.name, i > 0));
    for (const committee of list.committees) {
      body.push(heading(2, committee.name));
      for (const p of committee.proposals) {
        body.push(...proposal(note, p));
        await yieldToEventLoop();
      }
    }
  }
  body.push(
    ...partyTexts(note, labels.generalRemarks, note.generalRemarks, true),
    ...partyTexts(note, labels.minorityStatements, note.minorityStatements.map(({ party, author, text }) => ({ party, lead: minorityHeading({ author }, labels), text })), false),
    heading(1, labels.nonResponders),
    ...(note.nonResponders.length === 0 ? lines(labels.allResponded) : bullets(note.nonResponders.map(partyLine))),
  );

  // The summary table has a column per year and per stance: it gets a landscape section of its own.
  const sections: ISectionOptions[] = [
    { footers, children: front },
    { footers, properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: summary },
    { footers, children: body },
  ];
  const doc = new Document({
    title: xmlSafe(`${labels.title} – ${note.consultationTitle}`),
    subject: labels.title,
    creator: xmlSafe(letterhead.name),
    lastModifiedBy: xmlSafe(letterhead.name),
    features: { updateFields: true },
    styles: { default: { document: { run: { language: { value: 'da-DK' } } } } },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
