import { expect, it } from 'vitest';
import { formatAmount } from './format';

it('formats amounts the Danish way with an ASCII minus', () => {
  expect(formatAmount(-1250)).toBe('-1.250');
  expect(formatAmount(-14254)).toBe('-14.254');
  expect(formatAmount(39)).toBe('39');
  expect(formatAmount(0)).toBe('0');
  expect(formatAmount(1234567)).toBe('1.234.567');
});
