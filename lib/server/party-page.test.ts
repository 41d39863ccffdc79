import { describe, expect, it } from 'vitest';
import { PARTY_PAGE_SIZE, partyPage, type PartyStatus } from '@/lib/server/consultation-parties';

const parties = Array.from({ length: 40 }, (_, index) => ({ name: `P${index}`, status: (index % 4 === 0 ? 'SUBMITTED' : 'DRAFT') as PartyStatus }));

describe('partyPage', () => {
  it('shows 15 parties a page, with the counts of all', () => {
    const first = partyPage(parties, undefined, undefined);
    expect([first.status, first.page, first.pages, first.matching, first.shown.length]).toEqual([null, 1, 3, 40, PARTY_PAGE_SIZE]);
    expect(first.counts).toEqual({ NOT_STARTED: 0, DRAFT: 30, SUBMITTED: 10, LATE: 0 });
    const last = partyPage(parties, undefined, '3');
    expect(last.shown.map((party) => party.name)).toEqual(parties.slice(30).map((party) => party.name));
  });

  it('pages the parties of one status', () => {
    const submitted = partyPage(parties, 'SUBMITTED', '1');
    expect([submitted.status, submitted.pages, submitted.shown.length]).toEqual(['SUBMITTED', 1, 10]);
    expect(submitted.shown.every((party) => party.status === 'SUBMITTED')).toBe(true);
  });

  it('reads a malformed status or page as all, the first page or the last', () => {
    expect(partyPage(parties, 'NOPE', ['2', '3']).status).toBeNull();
    expect(partyPage(parties, ['SUBMITTED'], 'x').page).toBe(1);
    expect(partyPage(parties, null, '0').page).toBe(1);
    expect(partyPage(parties, null, '-2').page).toBe(1);
    expect(partyPage(parties, null, '99999').page).toBe(3);
    expect(partyPage([], 'LATE', '2')).toMatchObject({ page: 1, pages: 1, matching: 0, shown: [] });
  });
});
