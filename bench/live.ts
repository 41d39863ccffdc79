// npm run bench:live: what the response form's live updates cost the database with FORMS (default
// 200) open forms. Opens the forms' event streams in this process with the stream code the route
// handler runs (openLiveStream: its LISTEN connection, fan-out and saved-state reads, without
// HTTP) for the members of ORGANISATIONS (default 50) organisations, and counts every statement
// sent to PostgreSQL by wrapping node-postgres' Client.prototype.query, which Prisma's adapter
// and the listener both use. Three phases of INTERVALS intervals of INTERVAL_MS (default 5 s):
//   idle    - the forms open, nobody saves;
//   alone   - one save per organisation per interval, with no form open (what the saves cost);
//   shared  - the same saves with every form open.
// shared minus alone is what the open forms cost. Prints figures; asserts nothing.
// DATABASE_URL: a scratch database, migrated and seeded (see bench/README.md).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createBurstFixture, dropFixture } from './lib/fixtures';
import { percentile, sleep } from './lib/stats';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const FORMS = Number(process.env.FORMS ?? 200);
const ORGANISATIONS = Number(process.env.ORGANISATIONS ?? 50);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 5000);
const INTERVALS = Number(process.env.INTERVALS ?? 3);

// Counted from here on: every statement of this process, the bench's own setup excepted below.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const { db } = await import('@/lib/server/db');
const { liveListener, openLiveStream } = await import('@/lib/server/live/stream');
const { saveGeneralRemarks } = await import('@/lib/server/responses/drafts');

const setup = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const fixture = await createBurstFixture(setup, ORGANISATIONS);
// Each organisation's open forms are those of its readers; its SUBMITTER saves.
const readers = await Promise.all(
  Array.from({ length: FORMS }, async (_, index) => {
    const party = fixture.parties[index % ORGANISATIONS]!;
    const userId = randomUUID();
    await setup.query(`INSERT INTO "User" (id, email, name, role) VALUES ($1, $2, $3, 'PARTY_MEMBER')`, [userId, `${fixture.prefix}${userId}@bench.invalid`, `${fixture.prefix}reader`]);
    await setup.query(`INSERT INTO "Membership" ("userId", "organisationId", role) VALUES ($1, $2, 'EDITOR')`, [userId, party.organisationId]);
    return { userId, organisationId: party.organisationId };
  }),
);
const keyOf = (organisationId: string) => ({ consultationId: fixture.consultationId, organisationId });
const actor = (userId: string) => ({ kind: 'user' as const, userId, role: 'PARTY_MEMBER' as const });

const versions = new Map<string, number>();
const savedAt = new Map<string, number>();
const delays: number[] = [];
let received = 0;

/** One save of the general remarks per organisation, spread over the interval. */
async function saveRound(): Promise<void> {
  await Promise.all(
    fixture.parties.map(async (party, index) => {
      await sleep((INTERVAL_MS * index) / ORGANISATIONS / 2);
      const result = await saveGeneralRemarks(actor(party.userId), keyOf(party.organisationId), { text: `runde ${randomUUID()}`, expectedVersion: versions.get(party.organisationId) ?? 0 });
      if (!result.ok) throw new Error('A bench save met a conflict');
      versions.set(party.organisationId, result.version);
      savedAt.set(`${party.organisationId}:${result.version}`, performance.now());
    }),
  );
}

/** Runs INTERVALS intervals, prints and returns the statements sent per interval. */
async function phase(label: string, saves: boolean, forms: number): Promise<number> {
  const before = statements;
  for (let interval = 0; interval < INTERVALS; interval++) {
    const started = performance.now();
    if (saves) await saveRound();
    await sleep(Math.max(0, INTERVAL_MS - (performance.now() - started)));
  }
  // Let the last reads triggered by the last saves finish before counting.
  await sleep(1000);
  const perInterval = (statements - before) / INTERVALS;
  console.log(`  ${label.padEnd(7)} ${perInterval.toFixed(1).padStart(7)} statements per ${INTERVAL_MS / 1000} s interval${forms ? `, ${(perInterval / forms).toFixed(2)} per open form` : ''}`);
  return perInterval;
}

// One per stream, as each request has its own signal.
const aborts = readers.map(() => new AbortController());
try {
  await run();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const abort of aborts) abort.abort();
  await liveListener().close();
  await sleep(1000); // saves of a failed round may still be under way
  await dropFixture(setup, fixture);
  await setup.end();
  await db.$disconnect();
}

async function run(): Promise<void> {
  await liveListener().ready();
  console.log(`${FORMS} open forms of ${ORGANISATIONS} organisations; ${INTERVALS} intervals of ${INTERVAL_MS / 1000} s per phase`);
  const alone = await phase('alone', true, 0);
  const opened = statements;
  const streams = await Promise.all(readers.map((reader, index) => openLiveStream(actor(reader.userId), keyOf(reader.organisationId), aborts[index]!.signal)));
  const opening = statements - opened;
  // Once per form: the authorisation and the deadline (Prisma batches concurrent look-ups of the same kind).
  console.log(`  opening ${FORMS} streams at once: ${opening} statements`);
  for (const [index, stream] of streams.entries()) {
    const reader = stream!.getReader();
    const organisationId = readers[index]!.organisationId;
    void (async () => {
      const decoder = new TextDecoder();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const [, data] of decoder.decode(chunk.value).matchAll(/^event: saved\ndata: (.*)$/gm)) {
          received++;
          const at = savedAt.get(`${organisationId}:${(JSON.parse(data!) as { version: number }).version}`);
          if (at !== undefined) delays.push(performance.now() - at);
        }
      }
    })();
  }
  await phase('idle', false, FORMS);
  const extra = (await phase('shared', true, 0)) - alone;
  const saves = ORGANISATIONS * INTERVALS;
  console.log(`  events received: ${received} of ${saves * (FORMS / ORGANISATIONS)} (${saves} saves × ${FORMS / ORGANISATIONS} open forms each)`);
  console.log(`  shared minus alone: ${extra.toFixed(1)} statements per interval, ${(extra / FORMS).toFixed(2)} per open form`);
  console.log(`  save committed → event in the stream: median ${percentile(delays, 0.5).toFixed(0)} ms, p95 ${percentile(delays, 0.95).toFixed(0)} ms`);
  console.log(`  database connections for live updates: 1 LISTEN connection for this instance`);
}
