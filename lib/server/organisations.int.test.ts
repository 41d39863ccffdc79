import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { system } from '@/lib/server/actor';
import { createCommittee } from '@/lib/server/committees';
import { db } from '@/lib/server/db';
import { changeMembership, createOrganisation, updateOrganisation } from '@/lib/server/organisations';

afterAll(() => db.$disconnect());

it('renames an organisation and changes its type, refusing another organisation’s name', async () => {
  const suffix = randomUUID().slice(0, 8);
  const council = await createOrganisation(system, { name: `Rådet ${suffix}`, type: 'OTHER' });
  await createOrganisation(system, { name: `Optaget ${suffix}`, type: 'OTHER' });
  await updateOrganisation(system, council.id, { name: `Ældrerådet ${suffix}`, type: 'SENIOR_COUNCIL' });
  expect(await db.organisation.findUniqueOrThrow({ where: { id: council.id } })).toMatchObject({ name: `Ældrerådet ${suffix}`, type: 'SENIOR_COUNCIL' });
  await expect(updateOrganisation(system, council.id, { name: `Optaget ${suffix}`, type: 'OTHER' })).rejects.toMatchObject({ code: 'organisation.duplicate' });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'organisation.update', objectId: council.id } });
  expect(audit.before).toEqual({ name: `Rådet ${suffix}`, type: 'OTHER' });
});

it('changes a member’s role and removes the member', async () => {
  const organisation = await createOrganisation(system, { name: `Medlemmer ${randomUUID()}`, type: 'SCHOOL_BOARD' });
  const user = await db.user.create({ data: { email: `m-${randomUUID()}@example.test`, role: 'PARTY_MEMBER' } });
  await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'EDITOR' } });
  const key = { userId: user.id, organisationId: organisation.id };
  await changeMembership(system, { ...key, role: 'SUBMITTER' });
  expect((await db.membership.findUniqueOrThrow({ where: { userId_organisationId: key } })).role).toBe('SUBMITTER');
  await changeMembership(system, { ...key, role: null });
  expect(await db.membership.count({ where: key })).toBe(0);
});

it('adds a committee once', async () => {
  const code = Array.from(randomBytes(6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  await createCommittee(system, code, 'Kultur- og Fritidsudvalget');
  await expect(createCommittee(system, code, null)).rejects.toMatchObject({ code: 'committee.duplicate' });
  expect(await db.committee.findUniqueOrThrow({ where: { code } })).toMatchObject({ name: 'Kultur- og Fritidsudvalget' });
});
