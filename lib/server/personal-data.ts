import 'server-only';
import da from '@/lib/i18n/messages/da.json';
import { parseSnapshot, type SubmissionSnapshot } from '@/lib/submission-snapshot';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { forgetMailTo } from '@/lib/server/mail';
import { requireUser } from '@/lib/server/policy';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * How a user is named to the other members of their organisation and to staff, read live:
 * the name, or the address when there is none; nothing once their data is erased.
 */
export function displayName(user: { name: string | null; email: string; erasedAt?: Date | null } | null): string | null {
  if (!user || user.erasedAt) return null;
  return user.name ?? user.email;
}

/** Everything the app holds about the signed-in user, as a JSON-ready object. */
export async function exportMyData(actor: Actor) {
  const { userId } = await requireUser(actor, 'user.export');
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      memberships: { include: { organisation: { select: { name: true, type: true } } } },
      accounts: { select: { provider: true, providerAccountId: true } },
      sessions: { select: { createdAt: true, expires: true } },
    },
  });
  const [invitations, auditEvents] = await Promise.all([
    db.invitation.findMany({ where: { email: user.email }, select: { role: true, createdAt: true, expiresAt: true, acceptedAt: true, organisation: { select: { name: true } } } }),
    db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: 'asc' } }),
  ]);
  await audit(actor, { action: 'user.export', objectType: 'User', objectId: user.id });
  return {
    exportedAt: new Date().toISOString(),
    user: { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, emailVerified: user.emailVerified },
    memberships: user.memberships.map((m) => ({ organisation: m.organisation.name, organisationType: m.organisation.type, role: m.role })),
    signInAccounts: user.accounts,
    sessions: user.sessions,
    invitations: invitations.map((i) => ({ ...i, organisation: i.organisation?.name ?? null })),
    // BigInt ids do not survive JSON.stringify.
    auditEvents: auditEvents.map((event) => ({ ...event, id: event.id.toString() })),
  };
}

/** Stands where an erased user's address stood in a response's text. Stored, so always Danish. */
const ERASED_ADDRESS = da.account.erasedAddress;

/** The address as a regular expression that both JavaScript and PostgreSQL read literally. */
const addressPattern = (email: string) => email.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);

/** Every string in the snapshot with the address replaced, so that no field (old or new) keeps it. */
function withoutAddress(value: unknown, pattern: RegExp): unknown {
  if (typeof value === 'string') return value.replace(pattern, ERASED_ADDRESS);
  if (Array.isArray(value)) return value.map((item) => withoutAddress(item, pattern));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutAddress(item, pattern)]));
  return value;
}

/**
 * Takes the person out of every frozen submission that names them: as submitter, as author of a
 * minority statement (by id; before ids were kept, by the statement), and wherever their address
 * appears. What the organisation said stays, unsigned.
 */
async function eraseFromSubmissions(user: { id: string; email: string }, tx: Tx) {
  const pattern = addressPattern(user.email);
  const statementIds = new Set((await tx.minorityStatement.findMany({ where: { authorId: user.id }, select: { id: true } })).map((m) => m.id));
  const candidates = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT s.id FROM "Submission" s
    WHERE s."submittedById" = ${user.id}
       OR s.snapshot::text ~* ${pattern}
       OR s.snapshot::text LIKE ${`%${user.id}%`}
       OR s."responseId" IN (SELECT "responseId" FROM "MinorityStatement" WHERE "authorId" = ${user.id})`;
  const address = new RegExp(pattern, 'gi');
  for (const { id } of candidates) {
    const submission = await tx.submission.findUniqueOrThrow({ where: { id } });
    const snapshot: SubmissionSnapshot = parseSnapshot(submission.snapshot);
    const scrubbed = withoutAddress(
      {
        ...snapshot,
        submittedBy: submission.submittedById === user.id ? null : snapshot.submittedBy,
        minorityStatements: snapshot.minorityStatements.map((m) =>
          m.authorId === user.id || (m.id !== undefined && statementIds.has(m.id)) ? { ...m, author: null } : m,
        ),
      },
      address,
    ) as Prisma.InputJsonValue;
    await tx.submission.update({ where: { id }, data: { snapshot: scrubbed } });
  }
  // The drafts' texts, and staff's redaction rules, that quote the address.
  await tx.$executeRaw`UPDATE "Response" SET "generalRemarks" = regexp_replace("generalRemarks", ${pattern}, ${ERASED_ADDRESS}, 'gi') WHERE "generalRemarks" ~* ${pattern}`;
  await tx.$executeRaw`UPDATE "Answer" SET comment = regexp_replace(comment, ${pattern}, ${ERASED_ADDRESS}, 'gi') WHERE comment ~* ${pattern}`;
  await tx.$executeRaw`UPDATE "MinorityStatement" SET text = regexp_replace(text, ${pattern}, ${ERASED_ADDRESS}, 'gi') WHERE text ~* ${pattern}`;
  await tx.$executeRaw`UPDATE "Moderation" SET passage = regexp_replace(passage, ${pattern}, ${ERASED_ADDRESS}, 'gi') WHERE passage ~* ${pattern}`;
}

/**
 * Erases the signed-in user's personal data in one transaction: the address and name are
 * replaced, sign-in links, invitations, queued mail, rate-limit counters and memberships removed, every session
 * ended, and the person taken out of frozen submissions (eraseFromSubmissions). The user row stays
 * (pseudonymous) so that what organisations submitted stays whole. The audit log is append-only
 * (a trigger refuses changes): its rows keep the pseudonymous user id, and an invitation's row
 * keeps the address it was sent to, as the security record staff alone read.
 */
export async function eraseMyData(actor: Actor): Promise<void> {
  const { userId } = await requireUser(actor, 'user.erase');
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.invitation.deleteMany({ where: { email: user.email } });
    await forgetMailTo(user.email, tx);
    // Counters keyed by the address (rate-limiter-flexible writes "<limit>:<key>").
    await tx.$executeRaw`DELETE FROM rate_limits WHERE right(key, ${user.email.length + 1}) = ${`:${user.email}`}`;
    await tx.account.deleteMany({ where: { userId: user.id } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.membership.deleteMany({ where: { userId: user.id } });
    await eraseFromSubmissions(user, tx);
    await tx.user.update({
      where: { id: user.id },
      data: { email: `erased-${user.id}@erased.invalid`, name: null, image: null, emailVerified: null, erasedAt: new Date() },
    });
    await audit(actor, { action: 'user.erase', objectType: 'User', objectId: user.id }, tx);
  });
}

/** The signed-in user's own details and memberships, for the account page. */
export async function myAccount(actor: Actor) {
  const { userId } = await requireUser(actor, 'user.read_self');
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, role: true, memberships: { select: { role: true, organisation: { select: { name: true } } } } },
  });
}
