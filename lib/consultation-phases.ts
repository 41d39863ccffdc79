import type { ConsultationStatus } from '@/lib/generated/prisma/enums';

// The consultation's phase machine, read by the domain (which refuses a change in the wrong phase)
// and by the staff page (which offers only what the phase allows), so the two cannot disagree.

/** The phase changes staff make, from which phases. Opening a closed consultation reopens it. */
export const CONSULTATION_TRANSITIONS = {
  open: { from: ['DRAFT', 'CLOSED'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  // Publication is final: nothing leads out of PUBLISHED.
  publish: { from: ['OPEN', 'CLOSED'], to: 'PUBLISHED' },
} as const satisfies Record<string, { from: readonly ConsultationStatus[]; to: ConsultationStatus }>;

export type ConsultationTransition = keyof typeof CONSULTATION_TRANSITIONS;

/** What else may change in which phase. */
export const PHASE_ALLOWS = {
  /** Title, description and deadline, until the responses are published. */
  details: ['DRAFT', 'OPEN', 'CLOSED'],
  /** The consulted organisations: parties added while open are told at once. */
  parties: ['DRAFT', 'OPEN'],
  /** Members change and submit their organisation's response (before its deadline, too). */
  responses: ['OPEN'],
  /** Staff register a response that came by letter or e-mail, also after closing. */
  registration: ['OPEN', 'CLOSED'],
  /** Staff remind a party that has not submitted. */
  reminder: ['OPEN'],
  /**
   * A party's extension and assigned proposals. Only the page reads this: the domain takes them
   * in any phase, and after publication they change nothing anyone reads.
   */
  partySettings: ['DRAFT', 'OPEN', 'CLOSED'],
} as const satisfies Record<string, readonly ConsultationStatus[]>;

export type PhaseChange = keyof typeof PHASE_ALLOWS;

/** Whether a transition may start from, or a change be made in, the phase. */
export function phaseAllows(step: ConsultationTransition | PhaseChange, status: ConsultationStatus): boolean {
  const phases: readonly ConsultationStatus[] = isTransition(step) ? CONSULTATION_TRANSITIONS[step].from : PHASE_ALLOWS[step];
  return phases.includes(status);
}

const isTransition = (step: ConsultationTransition | PhaseChange): step is ConsultationTransition => Object.hasOwn(CONSULTATION_TRANSITIONS, step);

/** The transitions open to a consultation in the phase, in the order of the map. */
export function transitionsFrom(status: ConsultationStatus): ConsultationTransition[] {
  return (Object.keys(CONSULTATION_TRANSITIONS) as ConsultationTransition[]).filter((transition) => phaseAllows(transition, status));
}
