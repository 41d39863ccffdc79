import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { system } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { sendDeadlineReminders } from '@/lib/server/reminders';

afterAll(() => db.$disconnect());

const DAY = 86_400_000;

it('reminds each organisation that has not submitted once, when its deadline is near', async () => {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Påmindelse ${suffix}`, years: [2026] } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, deadline: new Date(Date.now() + 2 * DAY), status: 'OPEN' } });
  const organisation = (name: string) => db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'OTHER' } });
  const [near, submitted, extended] = [await organisation('Nær'), await organisation('Indsendt'), await organisation('Forlænget')];
  await db.consultationParty.createMany({
    data: [
      { consultationId: consultation.id, organisationId: near.id },
      { consultationId: consultation.id, organisationId: submitted.id },
      { consultationId: consultation.id, organisationId: extended.id, deadlineExtension: new Date(Date.now() + 20 * DAY) },
    ],
  });
  await db.response.create({ data: { consultationId: consultation.id, organisationId: submitted.id, status: 'SUBMITTED' } });
  for (const o of [near, submitted, extended]) {
    const user = await db.user.create({ data: { email: `p-${randomUUID()}@example.test`, role: 'PARTY_MEMBER' } });
    await db.membership.create({ data: { userId: user.id, organisationId: o.id } });
  }

  const mine = (names: string[]) => names.filter((n) => n.endsWith(suffix));
  expect(mine((await sendDeadlineReminders(system)).reminded)).toEqual([near.name]);
  expect(mine((await sendDeadlineReminders(system)).reminded)).toEqual([]);
  // Twenty days ahead, the extended party's turn comes later.
  expect(mine((await sendDeadlineReminders(system, new Date(Date.now() + 18 * DAY))).reminded)).toEqual([extended.name]);
  await expect(sendDeadlineReminders({ kind: 'user', userId: 'x', role: 'POLITICIAN' })).rejects.toMatchObject({ code: 'forbidden' });
});
