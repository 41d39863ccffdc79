import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BudgetDocumentError,
  formatIssue,
  parseBudgetDocument,
  readBudgetDocument,
  type DocumentIssue,
  type ParsedBudgetDocument,
} from './parse';
import { parseDanishAmount } from '@/lib/budget/vocabulary';

const seed = readFileSync(path.resolve(import.meta.dirname, '../../prisma/seed-data/budget-seminar-2025-08-29.txt'), 'utf8');
const otherMunicipality = readFileSync(path.resolve(import.meta.dirname, 'fixtures/other-municipality.txt'), 'utf8');

const proposal = (doc: ParsedBudgetDocument, code: string) => {
  const found = doc.lists.flatMap((l) => l.proposals).find((p) => p.code === code);
  if (!found) throw new Error(`no proposal ${code}`);
  return found;
};
const amounts = (doc: ParsedBudgetDocument, code: string) =>
  proposal(doc, code).lines.map((l) => ({ kind: l.kind, type: l.type, amounts: l.amounts.map((a) => a.amount) }));
const totals = (doc: ParsedBudgetDocument, list: number, which: 'printedTotals' | 'computedTotals', kind: 'SERVICE' | 'TRANSFER') =>
  doc.lists[list]?.[which].filter((t) => t.kind === kind).map((t) => t.amount);

/** Replaces text on one 1-based line of the seed, failing loudly if the seed is not as expected. */
function editLine(text: string, lineNo: number, from: string, to: string): string {
  const lines = text.split('\n');
  const line = lines[lineNo - 1] ?? '';
  if (!line.includes(from)) throw new Error(`line ${lineNo} does not contain "${from}": ${line}`);
  lines[lineNo - 1] = line.replace(from, to);
  return lines.join('\n');
}
function insertLine(text: string, afterLineNo: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(afterLineNo, 0, line);
  return lines.join('\n');
}
function issuesOf(text: string): DocumentIssue[] {
  try {
    parseBudgetDocument(text);
  } catch (error) {
    if (error instanceof BudgetDocumentError) return error.issues;
    throw error;
  }
  throw new Error('expected a BudgetDocumentError');
}

// Minimal one-list document; the filler proposal gives the layout heuristic typical column widths.
const HEADER = ' Nr.  Titel Resume 2026 2027 2028 2029 Type ';
const FILLER = [
  'XU90 Fælles indkøb af kontor-',
  'artikler ',
  '',
  'Kommunens institutioner køber i dag kontorartikler hos flere for-',
  'skellige leverandører. Forslaget samler indkøbet i én fælles af-',
  'tale, så kommunen opnår bedre priser og mindre administration. ',
  '',
  '-100 -100 -100 -100 Effektivisering ',
];
function oneList(rows: string[], service: string, transfer?: string): string {
  return [
    'Referat af budgetmøde ',
    '',
    'Forslag til høring ',
    HEADER,
    '',
    ...FILLER,
    '',
    ...rows,
    '',
    `  I alt, serviceudgifter   ${service}   `,
    ...(transfer ? ['', `  I alt, overførselsudgifter   ${transfer}   `] : []),
    '',
  ].join('\n');
}

describe('parseDanishAmount', () => {
  it('parses thousands separators and signs', () => {
    expect(parseDanishAmount('-1.250')).toBe(-1250);
    expect(parseDanishAmount('-11.298')).toBe(-11298);
    expect(parseDanishAmount('1.250.000')).toBe(1250000);
    expect(parseDanishAmount('39')).toBe(39);
    expect(parseDanishAmount(' 0 ')).toBe(0);
    expect(parseDanishAmount('−600')).toBe(-600); // U+2212 as extracted from some PDFs
  });

  it('rejects non-integers and malformed grouping', () => {
    for (const bad of ['1.25', '12,5', '1.2345', 'abc', '', '-']) expect(() => parseDanishAmount(bad)).toThrow(RangeError);
  });
});

