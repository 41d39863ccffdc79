import { describe, expect, it } from 'vitest';
import { recordId } from '@/lib/record-id';

describe('recordId', () => {
  it('takes the ids the database hands out', () => {
    expect(recordId.parse('cmf0k2x9b0000a8z3q1w2e3r4')).toBe('cmf0k2x9b0000a8z3q1w2e3r4');
  });

  it.each([['empty', ''], ['too long', 'c'.repeat(101)], ['with a NUL', 'cmf0k2x9b\u0000'], ['not a string', 42]])('refuses one %s as an invalid choice', (_, value) => {
    const result = recordId.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('forms.invalidChoice');
  });
});
