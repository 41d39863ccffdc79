import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import da from '@/lib/i18n/messages/da.json';
import { docxText, pdfText, squash } from '@/test/document-text';
import { responseLine, stanceGroups, themeGroups, type HearingNote, type NoteLabels, type NoteParty, type NoteResponse, type NoteStance } from './note';
import { renderNoteDocx } from './note-docx';
import { renderNotePdf } from './note-pdf';

const n = da.exports.note;
const labels: NoteLabels = {
  title: n.title,
  edition: n.editionFull,
  period: 'Høringsperiode: 1. september 2026 kl. 08.00 – 18. september 2026 kl. 12.00',
  deadline: 'Høringsfrist: 18. september 2026 kl. 12.00',
  generatedAt: 'dannet 27. november 2026 kl. 09.00',
  contents: n.contents,
  process: n.process,
  processText: '6 parter blev hørt med frist 18. september 2026 kl. 12.00. Notatet gengiver 4 høringssvar; 2 parter har ikke svaret.',
  consulted: n.consulted,
  summaryTable: n.summaryTable,
  proposal: n.proposal,
  committee: n.committee,
  list: n.list,
  amounts: n.amounts,
  total: n.total,
  summary: n.summary,
  responses: n.responses,
  noResponses: n.noResponses,
  stances: da.responses.stances,
  noStance: n.noStance,
  noTheme: n.noTheme,
  foldedNoRemarks: n.foldedNoRemarks,
  confidential: n.confidential,
  hidden: n.hidden,
  responsesSummary: n.responsesSummary,
  noResponsesSummary: n.noResponsesSummary,
  remark: n.remark,
  noRemark: n.noRemark,
  generalRemarks: n.generalRemarks,
  minorityStatements: n.minorityStatements,
  minority: n.minority,
  minorityBy: n.minorityBy,
  nonResponders: n.nonResponders,
  allResponded: n.allResponded,
  none: n.none,
  page: n.page,
};

const party = (name: string, organisationType: string, statutory: boolean): NoteParty => ({ name, organisationType, statutory });
const senior = party('Ældrerådet', 'Ældreråd', true);
const disability = party('Handicaprådet', 'Handicapråd', true);
const med = party('Hoved-MED', 'MED-udvalg', true);
const school = party('Skolebestyrelsen på Østre Skole', 'Skolebestyrelse', false);
const answering = [senior, disability, med, school];
const silent = [party('Integrationsrådet', 'Integrationsråd', false), party('Dagtilbudsbestyrelsen Solsikken', 'Dagtilbudsbestyrelse', false)];

const answer = (who: NoteParty, stance: NoteStance | null, comment: string | null, confidential = false): NoteResponse => ({ ...who, stance, comment, confidential });

function note(): HearingNote {
  const proposal = (committee: string, i: number) => ({
    code: `${committee}${String(i + 1).padStart(2, '0')}`,
    title: `Færre timer på plejecenter ${i + 1}`,
    summary: 'Forslaget reducerer åbningstiden.\nAndet afsnit om økonomien.',
    list: i < 3 ? 'Indarbejdes og sendes i høring' : 'Sendes i høring',
    committee: committee === 'SU' ? 'Social- og Sundhedsudvalget' : 'Børne- og Ungeudvalget',
    lines: [
      { kind: 'Service', type: 'Besparelse', amounts: [-1250, -2500, -2500, -12500] },
      { kind: 'Overførsler', type: 'Merudgift', amounts: [300, 0, 0, 0] },
    ],
    responses:
      i === 4
        ? []
        : [
            answer(senior, 'OPPOSE', `Ældrerådet om ${committee}0${i + 1}: forslaget rammer beboerne.`),
            answer(disability, 'NO_REMARKS', ''),
            answer(med, i === 0 ? 'REMARKS' : 'NO_REMARKS', i === 0 ? 'Hoved-MED beder om en plan for medarbejderne.' : ''),
            answer(school, i === 1 ? null : 'SUPPORT', i === 1 ? null : `Skolebestyrelsen støtter ${committee}0${i + 1}.`, i === 2),
          ],
    responsesSummary: i === 0 ? 'Ældrerådet og Hoved-MED frygter længere ventetid.' : '',
    remark: i === 0 ? 'Forvaltningen bemærker, at ventetiden følges tæt.' : '',
  });
  const su = Array.from({ length: 5 }, (_, i) => proposal('SU', i));
  const bu = Array.from({ length: 2 }, (_, i) => proposal('BU', i));
  return {
    letterhead: { name: 'Æbeltoft Kommune', contact: 'budget@aebeltoft.example · 86 00 00 00' },
    consultationTitle: 'Høring over Budget 2027-2030',
    budgetName: 'Budget 2027-2030',
    years: [2027, 2028, 2029, 2030],
    parties: [...answering, ...silent],
    lists: [
      { name: 'Indarbejdes og sendes i høring', committees: [{ name: 'Social- og Sundhedsudvalget', proposals: su.slice(0, 3) }, { name: 'Børne- og Ungeudvalget', proposals: bu }] },
      { name: 'Sendes i høring', committees: [{ name: 'Social- og Sundhedsudvalget', proposals: su.slice(3) }] },
    ],
    generalRemarks: [
      { party: senior, text: 'Ældrerådet takker for høringen.' },
      { party: school, text: null },
    ],
    minorityStatements: [
      { party: senior, author: 'Jørgen Øster', text: 'Et mindretal er uenigt.' },
      { party: med, author: null, text: 'Anonymt mindretal.' },
    ],
    nonResponders: silent,
    labels,
  };
}

