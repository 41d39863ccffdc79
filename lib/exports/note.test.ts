import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxText, pdfText, squash } from '@/test/document-text';
import type { HearingNote, NoteLabels } from './note';
import { renderNoteDocx } from './note-docx';
import { renderNotePdf } from './note-pdf';

const labels: NoteLabels = {
  title: 'Høringsnotat',
  edition: 'Fuld udgave til byrådet.',
  generatedAt: 'dannet 27. november 2026 kl. 09.00',
  list: 'Liste',
  amounts: '1.000 kr.',
  responses: 'Høringssvar',
  noResponses: 'Ingen høringssvar til forslaget.',
  stance: 'Holdning',
  comment: 'Bemærkning',
  confidential: '(ikke til offentliggørelse)',
  hidden: 'Udeladt af forvaltningen.',
  remark: 'Administrationens bemærkning',
  noRemark: 'Ingen bemærkning.',
  organisations: 'Generelle bemærkninger og mindretalsudtalelser',
  generalRemarks: 'Generelle bemærkninger',
  minority: 'Mindretalsudtalelse',
  minorityBy: 'Mindretalsudtalelse af {author}',
  none: 'Ingen.',
  page: 'Side {page} af {pages}',
};

const organisations = Array.from({ length: 12 }, (_, i) => `Ældrerådet nr. ${i + 1} i Æbeltoft`);

function note(): HearingNote {
  return {
    consultationTitle: 'Høring over Budget 2027-2030',
    budgetName: 'Budget 2027-2030',
    years: [2027, 2028, 2029, 2030],
    proposals: Array.from({ length: 8 }, (_, p) => ({
      code: `SU${String(p + 1).padStart(2, '0')}`,
      title: `Færre timer på plejecenter ${p + 1}`,
      summary: 'Forslaget reducerer åbningstiden.\nAndet afsnit om økonomien.',
      list: 'Indarbejdes og sendes i høring',
      lines: [
        { kind: 'Service', type: 'Besparelse', amounts: [-1250, -2500, -2500, -12500] },
        { kind: 'Overførsler', type: 'Merudgift', amounts: [300, 0, 0, 0] },
      ],
      responses:
        p === 7
          ? []
          : organisations.map((organisation, o) => ({
              organisation,
              organisationType: 'Ældreråd',
              stance: o % 2 ? 'Støtter' : 'Støtter ikke',
              comment: o === 3 ? null : `Svar fra ${organisation} til SU0${p + 1}: forslaget rammer beboerne.`,
              confidential: o === 5,
            })),
      remark: p === 0 ? 'Forvaltningen bemærker, at ventetiden følges tæt.' : '',
    })),
    organisations: [
      { name: organisations[0]!, organisationType: 'Ældreråd', generalRemarks: 'Tak for høringen.', minorityStatements: [{ author: 'Jørgen Øster', text: 'Et mindretal er uenigt.' }] },
      { name: organisations[1]!, organisationType: 'Ældreråd', generalRemarks: null, minorityStatements: [{ author: null, text: 'Anonymt mindretal.' }] },
    ],
    labels,
    letterhead: { name: 'Æbeltoft Kommune', contact: 'budget@aebeltoft.example · 86 00 00 00' },
  };
}

/** What both renderers must show, in whitespace-free form. */
function expectContent(text: string) {
  for (const phrase of [
    'Æbeltoft Kommune',
    'budget@aebeltoft.example · 86 00 00 00',
    'Høringsnotat',
    'Høring over Budget 2027-2030',
    'Fuld udgave til byrådet.',
    'SU01 Færre timer på plejecenter 1',
    'Indarbejdes og sendes i høring',
    'Andet afsnit om økonomien.',
    '-12.500',
    'Overførsler (Merudgift)',
    '(ikke til offentliggørelse)',
    'Udeladt af forvaltningen.',
    'Forvaltningen bemærker, at ventetiden følges tæt.',
    'Ingen bemærkning.',
    'Ingen høringssvar til forslaget.',
    'Mindretalsudtalelse af Jørgen Øster',
    'Et mindretal er uenigt.',
    'Anonymt mindretal.',
  ]) {
    expect(text).toContain(squash(phrase));
  }
  for (let p = 1; p <= 7; p++) {
    for (const [o, organisation] of organisations.entries()) {
      if (o !== 3) expect(text).toContain(squash(`Svar fra ${organisation} til SU0${p}`));
    }
  }
}

describe('renderNotePdf', () => {
  it('lays out every proposal, response and remark over numbered pages', async () => {
    const bytes = await renderNotePdf(note());
    const { totalPages: pages, text } = await pdfText(bytes);
    expectContent(text);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(squash(`Side ${pages} af ${pages}`));
    expect(text).not.toContain('?');
  });
});

describe('renderNoteDocx', () => {
  it('writes every proposal, response and remark, with Word page fields in the footer', async () => {
    const bytes = await renderNoteDocx(note());
    expectContent(await docxText(bytes));
    const footer = await (await JSZip.loadAsync(bytes)).file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toMatch(/Side.*PAGE.*af.*NUMPAGES/s);
  });

  it('drops control characters that XML cannot hold', async () => {
    const withControl = note();
    withControl.proposals[0]!.remark = 'Før\u0007efter';
    expect(await docxText(await renderNoteDocx(withControl))).toContain('Førefter');
  });
});
