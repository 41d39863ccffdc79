import type { OrganisationType, Stance } from '@/lib/generated/prisma/enums';

// Demo comments that fit what a proposal is about and who answers, so that the demo reads like a
// real consultation: a school board writes about pupils, an elder council about care, and neither
// comments on the other's proposals with a sentence about care homes. A proposal's subject is found
// from words in its title and summary, not from its code, so another budget gets fitting texts too.

export type Subject =
  | 'transport' | 'userFees' | 'buildingFees' | 'elderCare' | 'disability' | 'children' | 'school'
  | 'daycare' | 'culture' | 'cityscape' | 'administration' | 'general';

/**
 * Words that point to a subject; "^" marks a word that must begin a word ("^ældre" is not in
 * "forældre"), the others may be parts of compounds ("skole" in "privatskoler").
 */
const SUBJECT_WORDS: [Subject, string[]][] = [
  ['transport', ['kørsel', 'transport', 'befordring', 'buskort']],
  ['userFees', ['brugerbetaling', 'egenbetaling', 'forældrebetaling', 'takst']],
  ['buildingFees', ['byggesag', 'gebyr']],
  ['elderCare', ['plejehjem', 'plejecent', '^plejen', 'hjemmet', '^ældre', 'hjemmepleje', 'sygepleje', 'palliativ', 'inkontinens', 'ernæring', 'sundhedscent', 'genoptræning']],
  ['disability', ['botilbud', 'handicap', 'funktionsnedsæt', 'udviklingshæm', 'autisme', 'magtanvend', 'socialtilsyn', 'sociale tilbud']],
  ['children', ['anbragte', 'familieklasse', 'gruppetilbud', 'udsatte', 'sårbare', 'børne- og unge', 'forebyggende']],
  ['school', ['skole', '^sfo', '^ppr', '^elev', 'undervisning', 'idrætskoordinator', 'logopæd', 'heltidstilbud']],
  ['daycare', ['dagtilbud', 'daginstitution', 'vuggestue', 'børnehave', 'dagpleje']],
  ['culture', ['kultur', 'fritid', 'idræt', 'selvejende', 'forening', 'bibliotek', 'musikskole']],
  ['cityscape', ['byens udtryk', 'staudebed', 'grønne områder', 'beplantning', '^park', 'vejtræer', 'fortov']],
  ['administration', ['^it-', '^it ', 'digital', 'kunstig intelligens', 'e-handel', 'hotline', 'velkomstbrev', 'kontrakt', 'indkøb', 'genbrug', 'annonce', 'rengøring', 'rådhus', 'moms', 'indtægt', 'sekretariat', 'administration', 'bilpark']],
];

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = SUBJECT_WORDS.map(([subject, words]) => ({
  subject,
  patterns: words.map((word) => new RegExp(word.startsWith('^') ? `(?<!\\p{L})${escape(word.slice(1))}` : escape(word), 'gu')),
}));
const hits = (patterns: RegExp[], text: string) => patterns.reduce((sum, pattern) => sum + (text.match(pattern)?.length ?? 0), 0);

/**
 * What a proposal does to its users, whatever area it is in: a fee for private schools is about
 * the fee, wherever it is named; transport when the title names it (home care's route planning is not).
 */
const DECISIVE: { subject: Subject; inSummary: boolean }[] = [
  { subject: 'transport', inSummary: false },
  { subject: 'userFees', inSummary: true },
  { subject: 'buildingFees', inSummary: true },
];

/**
 * A decisive subject when one of its words occurs; otherwise the subject whose words occur most,
 * a word in the title counting three times, ties going to the earlier subject.
 */
export function subjectOf(proposal: { title: string; summary: string }): Subject {
  const [title, summary] = [proposal.title.toLowerCase(), proposal.summary.toLowerCase()];
  for (const { subject, inSummary } of DECISIVE) {
    const { patterns } = PATTERNS.find((entry) => entry.subject === subject)!;
    if (hits(patterns, inSummary ? `${title} ${summary}` : title) > 0) return subject;
  }
  let best: { subject: Subject; score: number } = { subject: 'general', score: 0 };
  for (const { subject, patterns } of PATTERNS) {
    const score = 3 * hits(patterns, title) + hits(patterns, summary);
    if (score > best.score) best = { subject, score };
  }
  return best.subject;
}

type Texts = Record<Exclude<Stance, 'NO_REMARKS'>, string[]>;