describe('the seed document', () => {
  const doc = parseBudgetDocument(seed);

  it('finds both lists, 31 proposals and the years from the header', () => {
    expect(doc.years).toEqual([2026, 2027, 2028, 2029]);
    expect(doc.lists.map((l) => [l.heading, l.position, l.incorporated, l.proposals.length])).toEqual([
      ['Indarbejdes og sendes i høring', 0, true, 10],
      ['Indarbejdes ikke, men sendes i høring', 1, false, 21],
    ]);
  });

  it('reads printed totals that agree with the computed ones', () => {
    expect(totals(doc, 0, 'printedTotals', 'SERVICE')).toEqual([-9082, -8470, -7767, -7663]);
    expect(totals(doc, 1, 'printedTotals', 'SERVICE')).toEqual([-8699, -11298, -12976, -14254]);
    expect(totals(doc, 0, 'printedTotals', 'TRANSFER')).toEqual([-600, -600, -600, -600]);
    expect(totals(doc, 1, 'printedTotals', 'TRANSFER')).toEqual([39, 78, 117, 156]);
    for (const list of doc.lists) expect(list.computedTotals).toEqual(list.printedTotals);
  });

  it('separates titles from summaries in the tricky cases', () => {
    const expectations: [string, string, string][] = [
      ['ISU02', 'Rette indsats og kortere varighed – styrket faglig vurdering og opfølgning på Børne- og Ungeområdet', 'Forslaget handler om at styrke den faglige vurdering af varighed og rette indsats i støttende indsatser på Børne- og Ungeområdet. Det indebærer en investering i Familieafdelingen for at implementere'],
      ['ØU04', 'Bedre AV og IT-understøttelse på skolerne', 'Administrationen foreslår at indføre en ny og mere bæredygtig og professionel model for AV- og IT-understøttelse'],
      ['ØU05', 'Styring af IT-kontrakter', 'Kommunens IT-kontrakter håndteres i dag både centralt og decentralt, hvilket'],
      ['ISU09', 'Familieklasser Læringshuset', 'Administrationen foreslår at afvikle forsøgsordningen med familieklasser, der'],
      ['ØU08', 'Øget brug af E-handel', 'Undersøgelser viser, at kommuner der øger sin e-handelsgrad, bruger færre penge'],
      ['ØU09', 'Øget indtægtsoptimering', 'Indsatsen for at indtægtsoptimere fortsættes'],
      ['TU04a', 'Ændring i byens udtryk - omlægning af områder', 'Forslaget indebærer, at staudebedene i Nærheden og langs Bornholms Allé omlægges'],
      ['ISU05', 'Serviceniveau på kørsel – det specialiserede dagtilbudsområde/PPR', 'Prioriteringsforslaget indebærer en tilpasning af serviceniveauet for transport'],
      ['ØU12', 'Opsigelse af medlemskab i Den Digitale hotline', 'Høje-Taastrup Kommune (HTK) er medlem af Den Digitale Hotline (DDH)'],
    ];
    for (const [code, title, summaryStart] of expectations) {
      expect(proposal(doc, code).title, code).toBe(title);
      expect(proposal(doc, code).summary.startsWith(summaryStart), code).toBe(true);
    }
    expect(proposal(doc, 'ØU05').summary.endsWith('følge op på IT-kontrakter.')).toBe(true);
    expect(proposal(doc, 'ØU12').summary).toContain('Det foreslås, at Høje-Taastrup Kommune udtræder');
  });

  it('gives every proposal a clean title and summary', () => {
    for (const p of doc.lists.flatMap((l) => l.proposals)) {
      expect(p.title.length, p.code).toBeGreaterThan(0);
      expect(p.summary.length, p.code).toBeGreaterThan(p.title.length);
      for (const text of [p.title, p.summary]) {
        // A lowercase letter, hyphen, space and then not a conjunction is a line-break artefact like "va- righed".
        expect(text, p.code).not.toMatch(/\p{Ll}- (?!og |eller )/u);
        expect(text, p.code).not.toMatch(/\s{2}|^\s|\s$/);
      }
    }
  });

  it('reads service and transfer lines with their own types', () => {
    expect(amounts(doc, 'ISU05')).toEqual([
      { kind: 'SERVICE', type: 'EFFICIENCY', amounts: [-28, -57, -135, -213] },
      { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', amounts: [39, 78, 117, 156] },
    ]);
    expect(amounts(doc, 'ØU09')).toEqual([
      { kind: 'SERVICE', type: 'EFFICIENCY', amounts: [-400, -400, -400, -400] },
      { kind: 'TRANSFER', type: 'EFFICIENCY', amounts: [-600, -600, -600, -600] },
    ]);
    expect(amounts(doc, 'ISU20')).toEqual([{ kind: 'SERVICE', type: 'EXTRA_REVENUE', amounts: [-100, -100, -100, -100] }]);
    expect(proposal(doc, 'ISU02').lines[0]?.amounts).toEqual([
      { year: 2026, amount: -1250 },
      { year: 2027, amount: -2250 },
      { year: 2028, amount: -2250 },
      { year: 2029, amount: -2250 },
    ]);
  });
});

describe('layout quirks', () => {
  it('ignores table headers repeated between proposals and inside a summary', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          HEADER.replace(' Resume', ''),
          '',
          'XU01 Kortere sagsbehandling ',
          '',
          'Forslaget samler sagsbehandlingen i ét team, så borgerne får et ',
          HEADER,
          '',
          'hurtigere svar og kommunen bruger færre timer på overdragelser. ',
          '',
          '-50 -50 -50 -50 Besparelse ',
        ],
        '-150 -150 -150 -150',
      ),
    );
    expect(doc.lists).toHaveLength(1);
    expect(doc.lists[0]?.proposals.map((p) => p.code)).toEqual(['XU90', 'XU01']);
    expect(proposal(doc, 'XU01').summary).toBe(
      'Forslaget samler sagsbehandlingen i ét team, så borgerne får et hurtigere svar og kommunen bruger færre timer på overdragelser.',
    );
  });

  it('joins words hyphenated across lines and across blank lines', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'XU02 Bedre IT-',
          'understøttelse af Børne-',
          '',
          'og Ungeområdets va-',
          '',
          'righed ',
          '',
          'Forslaget vil styrke den faglige vurdering i hele Høje-Taa-',
          'strup Kommune og skal reducere den gennemsnitlige indsats-',
          'varighed. Det indebærer en investering for at implemen-',
          '',
          'tere en ny arbejdsgang i budget 2026-',
          '2029. ',
          '',
          '-200 -200 -200 -200 Effektivise-',
          '',
          'ring ',
        ],
        '-300 -300 -300 -300',
      ),
    );
    const p = proposal(doc, 'XU02');
    expect(p.title).toBe('Bedre IT-understøttelse af Børne- og Ungeområdets varighed');
    expect(p.summary).toBe(
      'Forslaget vil styrke den faglige vurdering i hele Høje-Taastrup Kommune og skal reducere den gennemsnitlige indsatsvarighed. Det indebærer en investering for at implementere en ny arbejdsgang i budget 2026-2029.',
    );
    expect(p.lines[0]?.type).toBe('EFFICIENCY');
  });

  it('attaches "(overførsler)" rows to the proposal above as transfer lines', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'XU03 Tidlig indsats for ledige ',
          '',
          'Jobcentret styrker den tidlige indsats for nyledige borgere, så ',
          'flere kommer hurtigere i arbejde og udgifterne til ydelser falder. ',
          '',
          '100 100 100 100 Merudgift ',
          '',
          'XU03 (overførsler) -1.500 -2.000 -2.000 -2.000 Effektivise-',
          '',
          'ring ',
        ],
        '0 0 0 0',
        '-1.500 -2.000 -2.000 -2.000',
      ),
    );
    expect(amounts(doc, 'XU03')).toEqual([
      { kind: 'SERVICE', type: 'EXTRA_EXPENDITURE', amounts: [100, 100, 100, 100] },
      { kind: 'TRANSFER', type: 'EFFICIENCY', amounts: [-1500, -2000, -2000, -2000] },
    ]);
    expect(totals(doc, 0, 'computedTotals', 'TRANSFER')).toEqual([-1500, -2000, -2000, -2000]);
  });

  it('reads thousands separators and negative and positive amounts', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'XU04 Investering i velfærdsteknologi ',
          '',
          'Kommunen investerer i velfærdsteknologi på plejecentrene. Inve- ',
          'steringen giver merudgifter de første år og besparelser derefter. ',
          '',
          '1.250 400 -150 -11.298 Effektivisering ',
        ],
        '1.150 300 -250 -11.398',
      ),
    );
    expect(amounts(doc, 'XU04')[0]?.amounts).toEqual([1250, 400, -150, -11298]);
  });

  it('reads codes with a lowercase suffix and Danish letters in the committee prefix', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'TU04a Ændring i byens udtryk - ',
          'omlægning af områder ',
          '',
          'Forslaget indebærer, at staudebedene langs hovedgaden omlægges ',
          'til mindre plejetunge arealer, for eksempel græs og buske. ',
          '',
          '-100 -400 -500 -500 Besparelse ',
          '',
          'ÆSU01 Færre ernæringsforløb ',
          '',
          'Der lægges op til en reduktion i antallet af ernæringsforløb på ',
          'Sundhedscentret, hvor en del opgaver kan løses digitalt i stedet. ',
          '',
          '-50 -50 -50 -50 Besparelse ',
        ],
        '-250 -550 -650 -650',
      ),
    );
    expect([proposal(doc, 'TU04a').committeeCode, proposal(doc, 'ÆSU01').committeeCode]).toEqual(['TU', 'ÆSU']);
    expect(proposal(doc, 'TU04a').title).toBe('Ændring i byens udtryk - omlægning af områder');
  });

  it('splits a title and the first summary line sharing the code line', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'XU05 Lukning af Café Solsikken Caféen på plejecentret har et lavt besøgstal, og driften kræver ',
          'personale fra plejen i spisetiden, og det foreslås derfor at lukke ',
          'caféen og i stedet tilbyde fællesspisning i beboernes dagligstue. ',
          '',
          '-300 -300 -300 -300 Besparelse ',
        ],
        '-400 -400 -400 -400',
      ),
    );
    expect(proposal(doc, 'XU05').title).toBe('Lukning af Café Solsikken');
    expect(proposal(doc, 'XU05').summary.startsWith('Caféen på plejecentret har et lavt besøgstal, og driften kræver')).toBe(true);
  });

  it('reads a one-line summary that shares the amounts line', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'XU11 Kortere åbningstid i SFO ',
          '',
          'Åbningstiden i SFO reduceres med en halv time om eftermiddagen. -600 -1.440 -1.440 -1.440 Besparelse ',
          '',
          'XU12 Færre tømninger af haveaffald ',
          'Haveaffald hentes hver tredje uge i sommerhalvåret. -340 -340 -340 -340 Effektivise-',
          'ring ',
        ],
        '-1.040 -1.880 -1.880 -1.880',
      ),
    );
    expect(proposal(doc, 'XU11').title).toBe('Kortere åbningstid i SFO');
    expect(proposal(doc, 'XU11').summary).toBe('Åbningstiden i SFO reduceres med en halv time om eftermiddagen.');
    expect(amounts(doc, 'XU11')).toEqual([{ kind: 'SERVICE', type: 'SAVING', amounts: [-600, -1440, -1440, -1440] }]);
    expect(proposal(doc, 'XU12').summary).toBe('Haveaffald hentes hver tredje uge i sommerhalvåret.');
    expect(amounts(doc, 'XU12')).toEqual([{ kind: 'SERVICE', type: 'EFFICIENCY', amounts: [-340, -340, -340, -340] }]);
  });

  it('reads a whole proposal on one line: title, summary, amounts and type', () => {
    const doc = parseBudgetDocument(
      oneList(['XU15 Kortere åbningstid i SFO Åbningstiden i SFO reduceres med en halv time om eftermiddagen hele året. -600 -1.440 -1.440 -1.440 Besparelse '], '-700 -1.540 -1.540 -1.540'),
    );
    expect([proposal(doc, 'XU15').title, proposal(doc, 'XU15').summary]).toEqual(['Kortere åbningstid i SFO', 'Åbningstiden i SFO reduceres med en halv time om eftermiddagen hele året.']);
    expect(amounts(doc, 'XU15')).toEqual([{ kind: 'SERVICE', type: 'SAVING', amounts: [-600, -1440, -1440, -1440] }]);
  });

  it('keeps a summary line ending in numbers without a type as summary text', () => {
    const doc = parseBudgetDocument(
      oneList(
        ['XU13 Ny skolestruktur ', '', 'Skolerne samles i tre distrikter fra skoleåret 2027 2028 ', 'og antallet af ledere reduceres. ', '', '-200 -400 -400 -400 Effektivisering '],
        '-300 -500 -500 -500',
      ),
    );
    expect(proposal(doc, 'XU13').summary).toBe('Skolerne samles i tre distrikter fra skoleåret 2027 2028 og antallet af ledere reduceres.');
  });

  it('reads headers without "Resume" and with a renamed title column', () => {
    const text = oneList(['XU14 Lukket bibliotek om mandagen ', '', 'Filialerne holder lukket om mandagen, hvor der er færrest besøgende. ', '', '-90 -90 -90 -90 Besparelse '], '-190 -190 -190 -190')
      .replace(HEADER, ' Nr.  Forslag   2026 2027 2028 2029 Type ');
    const doc = parseBudgetDocument(text);
    expect(doc.years).toEqual([2026, 2027, 2028, 2029]);
    expect(doc.lists.map((l) => [l.heading, l.proposals.map((p) => p.code)])).toEqual([['Forslag til høring', ['XU90', 'XU14']]]);
    expect(proposal(doc, 'XU14').summary).toBe('Filialerne holder lukket om mandagen, hvor der er færrest besøgende.');
  });

  it('joins multi-line titles broken by blank lines', () => {
    const doc = parseBudgetDocument(
      oneList(
        [
          'XU06 Reduktion i personale-',
          'forbrug i sociale tilbud som ',
          '',
          'følge af nye regler ',
          '',
          'Det foreslås at reducere personalets tilstedeværelse på de tre ',
          'botilbud, fordi de nye regler stiller færre krav til dokumentation. ',
          '',
          '-211 -211 -211 -211 Besparelse ',
        ],
        '-311 -311 -311 -311',
      ),
    );
    expect(proposal(doc, 'XU06').title).toBe('Reduktion i personaleforbrug i sociale tilbud som følge af nye regler');
    expect(proposal(doc, 'XU06').summary.startsWith('Det foreslås at reducere')).toBe(true);
  });
});

