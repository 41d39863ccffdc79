// Test data that each journey creates for itself (users, organisations, consultations), so that
// journeys share no account, run in parallel and in any order, and the demo's figures stay as seeded.
// Written with SQL on the e2e database that `npm test` seeds; ids need only be unique.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type UserRole = 'ADMIN' | 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER';
export interface Person {
  id: string;
  email: string;
  name: string;
}
export interface Party {
  consultationId: string;
  consultationTitle: string;
  organisation: { id: string; name: string };
  submitter: Person;
  editor: Person;
}

/** A short random tag for names and addresses. */
export const unique = () => randomUUID().slice(0, 8);

/** The seeded consultation, whose budget holds the demo proposals. */
const DEMO_CONSULTATION = 'Høring over Budget 2026-2029';

async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function insertUser(client: pg.Client, role: UserRole, name: string): Promise<Person> {
  const person = { id: `e2e-${randomUUID()}`, email: `${role.toLowerCase().replace('_', '-')}-${unique()}@e2e.example`, name };
  await client.query('INSERT INTO "User" (id, email, name, role) VALUES ($1, $2, $3, $4::"UserRole")', [person.id, person.email, person.name, role]);
  return person;
}

/** A user of its own for one journey: staff sign in with it at the OpenID provider, the others by magic link. */
export function createUser(role: UserRole, name = `E2E ${role.toLowerCase()} ${unique()}`): Promise<Person> {
  return withDatabase((client) => insertUser(client, role, name));
}

/**
 * An open consultation on the demo budget with one consultation party of its own, which has a
 * submitter and an editor; `assigned` proposal codes are the ones staff selected for the party.
 */
export async function createParty(options: { label: string; type?: string; assigned?: { codes: string[]; note: string }; deadlineInDays?: number }): Promise<Party> {
  const tag = unique();
  return withDatabase(async (client) => {
    await client.query('BEGIN');
    const { rows: [demo] } = await client.query<{ budgetId: string }>('SELECT "budgetId" FROM "Consultation" WHERE title = $1', [DEMO_CONSULTATION]);
    if (!demo) throw new Error(`The demo consultation "${DEMO_CONSULTATION}" is missing: run the e2e tests through \`npm test\`.`);
    const consultation = { id: `e2e-${randomUUID()}`, title: `E2E-høring ${tag}` };
    await client.query(
      `INSERT INTO "Consultation" (id, "budgetId", title, status, deadline, "openedAt", "updatedAt")
       VALUES ($1, $2, $3, 'OPEN', now() + make_interval(days => $4), now(), now())`,
      [consultation.id, demo.budgetId, consultation.title, options.deadlineInDays ?? 14],
    );
    const organisation = { id: `e2e-${randomUUID()}`, name: `${options.label} ${tag}` };
    await client.query('INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, $3::"OrganisationType")', [organisation.id, organisation.name, options.type ?? 'OTHER']);
    await client.query('INSERT INTO "ConsultationParty" ("consultationId", "organisationId", "notifiedAt") VALUES ($1, $2, now())', [consultation.id, organisation.id]);
    const member = async (membership: 'SUBMITTER' | 'EDITOR', name: string) => {
      const person = await insertUser(client, 'PARTY_MEMBER', `${name} ${tag}`);
      await client.query('INSERT INTO "Membership" ("userId", "organisationId", role) VALUES ($1, $2, $3::"MembershipRole")', [person.id, organisation.id, membership]);
      return person;
    };
    const submitter = await member('SUBMITTER', 'Formand');
    const editor = await member('EDITOR', 'Medlem');
    if (options.assigned) {
      await client.query(
        `INSERT INTO "ProposalAssignment" ("consultationId", "organisationId", "proposalId", note)
         SELECT $1, $2, id, $3 FROM "Proposal" WHERE "budgetId" = $4 AND code = ANY($5::text[])`,
        [consultation.id, organisation.id, options.assigned.note, demo.budgetId, options.assigned.codes],
      );
    }
    await client.query('COMMIT');
    return { consultationId: consultation.id, consultationTitle: consultation.title, organisation, submitter, editor };
  });
}

/** Stands in for the clock passing the deadline: the party's own deadline moves into the past. */
export function moveDeadlineIntoThePast(party: Pick<Party, 'consultationId' | 'organisation'>): Promise<void> {
  return withDatabase(async (client) => {
    await client.query(`UPDATE "ConsultationParty" SET "deadlineExtension" = now() - interval '1 second' WHERE "consultationId" = $1 AND "organisationId" = $2`, [party.consultationId, party.organisation.id]);
  });
}

/**
 * A published consultation holding copies of the seeded responses, all consenting to publication,
 * plus `extra` responses from organisations of its own, so that the public pages carry volume.
 * It sits on a budget of its own, dated in the past: the demo budget stays the current one, and
 * the public search (of the current budget) finds none of it.
 */
export async function createPublishedConsultation(extra = 10): Promise<{ id: string; title: string; responses: number }> {
  const tag = unique();
  return withDatabase(async (client) => {
    await client.query('BEGIN');
    const budget = { id: `e2e-${randomUUID()}`, name: `E2E-budget ${tag}` };
    await client.query(`INSERT INTO "Budget" (id, name, years, "createdAt", "updatedAt") VALUES ($1, $2, ARRAY[2026], '2000-01-01', now())`, [budget.id, budget.name]);
    const consultation = { id: `e2e-${randomUUID()}`, title: `E2E-offentliggjort høring ${tag}` };
    await client.query(
      `INSERT INTO "Consultation" (id, "budgetId", title, status, deadline, "openedAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, 'PUBLISHED', now() - interval '1 day', now() - interval '30 days', now(), now())`,
      [consultation.id, budget.id, consultation.title],
    );
    const { rows: sources } = await client.query<{ organisationId: string; channel: string; submittedAt: Date; snapshot: unknown }>(
      `SELECT DISTINCT ON (r.id) r."organisationId", r.channel, s."submittedAt", jsonb_set(s.snapshot::jsonb, '{publicationConsent}', 'true') AS snapshot
       FROM "Response" r JOIN "Consultation" c ON c.id = r."consultationId" JOIN "Submission" s ON s."responseId" = r.id
       WHERE c.title = $1 AND r.status = 'SUBMITTED' ORDER BY r.id, s.version DESC`,
      [DEMO_CONSULTATION],
    );
    const extras = [];
    for (let i = 0; i < extra && i < sources.length; i++) {
      const organisation = { id: `e2e-${randomUUID()}`, name: `E2E-forening ${tag} ${i + 1}` };
      await client.query(`INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, 'OTHER')`, [organisation.id, organisation.name]);
      extras.push({ ...sources[i]!, organisationId: organisation.id });
    }
    for (const source of [...sources, ...extras]) {
      const responseId = `e2e-${randomUUID()}`;
      await client.query(
        `INSERT INTO "Response" (id, "consultationId", "organisationId", status, "publicationConsent", channel, "updatedAt")
         VALUES ($1, $2, $3, 'SUBMITTED', true, $4::"ResponseChannel", now())`,
        [responseId, consultation.id, source.organisationId, source.channel],
      );
      await client.query('INSERT INTO "Submission" ("responseId", version, "submittedAt", snapshot) VALUES ($1, 1, $2, $3)', [responseId, source.submittedAt, source.snapshot]);
    }
    await client.query('COMMIT');
    return { ...consultation, responses: sources.length + extras.length };
  });
}
