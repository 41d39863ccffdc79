import { describe, expect, it } from 'vitest';
import { CONSULTATION_TRANSITIONS, PHASE_ALLOWS, phaseAllows, transitionsFrom } from './consultation-phases';
import { ConsultationStatus } from './generated/prisma/enums';

const PHASES = Object.values(ConsultationStatus);

describe('consultation phases', () => {
  it('opens a draft, closes an open consultation, reopens a closed one and publishes from open or closed', () => {
    expect(Object.fromEntries(PHASES.map((status) => [status, transitionsFrom(status)]))).toEqual({
      DRAFT: ['open'],
      OPEN: ['close', 'publish'],
      CLOSED: ['open', 'publish'],
      PUBLISHED: [],
    });
  });

  it('leads every transition to another phase, and none out of publication', () => {
    for (const { from, to } of Object.values(CONSULTATION_TRANSITIONS)) {
      expect(from).not.toContain(to);
      expect(from).not.toContain('PUBLISHED');
    }
  });

  it('allows each change in the phases of the map and no other', () => {
    for (const [change, phases] of Object.entries(PHASE_ALLOWS) as [keyof typeof PHASE_ALLOWS, readonly string[]][]) {
      expect(PHASES.filter((status) => phaseAllows(change, status))).toEqual(phases);
    }
    expect(phaseAllows('responses', 'CLOSED')).toBe(false);
    expect(phaseAllows('details', 'PUBLISHED')).toBe(false);
  });
});