describe('a document from another municipality', () => {
  const doc = parseBudgetDocument(otherMunicipality);

  it('takes years, lists and codes from the document itself', () => {
    expect(doc.years).toEqual([2027, 2028, 2029]);
    expect(doc.lists.map((l) => [l.heading, l.incorporated, l.proposals.map((p) => p.code)])).toEqual([
      ['Forslag der indarbejdes i budgetforslaget', true, ['BUV03', 'KFU12b', 'MTU07', 'SSU11']],
      ['Prioriteringsforslag, der ikke indarbejdes', false, ['SOU04', 'ÆLU02']],
    ]);
    expect(proposal(doc, 'KFU12b').committeeCode).toBe('KFU');
  });

  it('separates titles and summaries', () => {
    expect(doc.lists.flatMap((l) => l.proposals).map((p) => p.title)).toEqual([
      'Samling af dagplejens administration i ét team',
      'Biblioteksbus Nord',
      'Grøn omstilling af kommunens bilpark – el og ladeinfrastruktur',
      'Samling af Social- og Sundhedsforvaltningens sekretariater',
      'Ny IT-platform til hjemmeplejen',
      'Lukning af Café Solsikken',
    ]);
    expect(proposal(doc, 'KFU12b').summary).toBe(
      'Bibliotekets bogbus kører i dag to dage om ugen i den nordlige del af kommunen. Bussen er udtjent og skal udskiftes, og det foreslås at erstatte ruten med afhentningsskabe i tre landsbyer.',
    );
    expect(proposal(doc, 'MTU07').summary).toContain('driftsudgifterne til brændstof og vedligehold falder');
    expect(proposal(doc, 'SOU04').summary.startsWith('Hjemmeplejens nuværende planlægningssystem udløber med udgangen af 2027. En ny IT-platform')).toBe(true);
    expect(proposal(doc, 'ÆLU02').summary.startsWith('Caféen på Solsikkehjemmet har et lavt besøgstal')).toBe(true);
  });

  it('reads amounts, types and consistent totals, with no transfer total where there are no transfers', () => {
    expect(amounts(doc, 'BUV03')).toEqual([
      { kind: 'SERVICE', type: 'EFFICIENCY', amounts: [-1100, -1450, -1450] },
      { kind: 'TRANSFER', type: 'EXTRA_REVENUE', amounts: [-2000, -2500, -2500] },
    ]);
    expect(amounts(doc, 'SOU04')).toEqual([{ kind: 'SERVICE', type: 'EXTRA_EXPENDITURE', amounts: [250, 500, 1250] }]);
    expect(totals(doc, 0, 'printedTotals', 'SERVICE')).toEqual([-1045, -2210, -2660]);
    expect(totals(doc, 1, 'printedTotals', 'TRANSFER')).toEqual([]);
    expect(totals(doc, 1, 'computedTotals', 'TRANSFER')).toEqual([0, 0, 0]);
  });
});