const TEXTS: Record<Subject, Texts> = {
  transport: {
    OPPOSE: [
      'Længere ventetid og fælleskørsel er svært for børn og voksne med særlige behov. Vi frygter, at flere ikke kommer af sted.',
      'Kørslen er for mange den eneste måde at deltage på. Forslaget flytter udgiften til familierne, og det kan vi ikke støtte.',
    ],
    SUPPORT: ['Vi kan støtte en ensartet regel for kørsel, når der fortsat kan gives dispensation i særlige tilfælde.'],
    REMARKS: [
      'Vi beder om, at konsekvenserne for borgere med handicap beskrives, før serviceniveauet for kørsel ændres.',
      'Hvor lang må køretiden blive? Det bør fremgå af serviceniveauet.',
    ],
  },
  userFees: {
    OPPOSE: [
      'Brugerbetaling rammer de familier, der har mindst at gøre godt med. Vi kan ikke støtte forslaget.',
      'Forslaget flytter udgiften fra kommunen til forældrene, og nogle børn vil ikke få den hjælp, de har brug for.',
    ],
    SUPPORT: ['Vi kan støtte en rimelig brugerbetaling, hvis der er en ordning for familier med lav indkomst.'],
    REMARKS: [
      'Hvor stor bliver brugerbetalingen for den enkelte familie? Det bør beskrives, før forslaget vedtages.',
      'Vi beder om, at virkningen af brugerbetalingen følges, så man kan se, om færre søger hjælp.',
    ],
  },
  buildingFees: {
    OPPOSE: ['Gebyret gør det dyrere for borgere og små virksomheder at bygge, og sagsbehandlingstiden bliver ikke kortere af det.'],
    SUPPORT: [
      'Det er rimeligt, at dem, der får behandlet en byggesag, betaler for det, som i mange andre kommuner.',
      'Vi støtter forslaget, hvis gebyret følges af kortere sagsbehandlingstider.',
    ],
    REMARKS: ['Gebyrets størrelse bør offentliggøres tydeligt, så borgerne kender prisen på forhånd.'],
  },
  elderCare: {
    OPPOSE: [
      'Forslaget vil ramme de ældre og svækkede borgere hårdt, og vi kan ikke støtte det.',
      'Beboerne på plejehjemmet og deres pårørende vil mærke forslaget i hverdagen. Vi kan ikke støtte det.',
      'Konsekvenserne for ældre er ikke beskrevet godt nok. Vi frygter flere indlæggelser, og så flytter udgiften blot til sygehuset.',
      'Den faglige viden går tabt, når specialfunktionen nedlægges. Det mærker de ældre og deres pårørende.',
    ],
    SUPPORT: [
      'Vi kan støtte forslaget, hvis kvaliteten i plejen følges nøje det første år.',
      'Forslaget er fornuftigt, når borgerne fortsat får den samme faglige hjælp, blot organiseret anderledes.',
    ],
    REMARKS: [
      'Vi beder om, at pårørende og brugerråd inddrages, når ændringen gennemføres.',
      'Hvordan sikres det, at borgere, der ikke bruger digitale løsninger, fortsat får hjælp?',
    ],
  },
  disability: {
    OPPOSE: [
      'Færre medarbejdere på botilbuddene går ud over beboernes tryghed og hverdag. Vi kan ikke støtte forslaget.',
      'Borgere med handicap har brug for stabile rammer; besparelsen rammer netop dem.',
    ],
    SUPPORT: ['Vi kan støtte forslaget, når de nye regler gør det muligt at løse opgaven med samme kvalitet.'],
    REMARKS: [
      'Handicaprådet vil gerne følge, hvordan ændringen påvirker beboerne, og beder om en status efter et år.',
      'Borgere, der flytter fra et botilbud til plejehjemmet, skal have samme faglige støtte som i dag.',
      'Vi beder om, at medarbejderne inddrages tidligt, så den faglige kvalitet bevares.',
    ],
  },
  children: {
    OPPOSE: [
      'De mest udsatte børn og familier mister en indsats, der virker. Det bliver dyrere på sigt.',
      'Vi frygter, at flere børn får brug for en anbringelse, når den forebyggende indsats skæres ned.',
    ],
    SUPPORT: ['Vi støtter, at indsatsen vurderes løbende og tilpasses det enkelte barns behov.'],
    REMARKS: [
      'Vi beder om, at effekten for børnene måles, så byrådet kan se, om omlægningen virker.',
      'Overgangen skal planlægges sammen med familierne, så ingen børn står uden hjælp.',
    ],
  },
  school: {
    OPPOSE: [
      'Forslaget går ud over elevernes skolegang og trivsel, og vi kan ikke støtte det.',
      'Skolerne har allerede svært ved at få økonomien til at hænge sammen. Endnu en reduktion vil kunne mærkes i undervisningen.',
      'Børn med særlige behov mister støtte, og lærerne får en større opgave uden flere ressourcer.',
    ],
    SUPPORT: [
      'Vi kan støtte forslaget, når skolerne selv kan prioritere midlerne.',
      'Forslaget er fornuftigt og giver en mere ensartet tildeling mellem skolerne.',
    ],
    REMARKS: [
      'Skolebestyrelsen beder om, at konsekvenserne for eleverne følges og beskrives for byrådet.',
      'Vi foreslår en gradvis indfasning over to skoleår, så skolerne kan planlægge.',
    ],
  },
  daycare: {
    OPPOSE: ['Færre voksne i dagtilbuddet går ud over børnenes tryghed. Vi kan ikke støtte forslaget.'],
    SUPPORT: ['Vi kan støtte forslaget, hvis normeringen i de enkelte huse ikke falder.'],
    REMARKS: ['Forældrebestyrelsen beder om at blive inddraget, når ændringen planlægges.'],
  },
  culture: {
    OPPOSE: [
      'Foreningslivet og idrætsanlæggene er bærende for fællesskabet i kommunen. Tilskuddet bør ikke reduceres.',
      'En lavere bevilling vil betyde højere priser for brugerne, og det rammer børne- og ungdomsafdelingerne.',
    ],
    SUPPORT: ['Det er rimeligt at bruge uforbrugte midler, når det ikke går ud over aktiviteterne.'],
    REMARKS: ['Vi beder om, at foreningerne inddrages i, hvordan reduktionen fordeles.'],
  },
  cityscape: {
    OPPOSE: ['Byens grønne udtryk betyder meget for borgerne, og græs giver ikke samme oplevelse som blomstrende bede.'],
    SUPPORT: [
      'Det er fornuftigt at vælge beplantning, der kræver mindre pleje.',
      'Vi støtter forslaget, især hvis der vælges arter, der gavner biodiversiteten.',
    ],
    REMARKS: ['Vi foreslår, at lokale beboere spørges, før bedene omlægges.'],
  },
  administration: {
    OPPOSE: ['Besparelsen flytter arbejdet ud til medarbejderne i driften, som i forvejen har travlt.'],
    SUPPORT: [
      'En god effektivisering, der ikke går ud over borgernes service.',
      'Vi støtter forslaget. Det er fornuftigt at samle og styre indkøb og kontrakter bedre.',
      'Det er rimeligt at bruge digitale løsninger, hvor det sparer tid for både borgere og medarbejdere.',
    ],
    REMARKS: [
      'Medarbejderne bør inddrages tidligt, og der skal afsættes tid til oplæring.',
      'Hvordan sikres det, at borgere, der ikke er digitale, fortsat får den hjælp, de har brug for?',
    ],
  },
  general: {
    OPPOSE: ['Vi frygter, at besparelsen blot flytter udgifterne til andre områder.', 'Serviceniveauet er allerede lavt, og en yderligere reduktion er ikke forsvarlig.'],
    SUPPORT: ['Vi kan støtte forslaget, hvis konsekvenserne følges nøje.', 'Forslaget er fornuftigt og bør gennemføres.'],
    REMARKS: ['Det er uklart, hvad forslaget betyder for borgerne. Vi beder om en nærmere beskrivelse.', 'Vi foreslår en gradvis indfasning over to år.'],
  },
};

