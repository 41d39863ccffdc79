import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markedSegments, markNames } from '@/lib/name-marking';

const marked = (text: string, options?: Parameters<typeof markNames>[1]) => markNames(text, options).map((m) => m.text);

describe('markNames', () => {
  it.each([
    ['capitalised pair mid-sentence', 'Vi er enige med Karen Sørensen i det.', ['Karen Sørensen']],
    ['pair opening a sentence', 'Karen Sørensen mener noget andet.', ['Karen Sørensen']],
    ['three names', 'Ifølge Karen Marie Sørensen er det dårligt.', ['Karen Marie Sørensen']],
    ['hyphenated names and Danish letters', 'Det mener Hans-Henrik Ølgaard og Åse Ærø-Jensen.', ['Hans-Henrik Ølgaard', 'Åse Ærø-Jensen']],
    ['an initial inside the name', 'Notatet er skrevet af Karen M. Sørensen.', ['Karen M. Sørensen']],
    ['an initial opening the name', 'Det er godt. K. Hansen', ['K. Hansen']],
    ['a particle', 'Som Ludwig van Beethoven sagde.', ['Ludwig van Beethoven']],
    ['title before a first name', 'Vores formand Karen har skrevet svaret.', ['Karen']],
    ['title opening a sentence', 'Næstformand Poul Nielsen er uenig.', ['Poul Nielsen']],
    ['title with a comma', 'Det siger kasserer, Bo Holm.', ['Bo Holm']],
    ['name in parentheses', 'Det rammer hårdt (Poul Nielsen).', ['Poul Nielsen']],
    ['first name in parentheses at a sentence start', 'Vi er imod. (Poul) Det er alt.', ['Poul']],
    ['signature on the next line', 'Tak for ordet.\n\nMed venlig hilsen\nKaren', ['Karen']],
    ['signature with surname and trailing punctuation', 'Venlig hilsen,\n  Karen Sørensen.\nFormand', ['Karen Sørensen']],
    ['signature on the same line', 'Mvh Bente', ['Bente']],
    ['a lone first name mid-sentence', 'Vi har talt med Bente om det.', ['Bente']],
    ['an e-mail address', 'Skriv til karen.sorensen@example.dk for mere.', ['karen.sorensen@example.dk']],
    ['greeting "Kære" before a name', 'Kære Karen', ['Karen']],
    ['a name after an imperative opening the sentence', 'Spørg Bo Holm. Ring til Åse.', ['Bo Holm', 'Åse']],
  ])('marks %s', (_, text, expected) => {
    expect(marked(text)).toEqual(expected);
  });

  it.each([
    ['the first word of each sentence', 'Forslaget rammer de ældre. Det er ikke godt. Rammer de svageste!'],
    ['a sentence-initial word before a stopword', 'Vi mener, at det er forkert.'],
    ['a greeting written in capitals', 'Med Venlig Hilsen'],
    ['codes and figures', 'Vi støtter ØU04 og SU01 med 1.234 kr.'],
    ['lowercase text', 'det rammer de ældre og de svageste borgere i kommunen'],
    ['a lone initial', 'Det er plan A. Ikke plan B.'],
  ])('does not mark %s', (_, text) => {
    expect(marked(text)).toEqual([]);
  });

  it('marks the members of the organisation wherever they appear, also alone at a sentence start', () => {
    const text = 'Sørensen har skrevet dette. Karen er enig, og det er KAREN SØRENSEN også.';
    expect(marked(text, { knownNames: ['Karen Sørensen'] })).toEqual(['Sørensen', 'Karen', 'KAREN SØRENSEN']);
    expect(marked(text)).toEqual([]);
  });

  it('leaves out the names of organisations unless a member is called so', () => {
    expect(marked('Det mener vi i Ældrerådet Nord.', { notNames: ['Ældrerådet Nord'] })).toEqual([]);
    expect(marked('Det mener vi i Ældrerådet Nord.')).toEqual(['Ældrerådet Nord']);
    expect(marked('Det mener Nord.', { notNames: ['Ældrerådet Nord'], knownNames: ['Per Nord'] })).toEqual(['Nord']);
  });

  it('ignores member entries that are e-mail addresses or empty', () => {
    expect(marked('det er fint', { knownNames: ['', '  ', 'a@b.dk'] })).toEqual([]);
  });

  const first = fc.constantFrom('Karen', 'Poul', 'Åse', 'Øjvind', 'Hans-Henrik', 'Bo', 'Ærling', 'Mette-Marie', 'Søren');
  const last = fc.constantFrom('Sørensen', 'Nielsen', 'Ærø-Jensen', 'Østergård', 'Holm', 'Kjær', 'Andersen-Ålund');
  const name = fc.oneof(
    fc.tuple(first, last).map(([f, l]) => `${f} ${l}`),
    fc.tuple(first, first, last).map(([f, m, l]) => `${f} ${m} ${l}`),
  );
  const placement = fc.constantFrom(
    (n: string) => `Vi er enige med ${n} i det.`,
    (n: string) => `${n} mener noget andet.`,
    (n: string) => `Det er godt. ${n} er uenig.`,
    (n: string) => `Det rammer hårdt (${n}).`,
    (n: string) => `Formand ${n} har skrevet svaret.`,
    (n: string) => `Tak.\nMed venlig hilsen\n${n}\n`,
    (n: string) => `- ${n}: imod forslaget`,
  );

  it('marks a full name wherever it is placed (property)', () => {
    fc.assert(
      fc.property(name, placement, (n, place) => {
        const text = place(n);
        const start = text.indexOf(n);
        expect(markNames(text).some((m) => m.start <= start && m.end >= start + n.length)).toBe(true);
      }),
    );
  });

  it('gives sorted, non-overlapping marks whose text is the passage (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(name, fc.constantFrom('Vi', 'mener', 'det.', 'formand', '(', ')', '\n', 'Med venlig hilsen', 'ØU04', 'a@b.dk', 'I')), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        const marks = markNames(text, { knownNames: ['Bo Holm'] });
        marks.forEach((mark, index) => {
          expect(text.slice(mark.start, mark.end)).toBe(mark.text);
          expect(mark.end).toBeGreaterThan(mark.start);
          if (index > 0) expect(mark.start).toBeGreaterThanOrEqual(marks[index - 1]!.end);
        });
        expect(markedSegments(text, marks).map((s) => s.text).join('')).toBe(text);
      }),
    );
  });

  it('marks nothing in text without capital letters (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'abcæøå .,!?()-\n'.split('')) }), (text) => {
      expect(markNames(text)).toEqual([]);
    }));
  });
});

describe('markedSegments', () => {
  it('cuts the text at the marks and numbers them', () => {
    const text = 'Kontakt Jens Hansen eller Bo.';
    expect(markedSegments(text, markNames(text))).toEqual([
      { text: 'Kontakt ', mark: null },
      { text: 'Jens Hansen', mark: 0 },
      { text: ' eller ', mark: null },
      { text: 'Bo', mark: 1 },
      { text: '.', mark: null },
    ]);
  });
});
