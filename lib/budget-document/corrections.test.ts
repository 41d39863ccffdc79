import { describe, expect, it } from 'vitest';
import { applyCorrections, committeeCodeOf, remainingRows, totalsCheck, type RowCorrection } from './corrections';
import type { ParsedBudgetDocument } from './parse';
import type { UnreadRow } from './unread';

const years = [2041, 2042];
const document: ParsedBudgetDocument = {
  years,
  lists: [{
    heading: 'Indarbejdes',
    position: 0,
    incorporated: true,
    proposals: [{ code: 'ØU01', committeeCode: 'ØU', title: 'A', summary: 'a', lines: [{ kind: 'SERVICE', type: 'SAVING', amounts: [{ year: 2041, amount: -100 }, { year: 2042, amount: -200 }] }] }],
    printedTotals: [{ kind: 'SERVICE', year: 2041, amount: -150 }, { kind: 'SERVICE', year: 2042, amount: -250 }],
    computedTotals: [],
  }],
};
const correction: RowCorrection = { key: 'page-2-row-3', code: 'ISU12b', title: 'B', summary: '', listPosition: 0, lines: [{ kind: 'SERVICE', type: 'SAVING', amounts: [{ year: 2041, amount: -50 }, { year: 2042, amount: -40 }] }] };

describe('applyCorrections and totalsCheck', () => {
  it('adds the corrected proposal to its list and checks the sums again: a difference per kind and year until they hold', () => {
    const before = totalsCheck(applyCorrections(document, []));
    expect(before.filter((r) => r.kind === 'SERVICE').map((r) => [r.year, r.printed, r.computed, r.difference])).toEqual([[2041, -150, -100, 50], [2042, -250, -200, 50]]);
    // No printed total for transfers: nothing to compare with, so no difference.
    expect(before.filter((r) => r.kind === 'TRANSFER').map((r) => [r.printed, r.difference])).toEqual([[null, 0], [null, 0]]);

    const corrected = applyCorrections(document, [correction]);
    expect(corrected.lists[0]!.proposals.at(-1)).toMatchObject({ code: 'ISU12b', committeeCode: 'ISU' });
    expect(totalsCheck(corrected).filter((r) => r.kind === 'SERVICE').map((r) => [r.computed, r.difference])).toEqual([[-150, 0], [-240, 10]]);
  });

  it('names the rows still unread', () => {
    const rows: UnreadRow[] = [3, 4].map((row) => ({ key: `page-2-row-${row}`, at: { page: 2, row }, list: 'Indarbejdes', listPosition: 0, text: 'x', issues: ['UNEXPECTED_LINE'] }));
    expect(remainingRows(rows, [correction]).map((r) => r.key)).toEqual(['page-2-row-4']);
    expect(committeeCodeOf('ISU12b')).toBe('ISU');
  });
});
