import { BODY, MARGIN, TEXT, type Entry, type Face, type Struct, type TaggedPdf } from './writer';

/**
 * The contents list on a page of its own, linked to the headings' destinations. Without `pages`
 * (a first pass, which learns them) its page numbers are placeholders of the same width.
 */
export function writeContents(pdf: TaggedPdf, title: string, entries: Omit<Entry, 'page'>[], pages: number[] | null) {
  const { doc } = pdf;
  pdf.newPage();
  const sect = pdf.section();
  pdf.heading(sect, 1, title);
  const toc = doc.struct('TOC');
  sect.add(toc);
  const numberWidth = 30;
  entries.forEach((entry, i) => {
    const indent = (entry.level - 1) * 14;
    const face: Face = entry.level === 1 ? 'bold' : 'regular';
    const text = entry.title;
    const page = String(pages?.[i] ?? 0);
    const width = pdf.width - indent - numberWidth - 8;
    pdf.ensure(doc.font(face).fontSize(BODY).heightOfString(text, { width }) + 4);
    const top = doc.y;
    // The link annotation is made here, not by text()'s goTo option, which leaves it out of the
    // structure tree; PDF/UA wants it inside its Link element, with a description.
    const link: Struct = doc.struct('Link', {}, () => {
      doc.font(face).fontSize(BODY).fillColor(TEXT).text(text, MARGIN + indent, top, { width });
      const bottom = doc.y;
      doc.text(page, MARGIN + pdf.width - numberWidth, top, { width: numberWidth, align: 'right' });
      doc.goTo(MARGIN + indent, top, pdf.width - indent, Math.max(bottom, doc.y) - top, entry.destination, { structParent: link, Contents: new String(text) } as unknown as PDFKit.Mixins.AnnotationOption);
      doc.y = Math.max(bottom, doc.y) + (entry.level === 1 ? 4 : 1);
    });
    toc.add(doc.struct('TOCI', {}, [link]));
  });
  toc.end();
  sect.end();
}
