import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import type { UserRole } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/server/db';
import { landingPath, memberHome } from '@/lib/server/member-home';
import { getReceipt, getReceiptPdf } from '@/lib/server/receipts';
import { saveAnswer } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';

afterAll(() => db.$disconnect());

const actorOf = (user: { id: string; role: UserRole }): Actor => ({ kind: 'user', userId: user.id, role: user.role });

it("lists a member's consultations with deadline, days left, progress and who worked last; the receipt reads back for members and staff", async () => {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Forside ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Liste', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  const proposals = await Promise.all(
    [0, 1, 2].map((position) => db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code: `ØU0${position + 1}`, title: `Forslag ${position}`, summary: 'Resumé', position } })),
  );
  const now = new Date('2026-12-01T10:00:00Z');
  const later = await db.consultation.create({ data: { budgetId: budget.id, title: `Senere ${suffix}`, status: 'OPEN', deadline: new Date('2099-12-15T11:00:00Z') } });
  const sooner = await db.consultation.create({ data: { budgetId: budget.id, title: `Snart ${suffix}`, status: 'OPEN', deadline: new Date(Date.now() + 5 * 86_400_000) } });
  const draft = await db.consultation.create({ data: { budgetId: budget.id, title: `Kladde ${suffix}`, deadline: new Date('2099-12-15T11:00:00Z') } });
  const organisation = await db.organisation.create({ data: { name: `Ældrerådet ${suffix}`, type: 'SENIOR_COUNCIL' } });
  await db.consultationParty.createMany({ data: [later, sooner, draft].map((c) => ({ consultationId: c.id, organisationId: organisation.id })) });
  const submitter = await db.user.create({ data: { email: `home-${suffix}@example.test`, name: `Formand ${suffix}`, role: 'PARTY_MEMBER' } });
  await db.membership.create({ data: { userId: submitter.id, organisationId: organisation.id, role: 'SUBMITTER' } });
  const member = actorOf(submitter);
  const key = { consultationId: sooner.id, organisationId: organisation.id };

  await saveAnswer(member, key, { proposalId: proposals[0]!.id, stance: 'SUPPORT', comment: '', confidential: false, expectedVersion: 0 });
  await saveAnswer(member, key, { proposalId: proposals[1]!.id, stance: null, comment: 'Kun en kommentar', confidential: false, expectedVersion: 0 });

  const home = await memberHome(member, now);
  // Open consultations, nearest deadline first; a draft consultation is not shown.
  expect(home.map((c) => c.title)).toEqual([`Snart ${suffix}`, `Senere ${suffix}`]);
  expect(home[0]).toMatchObject({ status: 'DRAFT', answered: 2, proposals: 3, lastEdit: { by: `Formand ${suffix}` } });
  expect(home[1]).toMatchObject({ status: 'NOT_STARTED', answered: 0, proposals: 3, lastEdit: null });
  expect(home[1]!.daysLeft).toBeGreaterThan(20_000);
  expect((await memberHome(member))[0]!.daysLeft).toBe(5);

  expect(landingPath(member)).toBe('/responses');
  expect(landingPath({ kind: 'user', userId: 'x', role: 'POLITICIAN' })).toBe('/');
  expect(landingPath({ kind: 'anonymous' })).toBe('/');
  await expect(memberHome({ kind: 'anonymous' })).rejects.toMatchObject({ code: 'forbidden' });

  // The receipt of the submission, for the member and for staff; a politician is refused.
  const { receiptNumber, version } = await submitResponse(member, key);
  expect(await getReceipt(member, key, version)).toMatchObject({ receiptNumber, version, latest: true, submittedBy: `Formand ${suffix}`, open: true, organisationName: organisation.name });
  const staff = actorOf(await db.user.create({ data: { email: `home-staff-${suffix}@example.test`, role: 'STAFF' } }));
  const pdf = await getReceiptPdf(staff, key, version);
  expect([pdf?.fileName, pdf?.bytes.subarray(0, 5).toString()]).toEqual([`kvittering-${receiptNumber}.pdf`, '%PDF-']);
  expect(await getReceipt(member, key, version + 1)).toBeNull();
  await expect(getReceipt({ kind: 'user', userId: 'home-politician', role: 'POLITICIAN' }, key, version)).rejects.toMatchObject({ code: 'forbidden' });
  // Submitted, it moves below the one still open.
  expect((await memberHome(member, now)).map((c) => [c.title, c.status])).toEqual([[`Senere ${suffix}`, 'NOT_STARTED'], [`Snart ${suffix}`, 'SUBMITTED']]);
});
