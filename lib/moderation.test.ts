import { describe, expect, it } from 'vitest';
import { answerTarget, minorityTarget, publishedView, targetColumns, targetOf, targetText } from '@/lib/moderation';
import { parseSnapshot } from '@/lib/submission-snapshot';

const snapshot = parseSnapshot({
  generalRemarks: 'Vi støtter forslaget. Kontakt Jens Hansen på 12345678.',
  publicationConsent: true,
  namesConsent: false,
  answers: [
    { proposalId: 'p1', code: 'SU01', title: 'Plejehjem', stance: 'OPPOSE', comment: 'Det rammer de svageste.', confidential: false, version: 2 },
    { proposalId: 'p2', code: 'SU05', title: 'Hjemmepleje', stance: 'SUPPORT', comment: 'Intern drøftelse.', confidential: true, version: 1 },
  ],
  minorityStatements: [{ id: 'm1', author: 'Hanne Jensen', text: 'Jeg er uenig.' }],
  attachments: [],
  submittedBy: 'Kirsten Formand',
});

describe('publishedView', () => {
  it('publishes nothing without consent', () => {
    expect(publishedView({ ...snapshot, publicationConsent: false }, [], '[…]')).toBeNull();
  });

  it('leaves out confidential answers and names without name consent', () => {
    const view = publishedView(snapshot, [], '[…]')!;
    expect(view.answers.map((a) => a.code)).toEqual(['SU01']);
    expect(view.submittedBy).toBeNull();
    expect(view.minorityStatements).toEqual([{ author: null, text: 'Jeg er uenig.' }]);
  });

  it('shows names when consented', () => {
    const view = publishedView({ ...snapshot, namesConsent: true }, [], '[…]')!;
    expect(view.submittedBy).toBe('Kirsten Formand');
    expect(view.minorityStatements[0]!.author).toBe('Hanne Jensen');
  });

  it('replaces every occurrence of a redacted passage and hides hidden items', () => {
    const view = publishedView(
      snapshot,
      [
        { target: 'generalRemarks', kind: 'REDACT', passage: 'Jens Hansen på 12345678' },
        { target: answerTarget('p1'), kind: 'HIDE', passage: null },
        { target: minorityTarget(0, 'm1'), kind: 'HIDE', passage: null },
      ],
      '[udeladt]',
    )!;
    expect(view.generalRemarks).toBe('Vi støtter forslaget. Kontakt [udeladt].');
    expect(view.answers[0]).toMatchObject({ code: 'SU01', stance: 'OPPOSE', comment: null });
    expect(view.minorityStatements).toEqual([]);
  });

  it('applies a rule only to its own target', () => {
    const view = publishedView(snapshot, [{ target: answerTarget('p1'), kind: 'REDACT', passage: 'Vi støtter' }], '[…]')!;
    expect(view.generalRemarks).toContain('Vi støtter');
  });
});

describe('targetText', () => {
  it('finds each kind of target and nothing else', () => {
    expect(targetText(snapshot, 'generalRemarks')).toContain('Jens Hansen');
    expect(targetText(snapshot, answerTarget('p2'))).toBe('Intern drøftelse.');
    expect(targetText(snapshot, minorityTarget(0, 'm1'))).toBe('Jeg er uenig.');
    expect(targetText(snapshot, answerTarget('nope'))).toBeNull();
    expect(targetText(snapshot, 'other')).toBeNull();
  });

  it('reads submissions made before minority statements had ids by position', () => {
    const old = parseSnapshot({ ...snapshot, minorityStatements: [{ author: null, text: 'Gammel' }] });
    expect(targetText(old, minorityTarget(0))).toBe('Gammel');
    expect(old.channel).toBe('ONLINE');
  });
});

describe('moderation targets as foreign keys', () => {
  it('stores each target key in its column and reads it back', () => {
    for (const target of ['generalRemarks', answerTarget('p1'), minorityTarget(0, 'cm1')]) {
      expect(targetOf(targetColumns(target)!)).toBe(target);
    }
    expect(targetColumns(answerTarget('p1'))).toEqual({ proposalId: 'p1', minorityStatementId: null });
  });

  it('has no column for a statement named only by its position, nor for an unknown key', () => {
    expect(targetColumns(minorityTarget(2))).toBeNull();
    expect(targetColumns('summary')).toBeNull();
  });
});
