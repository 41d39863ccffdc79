// Test data for the load and fault scripts, written straight into PostgreSQL with node-postgres:
// organisations with a SUBMITTER member each, consulted in a fresh OPEN consultation of the demo
// budget, and Auth.js database sessions whose tokens the simulated browsers send as cookies.
// Plain SQL rather than the app's modules, so that setup and checks do not share the pool or
// code paths under test, and keep working while the app's database is restarted.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

export const SESSION_COOKIE = 'authjs.session-token';

export interface Party {
  organisationId: string;
  userId: string;
  /** The session token, sent as the `authjs.session-token` cookie. */
  token: string;
  /** The client address this organisation's requests come from (X-Forwarded-For). */
  ip: string;
}

export interface BurstFixture {
  prefix: string;
  consultationId: string;
  proposalIds: string[];
  parties: Party[];
}

const id = () => randomUUID();
const token = () => randomBytes(32).toString('hex');

/** 10.x.y.z addresses, one per organisation, as if each submitted from its own office. */
export const addressOf = (index: number) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;

/** The demo budget (the one with the most proposals, from `npm run db:seed`) and its proposals. */
export async function demoBudget(db: pg.Pool): Promise<{ budgetId: string; proposalIds: string[] }> {
  const { rows } = await db.query<{ budgetId: string }>(
    `SELECT "budgetId" FROM "Proposal" GROUP BY "budgetId" ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!rows[0]) throw new Error('No budget in the database; run `npm run db:seed` first.');
  const proposals = await db.query<{ id: string }>(`SELECT p.id FROM "Proposal" p JOIN "BudgetList" l ON l.id = p."listId" WHERE p."budgetId" = $1 ORDER BY l.position, p.position`, [rows[0].budgetId]);
  return { budgetId: rows[0].budgetId, proposalIds: proposals.rows.map((r) => r.id) };
}

/** A session row for the user, valid for an hour, as Auth.js writes at sign-in. */
export async function createSession(db: pg.Pool | pg.PoolClient, userId: string): Promise<string> {
  const value = token();
  await db.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 hour')`, [id(), value, userId]);
  return value;
}

/** A user with a global role (e.g. POLITICIAN) and a session; returns the session token. */
export async function createUserSession(db: pg.Pool, prefix: string, role: 'POLITICIAN' | 'STAFF' | 'ADMIN'): Promise<string> {
  const userId = id();
  await db.query(`INSERT INTO "User" (id, email, name, role) VALUES ($1, $2, $3, $4)`, [userId, `${prefix}${role.toLowerCase()}-${userId}@bench.invalid`.toLowerCase(), `${prefix}${role}`, role]);
  return createSession(db, userId);
}