/** Who is most concerned by a subject: these organisations answer it and usually comment. */
const CONCERNED: Record<Subject, OrganisationType[]> = {
  transport: ['DISABILITY_COUNCIL', 'DAYCARE_BOARD', 'SCHOOL_BOARD'],
  userFees: ['SCHOOL_BOARD', 'DAYCARE_BOARD', 'DISABILITY_COUNCIL'],
  buildingFees: ['OTHER'],
  elderCare: ['SENIOR_COUNCIL', 'MED_COMMITTEE'],
  disability: ['DISABILITY_COUNCIL', 'MED_COMMITTEE'],
  children: ['SCHOOL_BOARD', 'DAYCARE_BOARD', 'INTEGRATION_COUNCIL', 'MED_COMMITTEE'],
  school: ['SCHOOL_BOARD', 'MED_COMMITTEE'],
  daycare: ['DAYCARE_BOARD', 'MED_COMMITTEE'],
  culture: ['OTHER', 'INTEGRATION_COUNCIL'],
  cityscape: ['OTHER', 'SENIOR_COUNCIL'],
  administration: ['MED_COMMITTEE'],
  general: [],
};

const CONCERNED_STANCES: Stance[] = ['OPPOSE', 'OPPOSE', 'OPPOSE', 'REMARKS', 'REMARKS', 'SUPPORT'];
const OTHER_STANCES: Stance[] = ['NO_REMARKS', 'NO_REMARKS', 'NO_REMARKS', 'SUPPORT', 'REMARKS', 'OPPOSE'];

export interface DemoAnswer {
  stance: Stance;
  comment: string;
}

/**
 * A fitting answer, or null when the organisation leaves the proposal unanswered; `next` gives
 * numbers in [0, 1), so that a seeded generator gives the same answers each run.
 */
export function demoAnswer(subject: Subject, organisationType: OrganisationType, next: () => number): DemoAnswer | null {
  const concerned = CONCERNED[subject].includes(organisationType);
  if (next() < (concerned ? 0.1 : 0.35)) return null;
  const stances = concerned ? CONCERNED_STANCES : OTHER_STANCES;
  const stance = stances[Math.floor(next() * stances.length)]!;
  if (stance === 'NO_REMARKS') return { stance, comment: '' };
  // Those less concerned often give a stance without a comment.
  if (!concerned && next() < 0.5) return { stance, comment: '' };
  const texts = TEXTS[subject][stance];
  return { stance, comment: texts[Math.floor(next() * texts.length)]! };
}

/** Every text a subject's answers can have, for checking the bank itself. */
export const textsOf = (subject: Subject): string[] => Object.values(TEXTS[subject]).flat();
