// npm run bench:server-cpu: the server's CPU time per request, one request at a time, for the
// trivial route (GET /api/auth/csrf), a page that reads the session (the member's landing page)
// and an autosave (the saveAnswer server action), read from the instance's /proc/<pid>/stat
// before and after each series. Under the burst's closed loop the save rate's ratio to the trivial
// route cannot beat the inverse of these CPU times' ratio, so this shows where a save's time goes
// without the noise of 200 clients. Linux only. Prints figures; asserts nothing.
// DATABASE_URL: a scratch database, migrated and seeded.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { actionIds, ensureBuild, startApp } from './lib/app';
import { actionResult, callAction, get, responsePage, type Reply } from './lib/client';
import { createBurstFixture, dropFixture } from './lib/fixtures';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 1000);
const WARM_UP = 200;

/** User plus system CPU time of a process so far, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

ensureBuild();
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const app = await startApp({ databaseUrl });
const fixture = await createBurstFixture(db, 1);
try {
  const pid = app.process.pid!;
  const party = fixture.parties[0]!;
  const page = responsePage(fixture.consultationId, party);
  const { saveAnswerAction } = actionIds();
  if (!saveAnswerAction) throw new Error('The build has no saveAnswerAction; is it current?');
  let version = 0;
  const save = async (i: number): Promise<Reply> => {
    const args = [{ consultationId: fixture.consultationId, organisationId: party.organisationId, proposalId: fixture.proposalIds[0], stance: 'SUPPORT', comment: `Bemærkning ${i}`, confidential: false, expectedVersion: version }];
    const reply = await callAction(app.url, page, saveAnswerAction, args, party);
    const result = actionResult(reply);
    if (result?.ok !== true) throw new Error(`save ${i} failed: ${reply.status} ${reply.body.slice(0, 300)}`);
    version = Number(result.version);
    return reply;
  };
  const series: [string, (i: number) => Promise<Reply>][] = [
    ['GET /api/auth/csrf (trivial route)', () => get(app.url, '/api/auth/csrf')],
    ['GET /responses (member landing page)', () => get(app.url, '/responses', party)],
    ['saveAnswer server action (autosave)', save],
  ];
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; ${REQUESTS} requests each, one at a time, after ${WARM_UP} not counted\n`);
  const perRequest: number[] = [];
  for (const [name, send] of series) {
    for (let i = 0; i < WARM_UP; i++) await send(i);
    const cpuBefore = cpuMs(pid);
    const start = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
      const reply = await send(WARM_UP + i);
      if (reply.status !== 200) throw new Error(`${name}: status ${reply.status}`);
    }
    const cpu = (cpuMs(pid) - cpuBefore) / REQUESTS;
    perRequest.push(cpu);
    console.log(`  ${name.padEnd(40)} ${cpu.toFixed(2)} ms CPU, ${((performance.now() - start) / REQUESTS).toFixed(2)} ms wall per request`);
  }
  console.log(`\nsave-cpu-ratio ${(perRequest[0]! / perRequest[2]!).toFixed(3)} (the trivial route's CPU per request ÷ a save's: about what the burst's save-rate-ratio can reach where CPU limits both)`);
} finally {
  await dropFixture(db, fixture);
  await app.stop();
  await db.end();
}