/** `organisations` organisations, each with a SUBMITTER and a session, consulted in a new OPEN consultation. */
export async function createBurstFixture(db: pg.Pool, organisations: number): Promise<BurstFixture> {
  const prefix = `bench-${randomUUID().slice(0, 8)}-`;
  const { budgetId, proposalIds } = await demoBudget(db);
  const consultationId = id();
  const parties: Party[] = Array.from({ length: organisations }, (_, i) => ({ organisationId: id(), userId: id(), token: token(), ip: addressOf(i + 1) }));
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "Consultation" (id, "budgetId", title, deadline, status, "openedAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', 'OPEN', now(), now())`,
      [consultationId, budgetId, `${prefix}deadline burst`],
    );
    // One statement per table with unnest: hundreds of rows in milliseconds.
    const column = <K extends keyof Party>(key: K) => parties.map((p) => p[key]);
    await client.query(`INSERT INTO "Organisation" (id, name, type) SELECT o, $2 || o, 'OTHER' FROM unnest($1::text[]) o`, [column('organisationId'), prefix]);
    await client.query(`INSERT INTO "User" (id, email, name, role) SELECT u, $2 || u || '@bench.invalid', $2 || 'submitter', 'PARTY_MEMBER' FROM unnest($1::text[]) u`, [column('userId'), prefix]);
    await client.query(`INSERT INTO "Membership" ("userId", "organisationId", role) SELECT * , 'SUBMITTER' FROM unnest($1::text[], $2::text[])`, [column('userId'), column('organisationId')]);
    await client.query(`INSERT INTO "ConsultationParty" ("consultationId", "organisationId") SELECT $1, o FROM unnest($2::text[]) o`, [consultationId, column('organisationId')]);
    await client.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires) SELECT gen_random_uuid()::text, t, u, now() + interval '1 hour' FROM unnest($1::text[], $2::text[]) AS s(t, u)`,
      [column('token'), column('userId')],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return { prefix, consultationId, proposalIds, parties };
}

/**
 * Deletes what a fixture created. The schema refuses to cascade to submitted responses (their
 * receipts must outlive a delete), so the bench's own submissions and responses go first, by name.
 */
export async function dropFixture(db: pg.Pool, fixture: { prefix: string; consultationId: string }): Promise<void> {
  await db.query(`DELETE FROM "Submission" WHERE "responseId" IN (SELECT id FROM "Response" WHERE "consultationId" = $1)`, [fixture.consultationId]);
  await db.query(`DELETE FROM "Response" WHERE "consultationId" = $1`, [fixture.consultationId]);
  await db.query(`DELETE FROM "Consultation" WHERE id = $1`, [fixture.consultationId]);
  await db.query(`DELETE FROM "Organisation" WHERE name LIKE $1 || '%'`, [fixture.prefix]);
  await db.query(`DELETE FROM "User" WHERE name LIKE $1 || '%'`, [fixture.prefix]);
  await db.query(`DELETE FROM rate_limits WHERE key LIKE 'submissionPerIp:10.%'`);
}

export interface Acknowledged {
  /** organisationId:version of every submission whose receipt page a client was sent to. */
  receipts: string[];
  /** organisationId:proposalId of every answer save the app confirmed. */
  answers: string[];
}

export interface Reconciliation {
  submissions: number;
  acknowledged: number;
  /** Receipts a client got whose submission is not in the database. */
  lost: string[];
  /** Receipts given more than once, and responses with more than one submission (each submits once). */
  duplicated: string[];
  /** Confirmed answer saves missing from the database. */
  lostAnswers: string[];
  /** Responses whose status and submissions disagree: SUBMITTED without a submission or the reverse. */
  halfWritten: string[];
}

/** Checks every acknowledgement against what PostgreSQL committed. */
export async function reconcile(db: pg.Pool, consultationId: string, acknowledged: Acknowledged): Promise<Reconciliation> {
  const { rows } = await db.query<{ key: string; responseId: string; status: string }>(
    `SELECT r."organisationId" || ':' || s.version AS key, s."responseId", r.status FROM "Submission" s JOIN "Response" r ON r.id = s."responseId" WHERE r."consultationId" = $1`,
    [consultationId],
  );
  const stored = new Set(rows.map((r) => r.key));
  const perResponse = new Map<string, number>();
  for (const row of rows) perResponse.set(row.responseId, (perResponse.get(row.responseId) ?? 0) + 1);
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const receipt of acknowledged.receipts) {
    if (seen.has(receipt)) duplicated.push(receipt);
    seen.add(receipt);
  }
  for (const [responseId, count] of perResponse) if (count > 1) duplicated.push(`response ${responseId}: ${count} submissions`);
  const half = await db.query<{ id: string }>(
    `SELECT r.id FROM "Response" r WHERE r."consultationId" = $1 AND (r.status = 'SUBMITTED') <> EXISTS (SELECT 1 FROM "Submission" s WHERE s."responseId" = r.id)`,
    [consultationId],
  );
  const answers = await db.query<{ key: string }>(
    `SELECT r."organisationId" || ':' || a."proposalId" AS key FROM "Answer" a JOIN "Response" r ON r.id = a."responseId" WHERE r."consultationId" = $1`,
    [consultationId],
  );
  const storedAnswers = new Set(answers.rows.map((r) => r.key));
  return {
    submissions: rows.length,
    acknowledged: acknowledged.receipts.length,
    lost: acknowledged.receipts.filter((r) => !stored.has(r)),
    duplicated,
    lostAnswers: acknowledged.answers.filter((a) => !storedAnswers.has(a)),
    halfWritten: half.rows.map((r) => r.id),
  };
}

export function formatReconciliation(r: Reconciliation): string {
  return `reconciled: ${r.acknowledged} receipts acknowledged, ${r.submissions} submissions stored; lost ${r.lost.length}, duplicated ${r.duplicated.length}, confirmed answers missing ${r.lostAnswers.length}, half-written responses ${r.halfWritten.length}`;
}

export const reconciled = (r: Reconciliation) => !r.lost.length && !r.duplicated.length && !r.lostAnswers.length && !r.halfWritten.length;
