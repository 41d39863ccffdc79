import { describe, expect, it } from 'vitest';
import { contentDiffers, orderedLines, versionChanges, type VersionContent } from './versions';

const base: VersionContent = {
  title: 'Mere genbrug',
  summary: 'Resumé',
  lines: [
    { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', year: 2026, amount: 39 },
    { kind: 'SERVICE', type: 'SAVING', year: 2027, amount: -200 },
    { kind: 'SERVICE', type: 'SAVING', year: 2026, amount: -100 },
  ],
};

describe('orderedLines', () => {
  it('orders by kind as in the budget, then year, and keeps only the line fields', () => {
    const extra = { ...base.lines[0]!, id: 'x', proposalId: 'p' };
    expect(orderedLines([extra, ...base.lines.slice(1)])).toEqual([
      { kind: 'SERVICE', type: 'SAVING', year: 2026, amount: -100 },
      { kind: 'SERVICE', type: 'SAVING', year: 2027, amount: -200 },
      { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', year: 2026, amount: 39 },
    ]);
  });
});

describe('versionChanges', () => {
  it('finds nothing between equal contents in any line order', () => {
    const reordered = { ...base, lines: [...base.lines].reverse() };
    expect(versionChanges(base, reordered)).toEqual({ title: false, summary: false, types: [], amounts: [] });
    expect(contentDiffers(base, reordered)).toBe(false);
  });

  it('names changed text, a changed type, and changed, added and removed amounts', () => {
    const after: VersionContent = {
      title: 'Endnu mere genbrug',
      summary: base.summary,
      lines: [
        { kind: 'SERVICE', type: 'EFFICIENCY', year: 2026, amount: -150 },
        { kind: 'SERVICE', type: 'EFFICIENCY', year: 2028, amount: -300 },
        { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', year: 2026, amount: 39 },
      ],
    };
    expect(versionChanges(base, after)).toEqual({
      title: true,
      summary: false,
      types: ['SERVICE'],
      amounts: [
        { kind: 'SERVICE', year: 2026, from: -100, to: -150 },
        { kind: 'SERVICE', year: 2027, from: -200, to: null },
        { kind: 'SERVICE', year: 2028, from: null, to: -300 },
      ],
    });
    expect(contentDiffers(base, after)).toBe(true);
  });

  it('counts a type change alone as a difference', () => {
    const retyped = { ...base, lines: base.lines.map((line) => (line.kind === 'TRANSFER' ? { ...line, type: 'SAVING' as const } : line)) };
    expect(versionChanges(base, retyped).types).toEqual(['TRANSFER']);
    expect(contentDiffers(base, retyped)).toBe(true);
  });
});
