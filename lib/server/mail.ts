import 'server-only';
import { DomainError } from '@/lib/server/errors';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { createTranslator } from 'next-intl';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { env } from '@/lib/env';
import da from '@/lib/i18n/messages/da.json';
import { formatCopenhagen } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { JOB_SCHEMA, jobQueue, MAIL_QUEUE } from '@/lib/server/jobs';
import { authorize } from '@/lib/server/policy';
import { getMunicipality } from '@/lib/server/municipality';

/** One mail to one recipient: every recipient gets a mail (and a job) of their own. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** Sent only if the address belongs to a user who has not erased their data (sign-in links). */
  onlyToActiveUser?: boolean;
}

/**
 * A queued mail. Recipient and subject stay readable for the staff's list of failed mail; the
 * text (sign-in and invitation links) and attachments are sealed with a key derived from
 * AUTH_SECRET, so that the queue's table holds no usable link.
 */
const mailJob = z.object({ to: z.string(), subject: z.string(), sealed: z.string(), onlyToActiveUser: z.boolean().optional() });
type MailJob = z.infer<typeof mailJob>;
type SealedContent = { text: string; attachments: { filename: string; content: string; contentType: string }[] };

const sealKey = () => Buffer.from(hkdfSync('sha256', env().AUTH_SECRET, 'budgethoering', 'mail queue', 32));

function seal(content: SealedContent): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
}

function unseal(sealed: string): SealedContent {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as SealedContent;
}

const state = globalThis as unknown as { mailWorkerId?: string; transporter?: Transporter };

/**
 * Puts mail, with the signature under its text, in the queue and returns: the request that
 * caused it does not wait for SMTP. The worker sends it, retrying with growing delays (MAIL_RETRY_LIMIT, MAIL_RETRY_DELAY_SECONDS);
 * what still fails is listed for staff at /staff/mail.
 */
export async function queueMail(mails: OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  const { MAIL_RETRY_LIMIT, MAIL_RETRY_DELAY_SECONDS } = env();
  const signature = await mailSignature();
  const boss = await jobQueue();
  await boss.insert(
    mails.map(({ to, subject, text, attachments = [], onlyToActiveUser }) => ({
      name: MAIL_QUEUE,
      data: {
        to,
        subject,
        sealed: seal({ text: `${text}\n\n${signature}`, attachments: attachments.map((a) => ({ ...a, content: a.content.toString('base64') })) }),
        ...(onlyToActiveUser ? { onlyToActiveUser } : {}),
      } satisfies MailJob,
      retryLimit: MAIL_RETRY_LIMIT,
      retryDelay: MAIL_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: 120,
    })),
  );
  // A worker in this process starts at once instead of at its next poll.
  if (state.mailWorkerId) boss.notifyWorker(state.mailWorkerId);
}

async function deliver(job: MailJob): Promise<void> {
  if (job.onlyToActiveUser) {
    const user = await db.user.findUnique({ where: { email: job.to.toLowerCase() }, select: { erasedAt: true } });
    if (!user || user.erasedAt) return;
  }
  const { text, attachments } = unseal(job.sealed);
  const { SMTP_URL, MAIL_FROM } = env();
  state.transporter ??= nodemailer.createTransport(SMTP_URL);
  await state.transporter.sendMail({
    from: MAIL_FROM,
    to: job.to,
    subject: job.subject,
    text,
    attachments: attachments.map((a) => ({ ...a, content: Buffer.from(a.content, 'base64') })),
  });
}

/** Sends queued mail from this process, up to ten at a time, each failing or succeeding alone. */
export async function startMailWorker(): Promise<void> {
  if (state.mailWorkerId) return;
  const boss = await jobQueue();
  state.mailWorkerId = await boss.work<unknown>(MAIL_QUEUE, { batchSize: 10, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      try {
        await deliver(mailJob.parse(job.data));
        // At once, not with the batch: a process that dies later in the batch must not send it again.
        await boss.complete(MAIL_QUEUE, job.id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.warn(`Mail job ${job.id} failed:`, message);
        // Marked failed (to be retried) here; pg-boss's completing the batch afterwards touches
        // only jobs still active, so it leaves this one alone.
        await boss.fail(MAIL_QUEUE, job.id, { message });
      }
    }
  });
}

