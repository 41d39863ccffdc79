import { expect, it } from 'vitest';
import { parseCatalogueFilters } from './catalogue-filters';

it('keeps valid filters and trims the search', () => {
  expect(parseCatalogueFilters({ committee: 'ISU', type: 'SAVING', q: '  kørsel ' })).toEqual({ committee: 'ISU', type: 'SAVING', query: 'kørsel' });
});

it('drops unknown types, empty values and over-long input instead of failing', () => {
  expect(parseCatalogueFilters({ committee: '', type: 'NOPE', q: 'x'.repeat(101) })).toEqual({});
});

it('takes the first of repeated parameters', () => {
  expect(parseCatalogueFilters({ type: ['EFFICIENCY', 'SAVING'] })).toEqual({ type: 'EFFICIENCY' });
});
