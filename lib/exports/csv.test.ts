import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../format';
import { csvRecords, unguardedCell } from './csv';

const FORMULAS = ['=HYPERLINK("https://evil.example";"Klik")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '\uff1d1+1', '\uff0b1', '\uff0d1', '\uff20SUM(A1)'];

describe('csvRecords', () => {
  it('puts an apostrophe before every text a spreadsheet would evaluate, and quotes it', () => {
    for (const text of FORMULAS) {
      const line = csvRecords([[text]]);
      expect(line.startsWith(`"'${text.slice(0, 1)}`), JSON.stringify(line)).toBe(true);
      expect(parse(line, { delimiter: ';' })).toEqual([[`'${text}`]]);
    }
  });

  it('leaves other texts as they are, quoted, and the empty cell empty', () => {
    expect(csvRecords([['Støtter', 'Linje 1\nLinje 2', 'a "citat"; b', '', null, "'=x"]])).toBe(`"Støtter";"Linje 1\nLinje 2";"a ""citat""; b";;;"'=x"\r\n`);
  });

  it('writes numbers, negative ones included, unquoted and unguarded, as numbers', () => {
    expect(csvRecords([['I alt', -600, 0, 1250]])).toBe('"I alt";-600;0;1250\r\n');
    expect(csvRecords([[-1250, 2500]], formatAmount)).toBe('-1.250;2.500\r\n');
  });

  it('reads back the texts it guarded', () => {
    const parsed: string[][] = parse(csvRecords([FORMULAS]), { delimiter: ';', cast: unguardedCell });
    expect(parsed).toEqual([FORMULAS]);
    expect(unguardedCell("'Tekst")).toBe("'Tekst");
  });
});