export interface FailedMail {
  id: string;
  to: string;
  subject: string;
  error: string;
  attempts: number;
  failedAt: Date;
}

const FAILED_SQL = `SELECT id, data->>'to' AS "to", data->>'subject' AS subject, COALESCE(output->>'message', '') AS error,
  retry_count + 1 AS attempts, completed_on AS "failedAt"
  FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC LIMIT 200`;

/** Mail that exhausted its retries (the dead-letter state), newest first. Staff only. */
export async function listFailedMail(actor: Actor): Promise<FailedMail[]> {
  await authorize(actor, 'mail.failed.list');
  const { rows } = await (await jobQueue()).getDb().executeSql(FAILED_SQL, [MAIL_QUEUE]);
  return rows as FailedMail[];
}

/** Staff send a failed mail once more; if it fails again it returns to the list. */
export async function retryFailedMail(actor: Actor, jobId: string): Promise<void> {
  await authorize(actor, 'mail.retry', { object: { type: 'MailJob', id: jobId } });
  const boss: PgBoss = await jobQueue();
  const job = await boss.getJobById<MailJob>(MAIL_QUEUE, jobId);
  if (!job || job.state !== 'failed') throw new DomainError('mail.notFailed');
  await boss.retry(MAIL_QUEUE, jobId);
  if (state.mailWorkerId) boss.notifyWorker(state.mailWorkerId);
  await audit(actor, { action: 'mail.retry', objectType: 'MailJob', objectId: jobId, details: { to: job.data.to, subject: job.data.subject } });
}

/** Mail goes out in Danish, the language of the municipality's correspondence. */
export const mailText = createTranslator({ locale: 'da', messages: da, namespace: 'mail' });

/** The budget office, the municipality's name and the office's contact, under every mail. */
export async function mailSignature(): Promise<string> {
  const { name, contactEmail, contactPhone } = await getMunicipality();
  return [
    mailText('signature', { municipality: name }),
    contactEmail && mailText('signatureEmail', { email: contactEmail }),
    contactPhone && mailText('signaturePhone', { phone: contactPhone }),
  ].filter(Boolean).join('\n');
}


/**
 * Removes queued, failed and archived mail to `address` (erasure: the queue keeps the recipient
 * readable for the staff's list of failed mail). pg-boss creates its tables when the queue first
 * starts; before that there is nothing to remove.
 */
export async function forgetMailTo(address: string, tx: Prisma.TransactionClient): Promise<void> {
  for (const table of ['job', 'archive']) {
    const [found] = await tx.$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('${JOB_SCHEMA}.${table}') IS NOT NULL AS present`);
    if (found?.present) await tx.$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.${table} WHERE name = $1 AND lower(data->>'to') = $2`, MAIL_QUEUE, address.toLowerCase());
  }
}

/** The addresses of an organisation's members who have not erased their data. */
export const memberAddresses = (memberships: { user: { email: string; erasedAt: Date | null } }[]) => memberships.filter((m) => !m.user.erasedAt).map((m) => m.user.email);

/** Tells an organisation's members that a consultation opened for them, or reminds them of its deadline. */
export async function mailParty(
  kind: 'reminder' | 'consultationOpen',
  party: { recipients: string[]; organisation: string; consultation: string; deadline: Date; key: { consultationId: string; organisationId: string } },
): Promise<void> {
  const values = {
    organisation: party.organisation,
    consultation: party.consultation,
    deadline: formatCopenhagen(party.deadline, 'da'),
    url: `${env().APP_URL}/responses/${party.key.consultationId}/${party.key.organisationId}`,
  };
  const subject = mailText(`${kind}Subject`, values);
  const text = mailText(`${kind}Body`, values);
  await queueMail(party.recipients.map((to) => ({ to, subject, text })));
}
