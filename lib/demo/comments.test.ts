import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { demoAnswer, subjectOf, textsOf, type Subject } from './comments';
import { seededRandom as seeded } from './random';

const read = (file: string) => parseBudgetDocument(readFileSync(path.resolve(import.meta.dirname, file), 'utf8'));
const proposalsOf = (file: string) => read(file).lists.flatMap((list) => list.proposals);

describe('subjectOf', () => {
  const subjects = new Map(proposalsOf('../../prisma/seed-data/budget-seminar-2025-08-29.txt').map((p) => [p.code, subjectOf(p)]));

  it('finds what the demo budget\'s proposals are about from their words', () => {
    expect(Object.fromEntries(['SU01', 'ÆSU06', 'SU05', 'ISU09', 'ISU10', 'ISU20', 'ISU05', 'SU10', 'FKU05', 'TU04a', 'ØU10', 'ØU17'].map((code) => [code, subjects.get(code)]))).toEqual({
      SU01: 'disability',
      ÆSU06: 'elderCare',
      SU05: 'disability',
      ISU09: 'children',
      ISU10: 'school',
      ISU20: 'userFees',
      ISU05: 'transport',
      SU10: 'transport',
      FKU05: 'culture',
      TU04a: 'cityscape',
      ØU10: 'administration',
      ØU17: 'buildingFees',
    });
  });

  it('gives every proposal of the demo budget and of another municipality\'s document a subject of its own', () => {
    const other = proposalsOf('../budget-document/fixtures/other-municipality.txt');
    expect(other.length).toBeGreaterThan(0);
    const unplaced = [...proposalsOf('../../prisma/seed-data/budget-seminar-2025-08-29.txt'), ...other].filter((p) => subjectOf(p) === 'general').map((p) => p.code);
    expect(unplaced).toEqual([]);
  });
});

describe('demoAnswer', () => {
  it('comments on a proposal only with texts of its subject, and never on care homes for a school matter', () => {
    const next = seeded(7);
    const school = new Set(textsOf('userFees'));
    for (let i = 0; i < 500; i++) {
      const answer = demoAnswer('userFees', i % 2 ? 'SCHOOL_BOARD' : 'SENIOR_COUNCIL', next);
      if (answer?.comment) expect(school.has(answer.comment)).toBe(true);
      expect(answer?.comment ?? '').not.toMatch(/plejehjem/);
    }
  });

  it('has the concerned organisations answer and comment more often than the others', () => {
    const next = seeded(11);
    const rate = (type: 'SCHOOL_BOARD' | 'SENIOR_COUNCIL') => {
      const answers = Array.from({ length: 2000 }, () => demoAnswer('school', type, next));
      return answers.filter((a) => a?.comment).length / answers.length;
    };
    expect(rate('SCHOOL_BOARD')).toBeGreaterThan(0.8);
    expect(rate('SENIOR_COUNCIL')).toBeLessThan(0.35);
  });

  it('gives "no remarks" without a comment', () => {
    const next = seeded(3);
    const answers = Array.from({ length: 1000 }, () => demoAnswer('general' as Subject, 'OTHER', next)).filter((a) => a?.stance === 'NO_REMARKS');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a!.comment === '')).toBe(true);
  });
});
