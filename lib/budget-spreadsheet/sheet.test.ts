import { describe, expect, it } from 'vitest';
import { budgetRows, columnLetter, readBudgetRows, SpreadsheetError, templateDocument, type Cell, type SheetIssue } from './sheet';

const HEADER: Cell[] = ['Liste', 'Kode', 'Titel', 'Resumé', 'Type', 'Art', 2026, 2027];
const INCORPORATED = 'Indarbejdes og sendes i høring';

function issuesOf(rows: Cell[][]): SheetIssue[] {
  try {
    readBudgetRows(rows);
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.issues;
    throw error;
  }
  throw new Error('expected the rows to be refused');
}

describe('readBudgetRows', () => {
  it('groups a proposal’s rows per kind, derives committee and list kind, and checks "I alt" rows', () => {
    const document = readBudgetRows([
      ['Art', 'Type', 'Resume', 'Titel', 'Nr.', 'LISTE', 2026, 2027], // any order, lenient headings
      ['Service', 'Effektivisering', 'Resumé', 'Kørsel', 'ISU05', INCORPORATED, -28, -56],
      ['Overførsler', 'Merudgift', '', '', 'ISU05', INCORPORATED, '39', '1.078'],
      ['serviceudgifter', 'besparelse', 'Andet resumé', 'Områder', 'TU04a', '2', '-1.250', '−1.250'],
      ['Service', '', '', '', 'I alt', INCORPORATED, -28, -56],
      ['Overførsler', '', '', '', 'i alt', INCORPORATED, 39, 1078],
      [],
    ]);
    expect(document.years).toEqual([2026, 2027]);
    expect(document.lists.map((l) => [l.heading, l.position, l.incorporated, l.proposals.map((p) => p.code)])).toEqual([
      [INCORPORATED, 0, true, ['ISU05']],
      ['Indarbejdes ikke, men sendes i høring', 1, false, ['TU04a']],
    ]);
    const [isu05] = document.lists[0]!.proposals;
    expect(isu05).toEqual({
      code: 'ISU05',
      committeeCode: 'ISU',
      title: 'Kørsel',
      summary: 'Resumé',
      lines: [
        { kind: 'SERVICE', type: 'EFFICIENCY', amounts: [{ year: 2026, amount: -28 }, { year: 2027, amount: -56 }] },
        { kind: 'TRANSFER', type: 'EXTRA_EXPENDITURE', amounts: [{ year: 2026, amount: 39 }, { year: 2027, amount: 1078 }] },
      ],
    });
    expect(document.lists[1]!.proposals[0]!.lines[0]!.amounts.map((a) => a.amount)).toEqual([-1250, -1250]);
    expect(document.lists[0]!.printedTotals).toEqual(document.lists[0]!.computedTotals);
    expect(document.lists[1]!.printedTotals).toEqual([]);
  });

  it('reports a totals mismatch naming list, kind, year and difference', () => {
    expect(issuesOf([HEADER, [INCORPORATED, 'ØU01', 'T', 'R', 'Besparelse', 'Service', -100, -200], [INCORPORATED, 'I alt', '', '', '', 'Service', -100, -150]])).toEqual([
      { code: 'TOTALS_MISMATCH', row: 3, column: 'H', header: '2027', list: INCORPORATED, kind: 'SERVICE', year: 2027, expected: -150, actual: -200, difference: -50 },
    ]);
  });

  it('reports every bad cell with its row and column', () => {
    const issues = issuesOf([
      HEADER,
      ['', 'ØU01', 'T', 'R', 'Besparelse', 'Service', 1, 2], // 2: no list
      [INCORPORATED, '', 'T', 'R', 'Besparelse', 'Service', 1, 2], // 3: no code
      [INCORPORATED, 'øu1', 'T', 'R', 'Besparelse', 'Service', 1, 2], // 4: not a committee code
      [INCORPORATED, 'ØU02', 'T', 'R', 'Sparerunde', 'Ydelser', 1.5, '1,5'], // 5: type, kind, decimals
      [INCORPORATED, 'ØU03', 'T', 'R', 'Besparelse', 'Service', '', 'abc'], // 6: missing and unreadable amount
      [INCORPORATED, 'ØU04', 'T', 'R', 'Besparelse', 'Service', 1, 2], // 7: fine
      [INCORPORATED, 'ØU04', 'T', 'R', 'Besparelse', 'Service', 1, 2], // 8: same kind twice
      ['2', 'ØU04', 'T', 'R', 'Besparelse', 'Overførsler', 1, 2], // 9: in another list too
      [INCORPORATED, 'ØU04', 'Anden titel', '', 'Besparelse', 'Overførsler', 1, 2], // 10: contradicting title
      [INCORPORATED, 'ØU05', '', '', 'Merindtægt', 'Service', 1, 2], // 11: no title, no summary
      [INCORPORATED, 'I alt', '', '', '', 'Service', 1, 2], // 12
      [INCORPORATED, 'I alt', '', '', '', 'Service', 1, 2], // 13: totals twice
    ]);
    expect(issues.map((i) => [i.code, i.row, i.column, i.text])).toEqual([
      ['MISSING_LIST', 2, 'A', undefined],
      ['MISSING_CODE', 3, 'B', undefined],
      ['BAD_CODE', 4, 'B', 'øu1'],
      ['UNKNOWN_KIND', 5, 'F', 'Ydelser'],
      ['BAD_AMOUNT', 5, 'G', '1.5'],
      ['BAD_AMOUNT', 5, 'H', '1,5'],
      ['UNKNOWN_TYPE', 5, 'E', 'Sparerunde'],
      ['MISSING_AMOUNT', 6, 'G', undefined],
      ['BAD_AMOUNT', 6, 'H', 'abc'],
      ['DUPLICATE_LINE', 8, 'F', undefined],
      ['DUPLICATE_CODE', 9, 'B', INCORPORATED],
      ['CONFLICTING_TEXT', 10, 'C', undefined],
      ['DUPLICATE_TOTALS', 13, 'F', undefined],
      ['MISSING_TITLE', 11, undefined, undefined],
      ['MISSING_SUMMARY', 11, undefined, undefined],
    ]);
  });

  it('refuses a header without the layout’s columns or years, and a sheet without rows', () => {
    expect(issuesOf([['Liste', 'Kode', 'Titel', 'Beløb', 'Type'], ['x']]).map((i) => [i.code, i.header])).toEqual([
      ['UNKNOWN_COLUMN', 'Beløb'],
      ['MISSING_COLUMN', 'Resumé'],
      ['MISSING_COLUMN', 'Art'],
      ['NO_YEARS', undefined],
    ]);
    expect(issuesOf([[...HEADER, 2027, ''], ['', '', '', '', '', '', '', '', '', 'x']]).map((i) => [i.code, i.column])).toEqual([
      ['DUPLICATE_COLUMN', 'I'],
      ['UNKNOWN_COLUMN', 'J'],
    ]);
    expect(issuesOf([HEADER, ['', '']]).map((i) => i.code)).toEqual(['NO_ROWS']);
    expect(issuesOf([]).map((i) => i.code)).toEqual(['NO_ROWS']);
  });
});

describe('budgetRows', () => {
  it('writes the template as the header and one example row that reads back', () => {
    const template = templateDocument([2030, 2031]);
    expect(budgetRows(template)).toEqual([
      ['Liste', 'Kode', 'Titel', 'Resumé', 'Type', 'Art', 2030, 2031],
      [INCORPORATED, 'ØU01', expect.any(String), expect.any(String), 'Effektivisering', 'Service', -250, -250],
    ]);
    expect(readBudgetRows(budgetRows(template))).toEqual(template);
  });
});

it('names columns like a spreadsheet program', () => {
  expect([0, 5, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});
