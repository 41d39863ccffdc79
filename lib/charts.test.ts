import { describe, expect, it } from 'vitest';
import { axisTicks } from '@/lib/charts';

describe('axisTicks', () => {
  it('covers negative and positive values with round steps and includes zero', () => {
    expect(axisTicks(-9082, 39)).toEqual([-10000, -8000, -6000, -4000, -2000, 0, 2000]);
    expect(axisTicks(0, 7)).toEqual([0, 2, 4, 6, 8]);
  });
  it('copes with all zeros', () => {
    expect(axisTicks(0, 0)).toEqual([0, 1]);
  });
});