/** What both renderers must show, in whitespace-free form. */
function expectContent(text: string) {
  for (const phrase of [
    'Æbeltoft Kommune',
    'Høringsnotat',
    'Høring over Budget 2027-2030',
    labels.period!,
    labels.deadline,
    n.editionFull,
    n.contents,
    n.process,
    labels.processText,
    n.consulted,
    n.summaryTable,
    'SU01 Færre timer på plejecenter 1',
    'Social- og Sundhedsudvalget',
    'Andet afsnit om økonomien.',
    '-12.500',
    'Overførsler (Merudgift)',
    n.confidential,
    n.hidden,
    n.noStance,
    // The staff's summary stands right before the administration's remark.
    `${n.responsesSummary} Ældrerådet og Hoved-MED frygter længere ventetid. ${n.remark} Forvaltningen bemærker, at ventetiden følges tæt.`,
    `${n.noResponsesSummary} ${n.remark} ${n.noRemark}`,
    n.noRemark,
    n.noResponses,
    'Hoved-MED beder om en plan for medarbejderne.',
    `${n.foldedNoRemarks}: Handicaprådet (Handicapråd), Hoved-MED (MED-udvalg).`,
    'Ældrerådet takker for høringen.',
    'Mindretalsudtalelse af Jørgen Øster',
    'Anonymt mindretal.',
    n.nonResponders,
    'Dagtilbudsbestyrelsen Solsikken (Dagtilbudsbestyrelse)',
  ]) {
    expect(text).toContain(squash(phrase));
  }
}

/** Every indirect object of the file that is a dictionary. */
const dictionaries = (pdf: PDFDocument) => pdf.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFDict ? [object] : []));

describe('stanceGroups', () => {
  it('groups by stance in a fixed order, keeping statutory bodies first and folding silent "ingen bemærkninger"', () => {
    const groups = stanceGroups(note().lists[0]!.committees[0]!.proposals[1]!.responses, labels);
    expect(groups.map((g) => [g.heading, g.responses.map((r) => r.name), g.folded.map((r) => r.name)])).toEqual([
      ['Støtter ikke', ['Ældrerådet'], []],
      ['Uden angivet holdning', ['Skolebestyrelsen på Østre Skole'], []],
      ['Ingen bemærkninger', [], ['Handicaprådet', 'Hoved-MED']],
    ]);
  });
});

describe('themeGroups', () => {
  it('puts an answer under each of its themes in alphabetical order, then the untagged under "Uden tema", each naming its stance', () => {
    const responses = [
      { ...answer(senior, 'OPPOSE', 'Rammer beboerne.'), themes: ['Konsekvenser for ældre', 'Brugerbetaling'] },
      { ...answer(med, 'REMARKS', 'Plan for medarbejderne.'), themes: ['Arbejdsmiljø'] },
      answer(school, 'SUPPORT', 'Godt.'),
      answer(disability, 'NO_REMARKS', ''),
    ];
    const groups = themeGroups(responses, labels);
    expect(groups.map((g) => [g.heading, g.responses.map((r) => r.name), g.folded.map((r) => r.name)])).toEqual([
      ['Arbejdsmiljø', ['Hoved-MED'], []],
      ['Brugerbetaling', ['Ældrerådet'], []],
      ['Konsekvenser for ældre', ['Ældrerådet'], []],
      [n.noTheme, ['Skolebestyrelsen på Østre Skole'], ['Handicaprådet']],
    ]);
    expect(responseLine(responses[0]!, groups[1]!, labels)).toBe('Ældrerådet (Ældreråd) – Støtter ikke');
    // By stance, the heading says the stance and the line does not.
    expect(responseLine(responses[0]!, stanceGroups(responses, labels)[0]!, labels)).toBe('Ældrerådet (Ældreråd)');
  });

  it('renders a note grouped by theme as a tagged PDF and in Word', async () => {
    const byTheme = note();
    byTheme.grouping = 'theme';
    const first = byTheme.lists[0]!.committees[0]!.proposals[0]!;
    first.responses = first.responses.map((r, i) => (i === 0 ? { ...r, themes: ['Ventetid'] } : r));
    const pdf = await renderNotePdf(byTheme);
    const structure = dictionaries(await PDFDocument.load(pdf));
    expect(structure.some((d) => d.get(PDFName.of('S')) === PDFName.of('H5'))).toBe(true);
    for (const text of [(await pdfText(pdf)).text, await docxText(await renderNoteDocx(byTheme))]) {
      expect(text).toContain(squash('Ventetid Ældrerådet (Ældreråd) – Støtter ikke Ældrerådet om SU01: forslaget rammer beboerne.'));
      expect(text).toContain(squash(n.noTheme));
      expectContent(text);
    }
  }, 30_000);
});

