import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor } from '@/lib/server/actor';
import { remindParty } from '@/lib/server/consultation-parties';
import { db } from '@/lib/server/db';
import { inviteUser } from '@/lib/server/invitations';
import { JOB_SCHEMA, jobQueue, MAIL_QUEUE } from '@/lib/server/jobs';
import { listFailedMail, queueMail, retryFailedMail, startMailWorker, type FailedMail } from '@/lib/server/mail';
import { eraseMyData } from '@/lib/server/personal-data';
import { REFUSED_DOMAIN } from '@/scripts/lib/mail-catcher';
import { mailsTo, waitForMail } from '@/test/mail';

// Short retries, so that a refused mail reaches the failed state within seconds.
vi.stubEnv('MAIL_RETRY_LIMIT', '2');
vi.stubEnv('MAIL_RETRY_DELAY_SECONDS', '1');

beforeAll(() => startMailWorker());
afterAll(() => db.$disconnect());

const unique = () => randomUUID().slice(0, 8);

async function staffActor(): Promise<Actor> {
  const user = await db.user.create({ data: { email: `mail-staff-${randomUUID()}@example.test`, role: 'STAFF' } });
  return { kind: 'user', userId: user.id, role: 'STAFF' };
}

/** The queue's rows of mail to `address`, as PostgreSQL holds them. */
async function jobsTo(address: string): Promise<{ state: string; data: string; retry_backoff: boolean }[]> {
  const { rows } = await (await jobQueue()).getDb().executeSql(`SELECT state, data::text AS data, retry_backoff FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'to' = $2`, [MAIL_QUEUE, address]);
  return rows as { state: string; data: string; retry_backoff: boolean }[];
}

async function waitUntil<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Nothing within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('mail through the job queue', () => {
  it('queues an invitation in PostgreSQL, with its link sealed, and the worker delivers it', async () => {
    const email = `invitee-${randomUUID()}@example.test`;
    await inviteUser(await staffActor(), { email, role: 'POLITICIAN' });
    const mail = await waitForMail(email);
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('Invitation til budgethøringen');
    const link = mail.text.match(/https?:\/\/\S+\/invitation\/\S+/)?.[0];
    expect(link).toBeTruthy();
    const job = await waitUntil(async () => (await jobsTo(email)).find((j) => j.state === 'completed'));
    expect(job.retry_backoff).toBe(true);
    expect(job.data).not.toContain(link!.split('/').at(-1));
  });

  it('sends a sign-in link only to a known, active user, though both are queued alike', async () => {
    const known = await db.user.create({ data: { email: `known-${randomUUID()}@example.test`, role: 'POLITICIAN' } });
    const unknown = `unknown-${randomUUID()}@example.test`;
    const link = (to: string) => ({ to, subject: 'Log ind på Budgethøring', text: `Link for ${to}`, onlyToActiveUser: true });
    await queueMail([link(unknown), link(known.email)]);
    await waitForMail(known.email);
    await waitUntil(async () => ((await jobsTo(unknown))[0]?.state === 'completed' ? true : undefined));
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it('mails each member of an organisation separately, one recipient per mail', async () => {
    const staff = await staffActor();
    const budget = await db.budget.create({ data: { name: `Postbudget ${unique()}`, years: [2026] } });
    const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Posthøring ${unique()}`, status: 'OPEN', deadline: new Date(Date.now() + 5 * 86_400_000) } });
    const organisation = await db.organisation.create({ data: { name: `Tre medlemmer ${unique()}`, type: 'OTHER' } });
    await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
    const members = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const user = await db.user.create({ data: { email: `member${n}-${randomUUID()}@example.test`, role: 'PARTY_MEMBER' } });
        await db.membership.create({ data: { userId: user.id, organisationId: organisation.id } });
        return user.email;
      }),
    );
    expect(await remindParty(staff, { consultationId: consultation.id, organisationId: organisation.id })).toEqual({ recipients: 3 });
    for (const email of members) {
      const mail = await waitForMail(email, (m) => m.subject.includes(consultation.title));
      expect(mail.to).toEqual([email]);
      expect(await jobsTo(email)).toHaveLength(1);
    }
  });

  it('retries a mail the SMTP server refuses, then shows it to staff as failed, who can retry it', async () => {
    const staff = await staffActor();
    const email = `refused-${unique()}@${REFUSED_DOMAIN}`;
    await inviteUser(staff, { email, role: 'POLITICIAN' });
    const failedOne = async (): Promise<FailedMail | undefined> => (await listFailedMail(staff)).find((m) => m.to === email);

    // Three attempts (the first and MAIL_RETRY_LIMIT retries), with growing delays between them.
    const failed = await waitUntil(failedOne);
    expect(failed).toMatchObject({ subject: 'Invitation til budgethøringen', attempts: 3 });
    expect(failed.error).toMatch(/451/);
    expect(failed.failedAt).toBeInstanceOf(Date);
    expect(await mailsTo(email)).toEqual([]);

    const politician: Actor = { kind: 'user', userId: 'x', role: 'POLITICIAN' };
    await expect(listFailedMail(politician)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(retryFailedMail(politician, failed.id)).rejects.toMatchObject({ code: 'forbidden' });

    await retryFailedMail(staff, failed.id);
    await expect(retryFailedMail(staff, failed.id)).rejects.toMatchObject({ code: 'mail.notFailed' });
    // Refused once more, it is back in the list with one attempt more.
    const again = await waitUntil(async () => ((await failedOne())?.attempts === 4 ? await failedOne() : undefined));
    expect(again.id).toBe(failed.id);
    expect(await db.auditEvent.count({ where: { action: 'mail.retry', outcome: 'SUCCESS', objectId: failed.id } })).toBe(1);
    await expect(retryFailedMail(staff, randomUUID())).rejects.toMatchObject({ code: 'mail.notFailed' });
  });
});

describe('erasure', () => {
  it('removes mail to the erased address from the queue, failed mail included', async () => {
    const address = `erase-${unique()}@${REFUSED_DOMAIN}`;
    const user = await db.user.create({ data: { email: address } });
    await queueMail([{ to: address, subject: 'Afvises', text: 'Tekst' }]);
    await waitUntil(async () => ((await jobsTo(address)).some((job) => job.state === 'failed') ? true : undefined));
    await eraseMyData({ kind: 'user', userId: user.id, role: 'PARTY_MEMBER' });
    expect(await jobsTo(address)).toEqual([]);
  });
});
