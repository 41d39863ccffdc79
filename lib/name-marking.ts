// Finds passages in a response's free text that look like personal names, so that staff can
// redact them before a response without name consent is published. It errs on the side of
// marking: a place or an organisation marked by mistake costs staff one click, a name missed is
// published. Pure, so that the review page and the publication check read the same marks.

export interface NameMark {
  start: number;
  end: number;
  text: string;
}

export interface NameMarkingOptions {
  /** Names of people who may be named in the text (the organisation's members): always marked, in whole and in parts. */
  knownNames?: readonly string[];
  /** Capitalised words that are not names (the organisations' own names), unless they are also in knownNames. */
  notNames?: readonly string[];
}

// Words that start sentences or sit in greetings and are never names: a sentence-initial "Vi"
// must not turn "Vi Karen" into a pair, nor "Med Venlig Hilsen" into a name.
const STOPWORDS = new Set(
  (
    'i vi de det den der dette disse denne en et og eller men for til med på af om at som når hvis hvor hvad hvem hvordan hvorfor jeg du han hun man ' +
    'vores vor jeres deres dem os mig er var har have kan skal vil må bør ikke også så nu her alle mange samt efter før fra ved under over mellem mod ' +
    'uden desuden endelig derfor dog især samtidig generelt ifølge iflg jf jævnfør se bilag venlig venlige venligst hilsen hilsner tak kære ja nej ' +
    'først sidst endvidere yderligere herudover afslutningsvis indledningsvis overordnet afsluttende kontakt mvh spørg ring skriv læs bemærk husk send'
  ).split(' '),
);

// Titles and forms of address: the capitalised words after them are a name, even at the start of a sentence.
const TITLES = new Set(
  (
    'formand næstformand forkvinde næstforkvinde forperson næstforperson kasserer sekretær medlem bestyrelsesmedlem repræsentant suppleant ' +
    'direktør leder skoleleder afdelingsleder institutionsleder centerleder chef borgmester rådmand udvalgsformand kontaktperson kontakt ' +
    'hr fru frk dr ordstyrer referent tillidsrepræsentant arbejdsmiljørepræsentant'
  ).split(' '),
);

// Particles inside a name: "Ludwig van Beethoven".
const PARTICLES = new Set(['van', 'von', 'de', 'du', 'da', 'di', 'la', 'le']);

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const GREETING = /\b(?:(?:med\s+)?(?:venlig(?:e|st)?|kærlig(?:e)?|de\s+bedste)\s+hils(?:en|ner)|mvh\.?|hilsen|på\s+vegne\s+af)[ \t]*[,.!:]?/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Between two words of one name: spaces, not a line break or punctuation.
const NAME_GAP = /^[ \t\u00A0]+$/;
// Skipped when looking back for the end of the previous sentence.
const LEAD_IN = new Set([...' \t\u00A0"\'«»“”„‘’–—-•*']);
const SENTENCE_END = new Set([...'.!?:;\n\r']);

