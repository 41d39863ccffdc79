import type { OrganisationType } from '@/lib/generated/prisma/enums';

// Who of a consultation's parties has responded and who has not, per organisation type, the
// bodies that must be heard first. Pure, so that the overview, the matrix and the høringsnotat
// tell the same and are tested without a database.

/** The order of the types: the bodies the municipality must hear first, then the others. */
export const TYPE_ORDER: readonly OrganisationType[] = [
  'SENIOR_COUNCIL',
  'DISABILITY_COUNCIL',
  'MED_COMMITTEE',
  'INTEGRATION_COUNCIL',
  'SCHOOL_BOARD',
  'DAYCARE_BOARD',
  'OTHER',
];

export interface Party {
  organisationId: string;
  name: string;
  type: OrganisationType;
}

/**
 * A body the municipality must hear: the senior council (retssikkerhedsloven § 30), the
 * disability council (§ 37 a) and the main MED committee (the MED agreement), known by its name.
 */
export function isStatutory(party: Pick<Party, 'name' | 'type'>): boolean {
  return party.type === 'SENIOR_COUNCIL' || party.type === 'DISABILITY_COUNCIL' || (party.type === 'MED_COMMITTEE' && /^hoved[\s-]?med\b/i.test(party.name.trim()));
}

export interface StatusParty extends Party {
  statutory: boolean;
}

export interface StatusGroup {
  type: OrganisationType;
  /** Parties of the type, statutory first, then by name. */
  responded: StatusParty[];
  missing: StatusParty[];
}

export interface ResponseStatus {
  /** Parties that have submitted a response. */
  responded: number;
  /** Every party of the consultation. */
  parties: number;
  /** The statutory bodies that have not responded, in type order. */
  statutoryMissing: StatusParty[];
  /** Types with at least one party, in TYPE_ORDER. */
  groups: StatusGroup[];
}

const byStatutoryThenName = (a: StatusParty, b: StatusParty) => Number(b.statutory) - Number(a.statutory) || a.name.localeCompare(b.name, 'da');

/**
 * The parties split by whether they have a submitted response (`respondedIds`). A response from
 * an organisation that is not a party (it was removed after answering) does not count.
 */
export function responseStatus(parties: readonly Party[], respondedIds: Iterable<string>): ResponseStatus {
  const answered = new Set(respondedIds);
  const marked = parties.map((party): StatusParty => ({ ...party, statutory: isStatutory(party) }));
  const groups = TYPE_ORDER.map((type) => {
    const ofType = marked.filter((p) => p.type === type).sort(byStatutoryThenName);
    return { type, responded: ofType.filter((p) => answered.has(p.organisationId)), missing: ofType.filter((p) => !answered.has(p.organisationId)) };
  }).filter((group) => group.responded.length + group.missing.length > 0);
  return {
    responded: marked.filter((p) => answered.has(p.organisationId)).length,
    parties: marked.length,
    statutoryMissing: groups.flatMap((group) => group.missing.filter((p) => p.statutory)),
    groups,
  };
}
