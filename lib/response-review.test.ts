import { describe, expect, it } from 'vitest';
import { reviewSummary } from './response-review';

const proposal = (code: string, stance: string | null, comment = '') => ({ id: code, code, title: `Forslag ${code}`, stance, comment });

describe('reviewSummary', () => {
  it('splits answered from unanswered; a comment alone answers a proposal', () => {
    const summary = reviewSummary([proposal('A', 'SUPPORT'), proposal('B', null, 'Kun en kommentar'), proposal('C', null, '   ')]);
    expect(summary.answered.map((p) => p.code)).toEqual(['A', 'B']);
    expect(summary.unanswered.map((p) => p.code)).toEqual(['C']);
  });

  it('names stances without comment only when the party usually explains its stances', () => {
    const usually = reviewSummary([proposal('A', 'SUPPORT', 'Fordi'), proposal('B', 'OPPOSE', 'Derfor'), proposal('C', 'OPPOSE')]);
    expect(usually.withoutComment.map((p) => p.code)).toEqual(['C']);
    const rarely = reviewSummary([proposal('A', 'SUPPORT', 'Fordi'), proposal('B', 'OPPOSE'), proposal('C', 'OPPOSE')]);
    expect(rarely.withoutComment).toEqual([]);
  });
});
