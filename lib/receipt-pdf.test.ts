import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfText as textOf, squash } from '@/test/document-text';
import { renderReceiptPdf, type ReceiptAnswer, type ReceiptInput } from './receipt-pdf';

const labels: ReceiptInput['labels'] = {
  title: 'Kvittering for høringssvar',
  receiptNumber: 'Kvitteringsnummer',
  organisation: 'Organisation',
  submitted: 'Indsendt',
  submittedBy: 'Indsendt af',
  version: 'Version',
  generalRemarks: 'Generelle bemærkninger',
  answers: 'Svar på forslag',
  confidential: '(ikke til offentliggørelse)',
  publication: 'Offentliggørelse',
  publicationYes: 'Ja',
  publicationNo: 'Nej',
  minorityStatements: 'Mindretalsudtalelser',
  attachments: 'Bilag',
  none: 'Ingen',
  page: 'Side {page} af {pages}',
};

const paragraph =
  'Forældrebestyrelsen på Søndergårdens Børnehus er bekymret for forslaget, fordi færre pædagoger går ud over de yngste børn. ';
const comment = (i: number) =>
  `${paragraph.repeat(12)}\n\nAfsnit to for forslag ${i}. ${paragraph.repeat(10)}\nSlutsætning nummer ${i} står her.`;

function receipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  const answers: ReceiptAnswer[] = Array.from({ length: 40 }, (_, i) => ({
    code: `BU-${String(i + 1).padStart(2, '0')}`,
    title: `Reduktion af normering i dagtilbud nr. ${i + 1}`,
    stance: i % 2 === 0 ? 'Støtter ikke' : 'Støtter',
    comment: comment(i + 1),
    confidential: i === 3,
  }));
  return {
    letterhead: { name: 'Æbeltoft Kommune', contact: 'budget@aebeltoft.example · 86 00 00 00' },
    receiptNumber: 'BH-000042',
    consultationTitle: 'Høring over Budget 2026-2029',
    organisationName: 'Ældrerådet i Æbeltoft-Øster Åby',
    version: 2,
    submittedAt: '27. november 2026 kl. 14.03',
    submittedBy: 'Søren Ørsted',
    generalRemarks: 'Vi takker for muligheden for at afgive høringssvar.\nVi har følgende bemærkninger.',
    publicationConsent: true,
    answers,
    minorityStatements: [{ author: 'Jørgen Æblegård', text: 'Et mindretal kan ikke tilslutte sig høringssvaret.' }],
    attachments: ['bilag-økonomi.pdf', 'underskrifter.xlsx'],
    labels,
    ...overrides,
  };
}

describe('renderReceiptPdf', () => {
  it('renders a multi-page receipt with all content and page footers', async () => {
    const bytes = await renderReceiptPdf(receipt());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

    const { totalPages, text } = await textOf(bytes);
    expect(totalPages).toBeGreaterThan(1);
    for (const phrase of [
      'Æbeltoft Kommune',
      'budget@aebeltoft.example · 86 00 00 00',
      'BH-000042',
      'Ældrerådet i Æbeltoft-Øster Åby',
      '27. november 2026 kl. 14.03',
      'Søren Ørsted',
      'Vi takker for muligheden',
      '(ikke til offentliggørelse)',
      'Slutsætning nummer 40 står her.',
      'Et mindretal kan ikke tilslutte sig høringssvaret.',
      'Jørgen Æblegård',
      'bilag-økonomi.pdf',
      'underskrifter.xlsx',
      'Side 1 af',
      `Side ${totalPages} af ${totalPages}`,
    ]) {
      expect(text).toContain(squash(phrase));
    }
    // Nothing in this input needs replacing, so line breaks must not have turned into "?".
    expect(text).not.toContain('?');
    for (let i = 1; i <= 40; i++) expect(text).toContain(`BU-${String(i).padStart(2, '0')}`);
  });

  it('sets document metadata', async () => {
    const doc = await PDFDocument.load(await renderReceiptPdf(receipt()));
    expect(doc.getTitle()).toBe('Høring over Budget 2026-2029 – BH-000042');
    expect(doc.getAuthor()).toBe('Ældrerådet i Æbeltoft-Øster Åby');
    expect(doc.getSubject()).toBe('Kvittering for høringssvar');
    expect(doc.getCreator()).toBe('Budgethøring');
  });

  it('is byte-for-byte reproducible', async () => {
    expect(await renderReceiptPdf(receipt())).toEqual(await renderReceiptPdf(receipt()));
  });

  it('breaks words longer than a line instead of overflowing', async () => {
    const word = 'ø'.repeat(150) + 'x'.repeat(150);
    const bytes = await renderReceiptPdf(receipt({ answers: [], generalRemarks: `Før ${word} efter` }));
    const { text } = await textOf(bytes);
    expect(text).toContain(word);
    expect(text).toContain('efter');
  });

  it('replaces characters WinAnsi cannot encode instead of throwing', async () => {
    const bytes = await renderReceiptPdf(
      receipt({
        organisationName: 'Klub 👍🏽 Øst 北京',
        generalRemarks: 'Udgift → besparelse på \u22121.250 kr. 👨‍👩‍👧 “citat” slut',
        answers: [{ code: 'X-1', title: 'Titel → ny', stance: null, comment: 'Kommentar 😀 bevares', confidential: false }],
        attachments: ['fil→navn.pdf'],
      }),
    );
    const { text } = await textOf(bytes);
    expect(text).toContain(squash('Udgift -> besparelse på -1.250 kr.'));
    expect(text).toContain(squash('“citat” slut'));
    expect(text).toContain(squash('Klub'));
    expect(text).toContain(squash('Øst ??'));
    expect(text).toContain(squash('Kommentar ? bevares'));
    expect(text).toContain('fil->navn.pdf');
  });
});
