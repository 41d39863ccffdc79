import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveNotice } from '@/lib/live-events';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { LiveListener } from '@/lib/server/live/listener';
import { notifyLive } from '@/lib/server/live/notify';
import { liveListener, openLiveStream } from '@/lib/server/live/stream';
import type { ResponseKey } from '@/lib/server/responses/access';
import { saveAnswer, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';

// Two LiveListener instances, each with its own connection, stand for two app instances.
const instances = [new LiveListener(process.env.DATABASE_URL!), new LiveListener(process.env.DATABASE_URL!)];
afterAll(async () => {
  await Promise.all([...instances, liveListener()].map((listener) => listener.close()));
  await db.$disconnect();
});

async function world() {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Live ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  const proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code: 'ØU01', title: 'Forslag', summary: 'Resumé', position: 0 } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, deadline: new Date(Date.now() + 86_400_000), status: 'OPEN' } });
  const organisation = await db.organisation.create({ data: { name: `Råd ${suffix}`, type: 'OTHER' } });
  await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  const person = async (name: string, role?: 'EDITOR' | 'SUBMITTER'): Promise<Actor> => {
    const user = await db.user.create({ data: { email: `live-${randomUUID()}@example.test`, name: `${name} ${suffix}`, role: 'PARTY_MEMBER' } });
    if (role) await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role } });
    return { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
  };
  const key: ResponseKey = { consultationId: consultation.id, organisationId: organisation.id };
  return { key, suffix, proposalId: proposal.id, editor: await person('Karen', 'EDITOR'), submitter: await person('Søren', 'SUBMITTER'), outsider: await person('Ude') };
}

/** Collects what a listener delivers for the response, and waits for a notice that matches. */
async function collect(listener: LiveListener, key: ResponseKey) {
  const received: LiveNotice[] = [];
  const waiting = new Set<() => void>();
  listener.subscribe(key, (notice) => {
    received.push(notice);
    for (const wake of waiting) wake();
  });
  await listener.ready();
  const next = (match: (notice: LiveNotice) => boolean, within = Infinity) =>
    new Promise<LiveNotice | null>((resolve) => {
      const settle = (notice: LiveNotice | null) => {
        clearTimeout(timer);
        waiting.delete(check);
        resolve(notice);
      };
      const timer = Number.isFinite(within) ? setTimeout(() => settle(null), within) : undefined;
      const check = () => {
        const found = received.find(match);
        if (found) settle(found);
      };
      waiting.add(check);
      check();
    });
  return { received, next };
}

/** Reads a stream's SSE frames until one of `event` arrives; returns every frame read. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, event: string) {
  const frames: { event: string; data: unknown }[] = [];
  let buffer = '';
  while (!frames.some((frame) => frame.event === event)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += new TextDecoder().decode(value);
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name && data) frames.push({ event: name, data: JSON.parse(data) });
    }
  }
  return frames;
}

describe('the live channel across app instances', () => {
  it('delivers a committed save to every instance, with ids, version and name but never the text', async () => {
    const { key, proposalId, editor } = await world();
    const [a, b] = await Promise.all(instances.map((listener) => collect(listener, key)));
    expect(await saveAnswer(editor, key, { proposalId, stance: 'OPPOSE', comment: 'Hemmelig kommentar', confidential: false, expectedVersion: 0 })).toMatchObject({ ok: true });
    for (const instance of [a!, b!]) {
      const notice = await instance.next((n) => n.kind === 'saved');
      expect(notice).toMatchObject({ kind: 'saved', ...key, field: proposalId, version: 1, by: (editor as { userId: string }).userId });
      expect(notice?.name).toMatch(/^Karen /);
      expect(JSON.stringify(notice)).not.toContain('Hemmelig');
    }
  });

  it('sends nothing for a rolled-back transaction', async () => {
    const { key, editor } = await world();
    const { received, next } = await collect(instances[0]!, key);
    await expect(
      db.$transaction(async (tx) => {
        await notifyLive(tx, { kind: 'saved', ...key, field: 'general', version: 99, by: null, name: 'rullet tilbage' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // PostgreSQL delivers notices in commit order: once the next commit's notice is here, a rolled-back one would be too.
    await saveGeneralRemarks(editor, key, { text: 'gemt', expectedVersion: 0 });
    await next((n) => n.kind === 'saved' && n.version === 1);
    expect(received.map((n) => n.name)).not.toContain('rullet tilbage');
    expect(received).toHaveLength(1);
  });

  it('listens again after its connection is killed, and delivers later saves', async () => {
    const { key, editor } = await world();
    const listener = new LiveListener(process.env.DATABASE_URL!);
    instances.push(listener);
    const { next } = await collect(listener, key);
    const pid = await listener.backendPid();
    await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    // Saves go on while it reconnects; one made after it listens again must arrive.
    let version = 0;
    let arrived: LiveNotice | null = null;
    while (!arrived && version < 40) {
      const saved = await saveGeneralRemarks(editor, key, { text: `efter ${version}`, expectedVersion: version });
      version = saved.ok ? saved.version : version;
      arrived = await next((n) => n.kind === 'saved' && n.version === version, 500);
    }
    expect(arrived).toMatchObject({ kind: 'saved', field: 'general', version });
    expect(await listener.backendPid()).not.toBe(pid);
  });
});

describe('the stream of an open form', () => {
  it('refuses who may not read the response', async () => {
    const { key, outsider } = await world();
    await expect(openLiveStream(outsider, key, new AbortController().signal)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('sends another member’s save with its saved state, leaves out the member’s own, and announces the submission', async () => {
    const { key, proposalId, editor, submitter } = await world();
    const abort = new AbortController();
    const stream = await openLiveStream(editor, key, abort.signal);
    const reader = stream!.getReader();
    await saveGeneralRemarks(editor, key, { text: 'Min egen', expectedVersion: 0 });
    await saveAnswer(submitter, key, { proposalId, stance: 'SUPPORT', comment: 'Sørens kommentar', confidential: true, expectedVersion: 0 });
    const untilSaved = await readUntil(reader, 'saved');
    expect(untilSaved).toEqual([
      { event: 'saved', data: { field: proposalId, code: 'ØU01', version: 1, editedBy: expect.stringMatching(/^Søren /), text: 'Sørens kommentar', stance: 'SUPPORT', confidential: true } },
    ]);
    await submitResponse(submitter, key);
    const untilSubmitted = await readUntil(reader, 'submitted');
    expect(untilSubmitted).toEqual([{ event: 'submitted', data: { name: expect.stringMatching(/^Søren /) } }]);
    abort.abort();
    expect((await reader.read()).done).toBe(true);
  });
});
