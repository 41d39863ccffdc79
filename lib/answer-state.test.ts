import { expect, it } from 'vitest';
import { answerState, genitive } from './answer-state';

it('an answer is unanswered, a stance only, or with a comment', () => {
  expect(answerState({ stance: null, comment: '' })).toBe('unanswered');
  expect(answerState({ stance: null, comment: '  ' })).toBe('unanswered');
  expect(answerState({ stance: 'SUPPORT', comment: '' })).toBe('stance');
  expect(answerState({ stance: null, comment: 'Tekst' })).toBe('comment');
});

it('names take the genitive s, or an apostrophe after s, x and z', () => {
  expect(genitive('Karen', 'da')).toBe('Karens');
  expect(genitive('Lars', 'da')).toBe("Lars'");
  expect(genitive('Félix', 'da')).toBe("Félix'");
  expect(genitive('Karen', 'en')).toBe("Karen's");
  expect(genitive('Lars', 'en')).toBe("Lars'");
});
