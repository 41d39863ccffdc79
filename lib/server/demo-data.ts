import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBudgetDocument } from '@/lib/budget-document/parse';
import { DEMO_THEMES } from '@/lib/demo/themes';
import type { Actor } from '@/lib/server/actor';
import { authorize } from '@/lib/server/policy';
import { db } from '@/lib/server/db';
import { documentHash, importBudgetDocument } from '@/lib/server/budget-import';
import { seedResponseVolume } from '@/lib/server/demo-volume';
import { updateMunicipality } from '@/lib/server/municipality';
import type { MembershipRole, OrganisationType, UserRole } from '@/lib/generated/prisma/enums';

export const DEMO_DOCUMENT = path.join(process.cwd(), 'prisma', 'seed-data', 'budget-seminar-2025-08-29.txt');
const DEMO_LOGO = path.join(process.cwd(), 'prisma', 'seed-data', 'demo-logo.svg');

/** A made-up municipality, so that the demo shows a name, logo and contacts without claiming a real one's. */
export const demoMunicipality = {
  name: 'Demo Kommune',
  contactEmail: 'budget@demo.example',
  contactPhone: '43 59 10 00',
  controllerName: null,
  controllerAddress: 'Rådhuset, Demovej 1, 2630 Demoby',
  dpoName: 'Databeskyttelsesrådgiveren, Demo Kommune',
  dpoEmail: 'dpo@demo.example',
  dpoPhone: '43 59 10 01',
  privacyPolicyUrl: null,
  accessibilityStatementUrl: null,
};

const organisations: { name: string; type: OrganisationType }[] = [
  { name: 'Hoved-MED', type: 'MED_COMMITTEE' },
  { name: 'Ældrerådet', type: 'SENIOR_COUNCIL' },
  { name: 'Handicaprådet', type: 'DISABILITY_COUNCIL' },
  { name: 'Integrationsrådet', type: 'INTEGRATION_COUNCIL' },
  { name: 'Skolebestyrelsen, Sengeløse Skole', type: 'SCHOOL_BOARD' },
];

export const demoUsers: { email: string; name: string; role: UserRole; organisation?: string; membership?: MembershipRole; description: string }[] = [
  { email: 'admin@demo.example', name: 'Demo Administrator', role: 'ADMIN', description: 'administrator' },
  { email: 'budget@demo.example', name: 'Demo Budgetmedarbejder', role: 'STAFF', description: 'budgetkontoret (staff)' },
  { email: 'politiker@demo.example', name: 'Demo Politiker', role: 'POLITICIAN', description: 'politiker' },
  { email: 'formand@aeldreraadet.demo.example', name: 'Demo Formand', role: 'PARTY_MEMBER', organisation: 'Ældrerådet', membership: 'SUBMITTER', description: 'Ældrerådet, indsender' },
  { email: 'medlem@aeldreraadet.demo.example', name: 'Demo Medlem', role: 'PARTY_MEMBER', organisation: 'Ældrerådet', membership: 'EDITOR', description: 'Ældrerådet, redaktør' },
  { email: 'formand@handicapraadet.demo.example', name: 'Demo Formand H', role: 'PARTY_MEMBER', organisation: 'Handicaprådet', membership: 'SUBMITTER', description: 'Handicaprådet, indsender' },
  { email: 'medlem@handicapraadet.demo.example', name: 'Demo Medlem H', role: 'PARTY_MEMBER', organisation: 'Handicaprådet', membership: 'EDITOR', description: 'Handicaprådet, redaktør' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the database holds no budget yet (first run of `npm start`). */
export async function isDatabaseEmpty(actor: Actor): Promise<boolean> {
  await authorize(actor, 'demo.seed');
  return (await db.budget.count()) === 0;
}

/**
 * Demo data: the budget document through the real importer, an open consultation with a
 * deadline two weeks ahead, organisations and users, and responses from most of the parties.
 * Safe to run again.
 */
export async function seedDemoData(actor: Actor): Promise<void> {
  await authorize(actor, 'demo.seed');
  // Once: what an administrator sets later is kept when the seed runs again.
  if ((await db.municipalitySettings.count()) === 0) {
    await updateMunicipality(actor, demoMunicipality, { kind: 'replace', bytes: readFileSync(DEMO_LOGO) });
  }
  const text = readFileSync(DEMO_DOCUMENT, 'utf8');
  const { budgetId, budgetName } = await importBudgetDocument(actor, parseBudgetDocument(text), documentHash(text));

  const consultationId = await db.$transaction(async (tx) => {
    const consultation =
      (await tx.consultation.findFirst({ where: { budgetId } })) ??
      (await tx.consultation.create({
        data: {
          budgetId,
          title: `Høring over ${budgetName}`,
          description: 'Administrationens forslag til effektiviseringer og besparelser sendes i høring.',
          deadline: new Date(Math.ceil((Date.now() + 14 * DAY_MS) / 3_600_000) * 3_600_000),
          status: 'OPEN',
          openedAt: new Date(),
        },
      }));
    for (const organisation of organisations) {
      const saved = await tx.organisation.upsert({ where: { name: organisation.name }, create: organisation, update: {} });
      await tx.consultationParty.createMany({ data: [{ consultationId: consultation.id, organisationId: saved.id }], skipDuplicates: true });
    }
    // The disability council is asked about the social and transport proposals in particular.
    const handicap = await tx.organisation.findUniqueOrThrow({ where: { name: 'Handicaprådet' } });
    const relevant = await tx.proposal.findMany({ where: { budgetId, code: { in: ['SU01', 'SU05', 'SU10', 'ISU05'] } } });
    await tx.proposalAssignment.createMany({
      data: relevant.map((p) => ({ consultationId: consultation.id, organisationId: handicap.id, proposalId: p.id, note: 'Berører borgere med handicap' })),
      skipDuplicates: true,
    });
    for (const { organisation, membership, email, name, role } of demoUsers) {
      const saved = await tx.user.upsert({ where: { email }, create: { email, name, role }, update: {} });
      if (organisation && membership) {
        const { id: organisationId } = await tx.organisation.findUniqueOrThrow({ where: { name: organisation } });
        await tx.membership.upsert({
          where: { userId_organisationId: { userId: saved.id, organisationId } },
          create: { userId: saved.id, organisationId, role: membership },
          update: {},
        });
      }
    }
    return consultation.id;
  });
  // Sixty consulted organisations in all, most of them with a submitted response.
  await seedResponseVolume(actor, { consultationId, organisations: 60 - organisations.length });
  // The budget office's themes, for the suggested tags; a theme of the same name is kept as it is.
  await db.theme.createMany({ data: DEMO_THEMES.map((theme) => ({ consultationId, ...theme })), skipDuplicates: true });
}