interface Token {
  start: number;
  end: number;
  text: string;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
const isInitial = (text: string, token: Token) => /^\p{Lu}$/u.test(token.text) && text[token.end] === '.';
const lower = (word: string) => word.toLocaleLowerCase('da');

function isSentenceStart(text: string, position: number): boolean {
  let i = position - 1;
  while (i >= 0 && LEAD_IN.has(text[i]!)) i -= 1;
  return i < 0 || SENTENCE_END.has(text[i]!);
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Occurrences of `phrase` as whole words. */
function occurrences(text: string, phrase: string, flags: string): NameMark[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(phrase).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{M}\\p{N}])`, `g${flags}u`);
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const wordsOf = (names: readonly string[]) => names.flatMap((name) => name.match(WORD) ?? []);

/** Runs of capitalised words (with initials and particles between them), marked as the rules say. */
function capitalisedRuns(text: string, knownParts: Set<string>, notNames: Set<string>): NameMark[] {
  const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const marks: NameMark[] = [];
  const nameLike = (token: Token) => (isCapitalised(token.text) && !STOPWORDS.has(lower(token.text)) && !TITLES.has(lower(token.text))) || isInitial(text, token);
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(tokens[i]!)) {
      i += 1;
      continue;
    }
    const run = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length) {
      const gapOk = (from: Token, to: Token) => NAME_GAP.test(text.slice(from.end + (isInitial(text, from) ? 1 : 0), to.start));
      const next = tokens[j]!;
      if (nameLike(next) && gapOk(run.at(-1)!, next)) {
        run.push(next);
        j += 1;
      } else if (PARTICLES.has(next.text) && tokens[j + 1] && nameLike(tokens[j + 1]!) && gapOk(run.at(-1)!, next) && gapOk(next, tokens[j + 1]!)) {
        run.push(next, tokens[j + 1]!);
        j += 2;
      } else break;
    }
    // A trailing initial belongs to the sentence's full stop, not to the name.
    while (run.length > 1 && isInitial(text, run.at(-1)!)) run.pop();
    const first = run[0]!;
    const last = run.at(-1)!;
    const previous = tokens[i - 1];
    const afterTitle = previous !== undefined && TITLES.has(lower(previous.text)) && /^[.,:]?[ \t\u00A0]+$/.test(text.slice(previous.end, first.start));
    const names = run.filter((t) => !PARTICLES.has(t.text));
    const known = names.some((t) => knownParts.has(lower(t.text)));
    const excluded = !known && names.every((t) => notNames.has(lower(t.text)));
    const onlyInitials = names.every((t) => isInitial(text, t));
    // A lone capitalised word opening a sentence is just the sentence's first word.
    if (!excluded && !onlyInitials && (names.length > 1 || known || afterTitle || !isSentenceStart(text, first.start))) {
      marks.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end) });
    }
    i = j;
  }
  return marks;
}

/** The line (or the rest of the line) after a greeting such as "Med venlig hilsen". */
function signatures(text: string): NameMark[] {
  return [...text.matchAll(GREETING)].flatMap((m) => {
    const after = m.index + m[0].length;
    const sameLine = /^[ \t]*([^\n]*)/.exec(text.slice(after))!;
    let start = after + sameLine[0].length - sameLine[1]!.length;
    let line = sameLine[1]!;
    if (!line.trim()) {
      const nextLine = /^[ \t]*\r?\n\s*([^\n]*)/.exec(text.slice(after));
      if (!nextLine) return [];
      line = nextLine[1]!;
      start = after + nextLine[0].length - line.length;
    }
    const signature = line.replace(/[\s.,;!]+$/, '');
    if (!/^\p{Lu}/u.test(signature) || signature.split(/\s+/).length > 6) return [];
    return [{ start, end: start + signature.length, text: signature }];
  });
}

/** Sorted, non-overlapping: overlapping marks become one. */
function merge(text: string, marks: NameMark[]): NameMark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: NameMark[] = [];
  for (const mark of sorted) {
    const last = merged.at(-1);
    if (last && mark.start < last.end) {
      last.end = Math.max(last.end, mark.end);
      last.text = text.slice(last.start, last.end);
    } else merged.push({ ...mark });
  }
  return merged;
}

/** The passages of `text` that look like personal names, in order and without overlaps. */
export function markNames(text: string, options: NameMarkingOptions = {}): NameMark[] {
  const knownNames = (options.knownNames ?? []).map((n) => n.trim()).filter((n) => n && !n.includes('@'));
  const knownParts = new Set(wordsOf(knownNames).filter((w) => w.length > 1).map(lower));
  const notNames = new Set(wordsOf(options.notNames ?? []).map(lower));
  const known = knownNames.flatMap((name) => [
    ...occurrences(text, name, 'i'),
    ...(name.match(WORD) ?? []).filter((part) => part.length > 1).flatMap((part) => occurrences(text, part, '').filter((m) => isCapitalised(m.text))),
  ]);
  const emails = [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  return merge(text, [...capitalisedRuns(text, knownParts, notNames), ...signatures(text), ...known, ...emails]);
}

/** The text cut at the marks, for rendering each mark in <mark>. */
export function markedSegments(text: string, marks: readonly NameMark[]): { text: string; mark: number | null }[] {
  const segments: { text: string; mark: number | null }[] = [];
  let position = 0;
  marks.forEach((mark, index) => {
    if (mark.start > position) segments.push({ text: text.slice(position, mark.start), mark: null });
    segments.push({ text: text.slice(mark.start, mark.end), mark: index });
    position = mark.end;
  });
  if (position < text.length) segments.push({ text: text.slice(position), mark: null });
  return segments;
}