describe('validation', () => {
  it('reports a totals mismatch naming list, year, kind and difference', () => {
    const issues = issuesOf(editLine(seed, 140, '-300 -400', '-300 -399'));
    expect(issues).toEqual([
      {
        code: 'TOTALS_MISMATCH',
        line: 229,
        list: 'Indarbejdes og sendes i høring',
        kind: 'SERVICE',
        year: 2027,
        expected: -8470,
        actual: -8469,
        difference: 1,
      },
    ]);
    expect(formatIssue(issues[0] as DocumentIssue)).toBe(
      'Linje 229: Summen for "Indarbejdes og sendes i høring", serviceudgifter 2027, er -8.469, men dokumentet angiver -8.470 (forskel 1).',
    );
  });

  it('reports every issue at once, in the error message too', () => {
    let text = editLine(seed, 140, '-300 -400', '-300 -399');
    text = editLine(text, 330, '39 78 117', '39 78 118');
    text = editLine(text, 210, 'Besparelse', 'Besparlse');
    try {
      parseBudgetDocument(text);
      expect.unreachable();
    } catch (error) {
      if (!(error instanceof BudgetDocumentError)) throw error;
      expect(error.issues.map((i) => [i.code, i.line, i.list, i.kind, i.year, i.difference])).toEqual([
        ['UNKNOWN_TYPE', 210, 'Indarbejdes og sendes i høring', undefined, undefined, undefined],
        ['TOTALS_MISMATCH', 229, 'Indarbejdes og sendes i høring', 'SERVICE', 2027, 1],
        ['TOTALS_MISMATCH', 588, 'Indarbejdes ikke, men sendes i høring', 'TRANSFER', 2028, 1],
      ]);
      expect(error.message.split('\n')).toHaveLength(3);
      expect(error.message).toContain('overførselsudgifter 2028, er 118, men dokumentet angiver 117 (forskel 1)');
    }
  });

  it('requires a kind without a printed total to sum to zero', () => {
    const issues = issuesOf(editLine(seed, 231, 'I alt, overførselsudgifter   -600 -600 -600 -600', ''));
    expect(issues).toEqual([{ code: 'MISSING_TOTALS', list: 'Indarbejdes og sendes i høring', kind: 'TRANSFER', year: 2026, actual: -600 }]);
    expect(formatIssue(issues[0] as DocumentIssue)).toBe(
      'Listen "Indarbejdes og sendes i høring" mangler linjen "I alt, overførselsudgifter", men forslagene summerer til -600 i 2026.',
    );
  });

  it('reports an unknown type with its line', () => {
    const issues = issuesOf(editLine(seed, 210, 'Besparelse', 'Besparlse'));
    expect(issues).toEqual([
      { code: 'UNKNOWN_TYPE', line: 210, proposal: 'ISU09', list: 'Indarbejdes og sendes i høring', text: 'Besparlse' },
    ]);
    expect(formatIssue(issues[0] as DocumentIssue)).toBe(
      'Linje 210: Ukendt type "Besparlse" for forslag ISU09; forventede Effektivisering, Besparelse, Merindtægt eller Merudgift.',
    );
  });

  it('reports a transfer row without a proposal above it', () => {
    const issues = issuesOf(insertLine(seed, 155, 'ØU99 (overførsler) -5 -5 -5 -5 Merudgift'));
    expect(issues).toEqual([{ code: 'ORPHAN_TRANSFER', line: 156, proposal: 'ØU99', list: 'Indarbejdes og sendes i høring' }]);
    expect(formatIssue(issues[0] as DocumentIssue)).toBe(
      'Linje 156: Overførselslinjen for ØU99 står ikke under et forslag med samme nummer i listen "Indarbejdes og sendes i høring".',
    );
  });

  it('reports an amounts line with the wrong number of columns', () => {
    const issues = issuesOf(editLine(seed, 140, '-300 -400 -400 -400', '-300 -400 -400'));
    expect(issues).toEqual([
      { code: 'BAD_AMOUNTS', line: 140, proposal: 'ØU05', list: 'Indarbejdes og sendes i høring', expected: 4, actual: 3 },
    ]);
    expect(formatIssue(issues[0] as DocumentIssue)).toBe('Linje 140: Der står 3 beløb for forslag ØU05, men tabellen har 4 år.');
  });

  it('reports duplicate codes and proposals without amounts', () => {
    const issues = issuesOf(editLine(editLine(seed, 156, 'ØU08', 'ØU06'), 171, '-1.500 -1.500 -1.500 -1.500 Effektivise-', 'Forslaget er ikke prissat.'));
    expect(issues.map((i) => [i.code, i.line, i.proposal])).toEqual([
      ['DUPLICATE_CODE', 156, 'ØU06'],
      ['MISSING_AMOUNTS', 156, 'ØU06'],
      ['TOTALS_MISMATCH', 229, undefined],
      ['TOTALS_MISMATCH', 229, undefined],
      ['TOTALS_MISMATCH', 229, undefined],
      ['TOTALS_MISMATCH', 229, undefined],
    ]);
  });

  it('reports a document without lists', () => {
    expect(issuesOf('Referat af budgetseminar\n\nIngen forslag.')).toEqual([{ code: 'NO_LISTS' }]);
  });
});

