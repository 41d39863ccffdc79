import { describe, expect, it } from 'vitest';
import { answerTarget } from '@/lib/moderation';
import { nameReviewItems, needsNameReview, pendingMarks } from '@/lib/name-review';
import { parseSnapshot } from '@/lib/submission-snapshot';

const snapshot = parseSnapshot({
  generalRemarks: 'Vi er enige med Karen Sørensen og Poul Nielsen.',
  publicationConsent: true,
  namesConsent: false,
  answers: [
    { proposalId: 'p1', code: 'SU01', title: 'Plejehjem', stance: 'OPPOSE', comment: 'Spørg Bo Holm.', confidential: false, version: 1 },
    { proposalId: 'p2', code: 'SU02', title: 'Skole', stance: 'SUPPORT', comment: 'Fortroligt fra Ib Iversen.', confidential: true, version: 1 },
  ],
  minorityStatements: [{ id: 'm1', author: 'Hanne Jensen', text: 'Jensen er uenig.' }],
  attachments: [],
  submittedBy: null,
});
const base = { snapshot, moderations: [], confirmations: [], memberNames: [], organisationNames: [] };
const decisions = (input: Parameters<typeof nameReviewItems>[0]) => nameReviewItems(input).map((item) => [item.target, item.marks.map((m) => `${m.text}=${m.decision}`)]);

describe('nameReviewItems', () => {
  it('marks the published texts only, the minority authors counting as known names', () => {
    expect(decisions(base)).toEqual([
      ['generalRemarks', ['Karen Sørensen=pending', 'Poul Nielsen=pending']],
      [answerTarget('p1'), ['Bo Holm=pending']],
      ['minority:m1', ['Jensen=pending']],
    ]);
    expect(pendingMarks(nameReviewItems(base))).toBe(4);
  });

  it('counts a mark redacted only when redactions cover all of it, and a hidden item as redacted', () => {
    const moderations = [
      { target: 'generalRemarks', kind: 'REDACT' as const, passage: 'Karen' },
      { target: 'generalRemarks', kind: 'REDACT' as const, passage: 'og Poul Nielsen.' },
      { target: 'minority:m1', kind: 'HIDE' as const, passage: null },
    ];
    const confirmations = [{ target: answerTarget('p1'), passage: 'Bo Holm' }, { target: 'generalRemarks', passage: 'Bo Holm' }];
    expect(decisions({ ...base, moderations, confirmations })).toEqual([
      ['generalRemarks', ['Karen Sørensen=pending', 'Poul Nielsen=redacted']],
      [answerTarget('p1'), ['Bo Holm=confirmed']],
      ['minority:m1', ['Jensen=redacted']],
    ]);
    // "Karen" and "Sørensen" redacted apart leave only a space between them.
    const joined = [...moderations, { target: 'generalRemarks', kind: 'REDACT' as const, passage: 'Sørensen' }];
    expect(decisions({ ...base, moderations: joined })[0]).toEqual(['generalRemarks', ['Karen Sørensen=redacted', 'Poul Nielsen=redacted']]);
  });

  it('applies to responses published without names only', () => {
    expect(needsNameReview(snapshot)).toBe(true);
    expect(needsNameReview({ ...snapshot, namesConsent: true })).toBe(false);
    expect(needsNameReview({ ...snapshot, publicationConsent: false })).toBe(false);
  });
});
