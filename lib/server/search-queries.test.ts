import { describe, expect, it } from 'vitest';
import { normalisedCode, searchWords } from '@/lib/server/search-queries';

describe('normalisedCode', () => {
  it('makes the ways of typing a proposal code the same', () => {
    expect(['ISU20', 'isu20', 'ISU 20', ' isu-20 '].map(normalisedCode)).toEqual(['ISU20', 'ISU20', 'ISU20', 'ISU20']);
  });
});

describe('searchWords', () => {
  it("splits on spaces, lower-cases, and escapes LIKE's wildcards so that they match only themselves", () => {
    expect(searchWords('  Ældrerådet  100%_x\\y ')).toEqual({ words: ['ældrerådet', '100%_x\\y'], patterns: ['ældrerådet', '100\\%\\_x\\\\y'] });
  });
});