describe('readBudgetDocument', () => {
  it('reads the seed as parseBudgetDocument does, with no unread rows', () => {
    expect(readBudgetDocument(seed)).toEqual({ document: parseBudgetDocument(seed), unread: [], issues: [] });
  });

  it('leaves out a proposal whose amounts it cannot read and returns it as an unread row with its raw text', () => {
    const text = editLine(seed, 171, '-1.500 -1.500 -1.500 -1.500 Effektivise-', '-1.500 -1.5OO -1.500 -1.500 Effektivise-');
    const { document, unread, issues } = readBudgetDocument(text);
    expect(unread).toEqual([{ key: 'line-156', at: { line: 156 }, list: 'Indarbejdes og sendes i høring', listPosition: 0, code: 'ØU08', text: expect.stringMatching(/^ØU08 Øget brug af E-handel [\s\S]*-1\.500 -1\.5OO -1\.500 -1\.500 Effektivise-\nring$/), issues: ['MISSING_AMOUNTS'] }]);
    expect(document.lists[0]!.proposals.map((p) => p.code)).not.toContain('ØU08');
    expect(document.lists[0]!.proposals).toHaveLength(9);
    // Summed without it: 1.500 short of the printed -9.082, which the preview's totals check shows.
    expect(totals(document, 0, 'computedTotals', 'SERVICE')).toEqual([-7582, -6970, -6267, -6163]);
    expect(issues.map((i) => i.code)).toContain('MISSING_AMOUNTS');
    expect(() => parseBudgetDocument(text)).toThrow(BudgetDocumentError);
  });

  it('returns stray text inside a list as one unread row, its lines together while only blank lines part them', () => {
    const text = insertLine(insertLine(seed, 155, 'ØU 99 Et forslag uden'), 156, 'læselig kode');
    const { unread } = readBudgetDocument(text);
    expect(unread).toEqual([{ key: 'line-156', at: { line: 156 }, list: 'Indarbejdes og sendes i høring', listPosition: 0, text: 'ØU 99 Et forslag uden\nlæselig kode', issues: ['UNEXPECTED_LINE', 'UNEXPECTED_LINE'] }]);
  });
});
