import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { getResponseStatus } from '@/lib/server/response-status';

afterAll(() => db.$disconnect());

const politician: Actor = { kind: 'user', userId: 'status-politician', role: 'POLITICIAN' };
const staff: Actor = { kind: 'user', userId: 'status-staff', role: 'STAFF' };

it('lists who of the parties has submitted and who has not, statutory bodies first; politicians and staff only', async () => {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Svarstatus ${suffix}`, years: [2026] } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: 'Høring', deadline: new Date(Date.now() + 86_400_000), status: 'OPEN' } });
  const draft = await db.consultation.create({ data: { budgetId: budget.id, title: 'Kladde', deadline: new Date(Date.now() + 86_400_000) } });
  const organisation = (name: string, type: 'SENIOR_COUNCIL' | 'DISABILITY_COUNCIL' | 'SCHOOL_BOARD') => db.organisation.create({ data: { name: `${name} ${suffix}`, type } });
  const [senior, disability, school, drafting, outsider] = await Promise.all([
    organisation('Ældrerådet', 'SENIOR_COUNCIL'),
    organisation('Handicaprådet', 'DISABILITY_COUNCIL'),
    organisation('Skolebestyrelsen A', 'SCHOOL_BOARD'),
    organisation('Skolebestyrelsen B', 'SCHOOL_BOARD'),
    organisation('Ikke part', 'SCHOOL_BOARD'),
  ]);
  await db.consultationParty.createMany({ data: [senior, disability, school, drafting].map((o) => ({ consultationId: consultation.id, organisationId: o!.id })) });
  await db.response.createMany({
    data: [
      { consultationId: consultation.id, organisationId: senior!.id, status: 'SUBMITTED' },
      { consultationId: consultation.id, organisationId: school!.id, status: 'SUBMITTED' },
      { consultationId: consultation.id, organisationId: drafting!.id, status: 'DRAFT' },
      { consultationId: consultation.id, organisationId: outsider!.id, status: 'SUBMITTED' },
    ],
  });

  const status = await getResponseStatus(politician, consultation.id);
  expect([status?.responded, status?.parties]).toEqual([2, 4]);
  expect(status?.groups.map((g) => [g.type, g.responded.length, g.missing.map((p) => p.name)])).toEqual([
    ['SENIOR_COUNCIL', 1, []],
    ['DISABILITY_COUNCIL', 0, [disability!.name]],
    ['SCHOOL_BOARD', 1, [drafting!.name]],
  ]);
  expect(status?.statutoryMissing.map((p) => p.name)).toEqual([disability!.name]);
  expect(await getResponseStatus(staff, consultation.id)).toEqual(status);

  // Nothing of a draft consultation reaches a politician; staff see its parties.
  expect(await getResponseStatus(politician, draft.id)).toBeNull();
  expect((await getResponseStatus(staff, draft.id))?.parties).toBe(0);
  await expect(getResponseStatus({ kind: 'anonymous' }, consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
  await expect(getResponseStatus({ kind: 'user', userId: 'status-member', role: 'PARTY_MEMBER' }, consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
  expect(await db.auditEvent.findFirst({ where: { action: 'consultation.status.read', objectId: consultation.id, outcome: 'DENIED' } })).not.toBeNull();
});
