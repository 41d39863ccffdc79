import 'server-only';
import { DomainError } from '@/lib/server/errors';
import { createHash } from 'node:crypto';
import { cache } from 'react';
import { checkLogo } from '@/lib/logo';
import type { Letterhead } from '@/lib/pdf-layout';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import { cachedRead } from '@/lib/server/read-cache';

// The municipality's identity: its name and logo, the budget office's contact, the data
// controller and DPO for the privacy page, and its own privacy and accessibility pages. Anyone
// reads it (every page shows it); only administrators change it, and every change is audited.

const ID = 'municipality';
/** Until an administrator sets the name. */
export const DEFAULT_MUNICIPALITY_NAME = 'Kommunen';

export interface MunicipalityDetails {
  name: string;
  contactEmail: string | null;
  contactPhone: string | null;
  controllerName: string | null;
  controllerAddress: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  dpoPhone: string | null;
  privacyPolicyUrl: string | null;
  accessibilityStatementUrl: string | null;
}

export interface Municipality extends MunicipalityDetails {
  /** The logo's address, versioned so that a new logo is fetched at once; null without a logo. */
  logoUrl: string | null;
}

export const LOGO_PATH = '/api/municipality/logo';

const EMPTY: MunicipalityDetails = {
  name: DEFAULT_MUNICIPALITY_NAME,
  contactEmail: null,
  contactPhone: null,
  controllerName: null,
  controllerAddress: null,
  dpoName: null,
  dpoEmail: null,
  dpoPhone: null,
  privacyPolicyUrl: null,
  accessibilityStatementUrl: null,
};

const DETAIL_FIELDS = Object.keys(EMPTY) as (keyof MunicipalityDetails)[];
const detailsOf = (row: Partial<MunicipalityDetails>): MunicipalityDetails => Object.fromEntries(DETAIL_FIELDS.map((field) => [field, row[field] ?? EMPTY[field]])) as unknown as MunicipalityDetails;

// Every page shows them: cached across requests until an administrator changes them (read-cache.ts).
const readMunicipality = cachedRead('municipality', ['settings'], async (): Promise<Municipality> => {
  // The logo's bytes are for its route only.
  const row = await db.municipalitySettings.findUnique({ where: { id: ID }, omit: { logo: true } });
  if (!row) return { ...EMPTY, logoUrl: null };
  return { ...detailsOf(row), logoUrl: row.logoContentType ? `${LOGO_PATH}?v=${row.updatedAt.getTime()}` : null };
});

/** The settings, read once per request however many components show them. */
export const getMunicipality = cache(async (): Promise<Municipality> =>
  // Every page's layout shows these; with the database away the page itself must still render its
  // Danish "try again" message, so the layout falls back to the defaults.
  readMunicipality().catch((error: unknown) => {
    console.error('Municipality settings unavailable:', error instanceof Error ? error.message : error);
    return { ...EMPTY, logoUrl: null };
  }),
);

/** The issuer of receipts and exports: the municipality's name and the budget office's contact. */
export async function municipalityLetterhead(): Promise<Letterhead> {
  const { name, contactEmail, contactPhone } = await getMunicipality();
  return { name, contact: [contactEmail, contactPhone].filter(Boolean).join(' · ') };
}

/** The stored logo, for the route that serves it; null without one. */
export async function readMunicipalityLogo(): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const row = await db.municipalitySettings.findUnique({ where: { id: ID }, select: { logo: true, logoContentType: true } });
  return row?.logo && row.logoContentType ? { bytes: row.logo, contentType: row.logoContentType } : null;
}

/** keep: the logo stays; remove: no logo; or the new logo's bytes, checked by content. */
export type LogoChange = { kind: 'keep' } | { kind: 'remove' } | { kind: 'replace'; bytes: Uint8Array };

const logoFact = (logo: Uint8Array | null, contentType: string | null) =>
  logo && contentType ? { contentType, size: logo.length, sha256: createHash('sha256').update(logo).digest('hex') } : null;

/** Administrators set the identity; the audit log gets the fields before and after (the logo by its hash). */
export async function updateMunicipality(actor: Actor, details: MunicipalityDetails, logo: LogoChange = { kind: 'keep' }): Promise<void> {
  await authorize(actor, 'municipality.update', { object: { type: 'MunicipalitySettings', id: ID } });
  let logoData: { logo: Uint8Array<ArrayBuffer> | null; logoContentType: string | null } | undefined;
  if (logo.kind === 'replace') {
    const check = checkLogo(logo.bytes);
    if (!check.ok) throw new DomainError(`logo.${check.problem}`, { detail: check.detail });
    logoData = { logo: new Uint8Array(logo.bytes), logoContentType: check.contentType };
  } else if (logo.kind === 'remove') logoData = { logo: null, logoContentType: null };
  const data = { ...detailsOf(details), ...logoData };
  await db.$transaction(async (tx) => {
    const before = await tx.municipalitySettings.findUnique({ where: { id: ID } });
    await tx.municipalitySettings.upsert({ where: { id: ID }, create: { id: ID, ...data }, update: data });
    const logoAfter = logoData ? logoFact(logoData.logo, logoData.logoContentType) : logoFact(before?.logo ?? null, before?.logoContentType ?? null);
    await audit(actor, {
      action: 'municipality.update',
      objectType: 'MunicipalitySettings',
      objectId: ID,
      before: before ? { ...detailsOf(before), logo: logoFact(before.logo, before.logoContentType) } : undefined,
      after: { ...detailsOf(details), logo: logoAfter },
    }, tx);
  });
}
