import { describe, expect, it } from 'vitest';
import { followTag, parseKeywords, passageStartIn, themeStanceCounts } from './themes';

describe('followTag', () => {
  const whole = { passage: null, passageStart: null, needsRecheck: false };
  const passage = { passage: 'for lang', passageStart: 11, needsRecheck: false };

  it('keeps a whole-text tag on the same text and flags it on a changed or vanished one', () => {
    expect(followTag(whole, 'Ventetiden for lang.', 'Ventetiden for lang.')).toEqual(whole);
    expect(followTag(whole, 'Ventetiden for lang.', 'Ventetiden er fin.')).toEqual({ ...whole, needsRecheck: true });
    expect(followTag(whole, 'Ventetiden for lang.', null)).toEqual({ ...whole, needsRecheck: true });
  });

  it('moves a passage to its new start and flags it when it is gone', () => {
    expect(followTag(passage, 'Ventetiden for lang.', 'Ventetiden for lang.')).toEqual(passage);
    expect(followTag(passage, 'Ventetiden for lang.', 'Nu: Ventetiden for lang.')).toEqual({ ...passage, passageStart: 15 });
    expect(followTag(passage, 'Ventetiden for lang.', 'Ventetiden er fin.')).toEqual({ ...passage, needsRecheck: true });
  });

  it('keeps a flagged tag flagged until staff confirm it', () => {
    expect(followTag({ ...whole, needsRecheck: true }, 'Samme.', 'Samme.')).toMatchObject({ needsRecheck: true });
  });
});

describe('passageStartIn', () => {
  it('trusts the given start only where the passage is', () => {
    expect(passageStartIn('abc abc', 'abc', 4)).toBe(4);
    expect(passageStartIn('abc abc', 'abc', 2)).toBe(0);
    expect(passageStartIn('abc', 'xyz', 0)).toBeNull();
  });
});

describe('parseKeywords', () => {
  it('splits on lines and commas, trims, and drops repeats whatever their case', () => {
    expect(parseKeywords(' brugerbetaling, Plejehjem\nplejehjem;  takst  stigning \n\n')).toEqual(['brugerbetaling', 'Plejehjem', 'takst stigning']);
  });
});

describe('themeStanceCounts', () => {
  it('counts an answer once per theme, by its stance, and ignores tags on answers it does not know', () => {
    const stanceOf = new Map([['a', 'OPPOSE' as const], ['b', 'SUPPORT' as const]]);
    const tags = [{ themeId: 't', responseId: 'a' }, { themeId: 't', responseId: 'a' }, { themeId: 't', responseId: 'b' }, { themeId: 't', responseId: 'gone' }, { themeId: 'u', responseId: 'b' }];
    expect(themeStanceCounts(['t', 'u'], tags, stanceOf)).toEqual([
      { themeId: 't', counts: { SUPPORT: 1, OPPOSE: 1, REMARKS: 0, NO_REMARKS: 0, NONE: 0 }, total: 2 },
      { themeId: 'u', counts: { SUPPORT: 1, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, NONE: 0 }, total: 1 },
    ]);
  });
});
