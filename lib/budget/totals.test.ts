import { describe, expect, it } from 'vitest';
import { sumByKindAndYear } from './totals';

describe('sumByKindAndYear', () => {
  it('sums per kind and year and fills missing years with 0', () => {
    const totals = sumByKindAndYear(
      [
        { kind: 'SERVICE', year: 2026, amount: -1250 },
        { kind: 'SERVICE', year: 2026, amount: -500 },
        { kind: 'TRANSFER', year: 2027, amount: 39 },
      ],
      [2026, 2027],
    );
    expect(totals).toEqual({ SERVICE: { 2026: -1750, 2027: 0 }, TRANSFER: { 2026: 0, 2027: 39 } });
  });

  it('refuses fractional amounts: money is integer thousands', () => {
    expect(() => sumByKindAndYear([{ kind: 'SERVICE', year: 2026, amount: 0.5 }], [2026])).toThrow(RangeError);
  });
});
