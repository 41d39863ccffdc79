import { describe, expect, it } from 'vitest';
import { isStatutory, responseStatus, type Party } from '@/lib/insight/status';

const party = (organisationId: string, name: string, type: Party['type']): Party => ({ organisationId, name, type });
const parties = [
  party('s1', 'Skolebestyrelsen, Nordskolen', 'SCHOOL_BOARD'),
  party('s2', 'Skolebestyrelsen, Søskolen', 'SCHOOL_BOARD'),
  party('m1', 'MED-udvalg, Skoleområdet', 'MED_COMMITTEE'),
  party('m0', 'Hoved-MED', 'MED_COMMITTEE'),
  party('h', 'Handicaprådet', 'DISABILITY_COUNCIL'),
  party('æ', 'Ældrerådet', 'SENIOR_COUNCIL'),
  party('o', 'Lokalrådet', 'OTHER'),
];

describe('isStatutory', () => {
  it('knows the senior and disability councils and the main MED committee', () => {
    expect(parties.filter(isStatutory).map((p) => p.name)).toEqual(['Hoved-MED', 'Handicaprådet', 'Ældrerådet']);
    expect(isStatutory({ name: 'HovedMED', type: 'MED_COMMITTEE' })).toBe(true);
    expect(isStatutory({ name: 'Hoved-MED', type: 'OTHER' })).toBe(false);
  });
});

describe('responseStatus', () => {
  const status = responseStatus(parties, ['s1', 'm1', 'æ', 'not-a-party']);
  it('counts the parties that responded of all parties, ignoring responses of organisations that are no longer parties', () => {
    expect([status.responded, status.parties]).toEqual([3, 7]);
  });
  it('groups per organisation type, the statutory bodies first, those missing apart', () => {
    expect(status.groups.map((g) => [g.type, g.responded.map((p) => p.name), g.missing.map((p) => p.name)])).toEqual([
      ['SENIOR_COUNCIL', ['Ældrerådet'], []],
      ['DISABILITY_COUNCIL', [], ['Handicaprådet']],
      ['MED_COMMITTEE', ['MED-udvalg, Skoleområdet'], ['Hoved-MED']],
      ['SCHOOL_BOARD', ['Skolebestyrelsen, Nordskolen'], ['Skolebestyrelsen, Søskolen']],
      ['OTHER', [], ['Lokalrådet']],
    ]);
    expect(status.statutoryMissing.map((p) => p.name)).toEqual(['Handicaprådet', 'Hoved-MED']);
  });
  it('puts the main MED committee before the other MED committees', () => {
    const all = responseStatus(parties, []);
    expect(all.groups.find((g) => g.type === 'MED_COMMITTEE')!.missing.map((p) => [p.name, p.statutory])).toEqual([
      ['Hoved-MED', true],
      ['MED-udvalg, Skoleområdet', false],
    ]);
    expect(all.responded).toBe(0);
  });
  it('is empty without parties', () => {
    expect(responseStatus([], ['x'])).toEqual({ responded: 0, parties: 0, statutoryMissing: [], groups: [] });
  });
});