describe('renderNotePdf', () => {
  it('is a tagged PDF in Danish with embedded fonts, bookmarks, a contents list and the summary table', async () => {
    const bytes = await renderNotePdf(note());
    const pdf = await PDFDocument.load(bytes);
    const catalog = pdf.catalog;
    expect(catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const markInfo = catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect((catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('da-DK');
    expect(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
    expect(pdf.getTitle()).toBe('Høringsnotat – Høring over Budget 2027-2030');
    const outlines = catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.get(PDFName.of('First'))).toBeDefined();

    const all = dictionaries(pdf);
    const structTypes = new Set(all.flatMap((d) => (d.get(PDFName.of('S')) instanceof PDFName ? [(d.get(PDFName.of('S')) as PDFName).asString()] : [])));
    for (const type of ['/Document', '/H1', '/H2', '/H3', '/H4', '/H5', '/P', '/L', '/TOC', '/TOCI', '/Link', '/Table', '/TR', '/TH', '/TD']) expect(structTypes).toContain(type);
    // Every header cell says whether it heads a column or a row.
    const headerCells = all.filter((d) => d.get(PDFName.of('S')) === PDFName.of('TH'));
    expect(headerCells.every((d) => d.lookup(PDFName.of('A'), PDFDict).get(PDFName.of('Scope')) instanceof PDFName)).toBe(true);

    // The contents list's links are in the structure tree (PDF/UA), each with a description.
    const links = all.filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Link'));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      expect(link.get(PDFName.of('StructParent'))).toBeDefined();
      expect(link.get(PDFName.of('Contents'))).toBeDefined();
    }

    const fonts = all.filter((d) => d.get(PDFName.of('Type')) === PDFName.of('Font') && d.get(PDFName.of('Subtype')) !== PDFName.of('Type0'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const descriptor = font.lookup(PDFName.of('FontDescriptor'), PDFDict);
      expect(['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)))).toBe(true);
    }
    expect(pdf.getPages().some((page) => page.getWidth() > page.getHeight())).toBe(true); // the summary table's landscape page

    const { totalPages: pages, text } = await pdfText(bytes);
    expectContent(text);
    // The contents list names the sections with their pages; the summary table has its columns.
    expect(text).toMatch(new RegExp(`${squash(n.contents)}${squash(n.process)}3${squash(n.consulted)}3${squash(n.summaryTable)}4${squash('Indarbejdes og sendes i høring')}5`));
    expect(text).toContain(squash(`${n.proposal}${n.list}${n.committee}2027`));
    expect(text).toContain(squash('Støtter Støtter ikke Bemærkninger Ingen bemærkninger'));
    expect(text).toContain(squash(`Side ${pages} af ${pages}`));
    expect(text).not.toContain('?');
    expect(pdf.getPageCount()).toBe(pages);
    expect(catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict).lookup(PDFName.of('Names'), PDFArray).size()).toBeGreaterThan(10);
  });

  it('embeds every font, as poppler sees it', async (context) => {
    try {
      execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    } catch {
      context.skip();
    }
    const file = join(mkdtempSync(join(tmpdir(), 'note-')), 'note.pdf');
    writeFileSync(file, await renderNotePdf(note()));
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
  });
});

describe('renderNoteDocx', () => {
  it('uses Word heading styles, a contents field, Danish and the municipality as author', async () => {
    const bytes = await renderNoteDocx(note());
    expectContent(await docxText(bytes));
    const zip = await JSZip.loadAsync(bytes);
    const [document, styles, core] = await Promise.all(['word/document.xml', 'word/styles.xml', 'docProps/core.xml'].map((path) => zip.file(path)!.async('string')));
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5']) {
      expect(styles).toContain(`w:styleId="${style}"`);
      expect(document).toContain(`<w:pStyle w:val="${style}"/>`);
    }
    expect(document).toMatch(/<w:instrText[^>]*>\s*TOC /);
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="da-DK"\/>.*<\/w:docDefaults>/s);
    expect(core).toContain('<dc:creator>Æbeltoft Kommune</dc:creator>');
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:updateFields/>');
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toMatch(/Side.*PAGE.*af.*NUMPAGES/s);
  });

  it('drops control characters that XML cannot hold', async () => {
    const withControl = note();
    withControl.lists[0]!.committees[0]!.proposals[0]!.remark = 'Før\u0007efter';
    expect(await docxText(await renderNoteDocx(withControl))).toContain('Førefter');
  });
});
