import { formatAmount } from '../format';
import { answerGroups, minorityHeading, partyLine, responseLine, STANCES, summaryRows, type HearingNote, type NoteParty, type NoteProposal } from './note';
import { writeContents } from './tagged-pdf/contents';
import { writeTable, type Column } from './tagged-pdf/table';
import { BODY, clean, MARGIN, MUTED, TaggedPdf, TEXT, type Struct } from './tagged-pdf/writer';
import { yieldToEventLoop } from './text';

// The høringsnotat as a tagged PDF (lib/exports/tagged-pdf/) with a contents list. The list needs
// the page of every heading, so the note is laid out twice: the first pass only counts pages.

class NotePdf extends TaggedPdf {
  constructor(private readonly note: HearingNote) {
    const { labels, letterhead, consultationTitle } = note;
    super({ title: `${labels.title} – ${consultationTitle}`, subject: labels.title, author: letterhead.name });
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
    writeTable(this, sect, columns, rows, 8);
    sect.end();
  }

  amounts(parent: Struct, p: NoteProposal) {
    const { labels, years } = this.note;
    const label = 170;
    const column = (this.width - label) / Math.max(years.length, 1);
    const rows = p.lines.map((line) => ({ cells: [`${line.kind} (${line.type})`, ...line.amounts.map(formatAmount)] }));
    if (p.lines.length > 1) rows.push({ cells: [labels.total, ...years.map((_, i) => formatAmount(p.lines.reduce((sum, line) => sum + (line.amounts[i] ?? 0), 0)))], bold: true } as (typeof rows)[number]);
    writeTable(this, parent, [{ header: labels.amounts, width: label }, ...years.map((year) => ({ header: String(year), width: column, align: 'right' as const }))], rows);
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
    for (const group of answerGroups(p.responses, this.note)) {
      this.heading(sect, 5, group.heading);
      for (const response of group.responses) {
        this.ensure(3 * BODY * 1.4);
        this.paragraph(sect, responseLine(response, group, labels), { face: 'bold', gap: 1 });
        if (response.comment === null) this.paragraph(sect, labels.hidden, { face: 'italic', color: MUTED });
        else this.paragraph(sect, response.comment);
      }
      if (group.folded.length) this.paragraph(sect, `${labels.foldedNoRemarks}: ${group.folded.map(partyLine).join(', ')}.`);
    }

    this.heading(sect, 4, labels.responsesSummary);
    this.paragraph(sect, p.responsesSummary || labels.noResponsesSummary);
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
  const pdf = new NotePdf(note);
  pdf.titlePage();
  writeContents(pdf, note.labels.contents, contentsOf(note).map((entry, i) => ({ ...entry, destination: `h${i + 1}` })), pages);
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
  return (await layOut(note, pages)).finish({ title: note.consultationTitle, pageLabel: note.labels.page });
}
