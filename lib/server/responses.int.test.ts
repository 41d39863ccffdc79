import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { copenhagenLocalToInstant } from '@/lib/deadline';
import { type Actor } from '@/lib/server/actor';
import { GENERAL_FIELD } from '@/lib/live-events';
import { LIVE_CHANNEL } from '@/lib/server/live/listener';
import { notifyLive } from '@/lib/server/live/notify';
import { can } from '@/lib/server/policy';
import { partyState } from '@/lib/server/responses/access';
import { db } from '@/lib/server/db';
import { addAttachment, readAttachment } from '@/lib/server/attachments';
import { readConsultationDocument } from '@/lib/server/consultation-documents';
import { assignProposals, grantExtension } from '@/lib/server/consultation-parties';
import { exportConsultation } from '@/lib/server/exports';
import { getConsultationInsight } from '@/lib/server/insight';
import { listPublicConsultations } from '@/lib/server/public-consultations';
import { visibleResponses } from '@/lib/server/response-views';
import { search } from '@/lib/server/search';
import type { ResponseKey } from '@/lib/server/responses/access';
import { addMinorityStatement, deleteMinorityStatement, editMinorityStatement, saveAnswer, saveConsent, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { fastSaveAnswer, fastSaveGeneralRemarks } from '@/lib/server/responses/autosave';
import { receiptNumber } from '@/lib/server/responses/receipt';
import { reopenResponse, submitResponse } from '@/lib/server/responses/submission';
import { getResponseWorkspace, listMyConsultations } from '@/lib/server/responses/workspace';
import { PDF } from '@/test/pdf-fixtures';

afterAll(() => db.$disconnect());
afterEach(() => vi.useRealTimers());

const staff: Actor = { kind: 'user', userId: 'responses-staff', role: 'STAFF' };

/** A consultation of its own with one consulted organisation, its editor and submitter, and two proposals. */
async function world(deadline = new Date(Date.now() + 86_400_000)) {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Svar ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  const proposals = await Promise.all(
    ['ØU01', 'ØU02'].map((code, position) =>
      db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code, title: `Forslag ${code}`, summary: 'Resumé', position } }),
    ),
  );
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, deadline, status: 'OPEN' } });
  const organisation = await db.organisation.create({ data: { name: `Råd ${suffix}`, type: 'OTHER' } });
  await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  const member = async (role: 'EDITOR' | 'SUBMITTER', name: string): Promise<Actor> => {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${suffix}-${randomUUID()}@example.test`, name, role: 'PARTY_MEMBER' } });
    await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role } });
    return { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
  };
  const key: ResponseKey = { consultationId: consultation.id, organisationId: organisation.id };
  return { key, proposals, editor: await member('EDITOR', 'Eva Editor'), submitter: await member('SUBMITTER', 'Søren Submitter'), consultation };
}

describe('drafting together', () => {
  it('never overwrites another member’s save: the second writer gets a conflict with the saved text', async () => {
    const { key, proposals, editor, submitter } = await world();
    const proposalId = proposals[0]!.id;
    const first = await saveAnswer(editor, key, { proposalId, stance: 'OPPOSE', comment: 'Evas tekst', confidential: false, expectedVersion: 0 });
    expect(first).toEqual({ ok: true, version: 1, editedBy: 'Eva Editor' });
    expect(await saveAnswer(submitter, key, { proposalId, stance: 'OPPOSE', comment: 'Sørens tekst', confidential: false, expectedVersion: 1 })).toMatchObject({ ok: true, version: 2 });
    // Eva still edits version 1.
    const conflict = await saveAnswer(editor, key, { proposalId, stance: 'OPPOSE', comment: 'Evas nye tekst', confidential: false, expectedVersion: 1 });
    expect(conflict).toEqual({ ok: false, conflict: { text: 'Sørens tekst', version: 2, editedBy: 'Søren Submitter' } });
  });

  it('lets exactly one of several concurrent saves of the same version win, and loses no winner', async () => {
    const { key, proposals, editor, submitter } = await world();
    const proposalId = proposals[1]!.id;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => saveAnswer(i % 2 ? editor : submitter, key, { proposalId, stance: 'REMARKS', comment: `tekst ${i}`, confidential: false, expectedVersion: 0 })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const stored = await db.answer.findFirstOrThrow({ where: { proposalId } });
    expect(stored.version).toBe(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.conflict.text === stored.comment)).toBe(true);

    const remarks = await Promise.all([0, 1, 2].map((i) => saveGeneralRemarks(editor, key, { text: `bemærkning ${i}`, expectedVersion: 0 })));
    expect(remarks.filter((r) => r.ok)).toHaveLength(1);
  });

  it('refuses non-members and another organisation’s members, and records the attempt', async () => {
    const { key, proposals } = await world();
    const other = await world();
    await expect(saveAnswer(other.editor, key, { proposalId: proposals[0]!.id, stance: null, comment: 'x', confidential: false, expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveGeneralRemarks(staff, key, { text: 'x', expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    // A proposal of another budget is refused too.
    await expect(saveAnswer(other.editor, other.key, { proposalId: proposals[0]!.id, stance: null, comment: 'x', confidential: false, expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.auditEvent.count({ where: { objectId: key.organisationId, outcome: 'DENIED' } })).toBeGreaterThanOrEqual(2);
  });
});

describe('submitting', () => {
  it('lets only a submitter submit, keeps every submission as a version, and reopens until the deadline', async () => {
    const { key, proposals, editor, submitter } = await world();
    await saveAnswer(editor, key, { proposalId: proposals[0]!.id, stance: 'SUPPORT', comment: 'God idé', confidential: true, expectedVersion: 0 });
    await expect(submitResponse(editor, key)).rejects.toMatchObject({ code: 'forbidden' });

    const first = await submitResponse(submitter, key);
    expect(first.version).toBe(1);
    await expect(saveGeneralRemarks(editor, key, { text: 'for sent', expectedVersion: 0 })).rejects.toMatchObject({ code: 'response.submitted' });
    await reopenResponse(submitter, key);
    await saveAnswer(editor, key, { proposalId: proposals[0]!.id, stance: 'SUPPORT', comment: 'God idé, med forbehold', confidential: true, expectedVersion: 1 });
    const second = await submitResponse(submitter, key);
    expect(second.version).toBe(2);

    const submissions = await db.submission.findMany({ where: { response: key }, orderBy: { version: 'asc' } });
    expect(submissions.map((s) => [s.version, receiptNumber(s.id)])).toEqual([
      [1, first.receiptNumber],
      [2, second.receiptNumber],
    ]);
    expect(submissions.map((s) => (s.snapshot as { answers: { comment: string }[] }).answers[0]!.comment)).toEqual(['God idé', 'God idé, med forbehold']);
    const workspace = await getResponseWorkspace(editor, key);
    expect(workspace?.submissions.map((s) => s.receiptNumber)).toEqual([second.receiptNumber, first.receiptNumber]);
  });

  it('turns concurrent submissions of one draft into exactly one version', async () => {
    const { key, submitter } = await world();
    await saveGeneralRemarks(submitter, key, { text: 'Samlet svar', expectedVersion: 0 });
    const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => submitResponse(submitter, key)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) {
      expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'response.submitted' });
    }
    expect(await db.submission.count({ where: { response: key } })).toBe(1);
  });
});

/** Runs `run` with the clock at `instant`: deadlines are compared with the app's clock. */
async function atTime(instant: Date, run: () => Promise<unknown>) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(instant);
  try {
    return await run();
  } finally {
    vi.useRealTimers();
  }
}

describe('the deadline', () => {

  it('accepts a change one second before the deadline and refuses it at and one second after', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const { key, editor } = await world(deadline);
    const save = (version: number) => saveGeneralRemarks(editor, key, { text: `v${version}`, expectedVersion: version });
    await expect(atTime(new Date(deadline.getTime() - 1000), () => save(0))).resolves.toMatchObject({ ok: true });
    await expect(atTime(deadline, () => save(1))).rejects.toMatchObject({ code: 'response.deadlinePassed' });
    await expect(atTime(new Date(deadline.getTime() + 1000), () => save(1))).rejects.toMatchObject({ code: 'response.deadlinePassed' });
  });

  it('is a point in Copenhagen time across the daylight-saving changes', async () => {
    // 12:00 on the day summer time ends is 11:00 UTC; on the day it begins, 10:00 UTC.
    for (const [local, utc] of [
      ['2026-10-25T12:00', '2026-10-25T11:00:00.000Z'],
      ['2026-03-29T12:00', '2026-03-29T10:00:00.000Z'],
    ] as const) {
      const deadline = copenhagenLocalToInstant(local);
      expect(deadline.toISOString()).toBe(utc);
      const { key, editor } = await world(deadline);
      await expect(atTime(new Date(deadline.getTime() - 1000), () => saveGeneralRemarks(editor, key, { text: 'i tide', expectedVersion: 0 }))).resolves.toMatchObject({ ok: true });
      await expect(atTime(new Date(deadline.getTime() + 1000), () => saveGeneralRemarks(editor, key, { text: 'for sent', expectedVersion: 1 }))).rejects.toMatchObject({ code: 'response.deadlinePassed' });
    }
  });

  it('opens again for one organisation when staff grant an extension, and shows it as late until then', async () => {
    const { key, editor, submitter } = await world(new Date(Date.now() - 1000));
    expect((await listMyConsultations(editor)).map((c) => c.status)).toEqual(['LATE']);
    await expect(saveGeneralRemarks(editor, key, { text: 'x', expectedVersion: 0 })).rejects.toMatchObject({ code: 'response.deadlinePassed' });
    await expect(grantExtension(editor, key, new Date(Date.now() + 3_600_000))).rejects.toMatchObject({ code: 'forbidden' });
    await grantExtension(staff, key, new Date(Date.now() + 3_600_000));
    await expect(saveGeneralRemarks(editor, key, { text: 'x', expectedVersion: 0 })).resolves.toMatchObject({ ok: true });
    expect((await listMyConsultations(submitter)).map((c) => c.status)).toEqual(['DRAFT']);
  });
});

describe('assigned proposals', () => {
  it('are the consultation budget’s own: a proposal of another budget is refused and nothing changes', async () => {
    const { key, proposals } = await world();
    await assignProposals(staff, key, [proposals[0]!.id], 'Vedrører jer');
    const other = await world();
    await expect(assignProposals(staff, key, [proposals[1]!.id, other.proposals[0]!.id], null)).rejects.toMatchObject({ code: 'consultation.proposalOfOtherBudget' });
    expect(await db.proposalAssignment.findMany({ where: key, select: { proposalId: true, note: true } })).toEqual([{ proposalId: proposals[0]!.id, note: 'Vedrører jer' }]);
  });
});

describe('a submitted response', () => {
  const pdf = { name: 'bilag.pdf', bytes: new Uint8Array(PDF) };

  it('refuses every change until it is reopened, and nothing reaches the response meanwhile', async () => {
    const { key, proposals, editor, submitter } = await world();
    await addMinorityStatement(editor, key, 'Evas mindretal');
    const [statement] = await db.minorityStatement.findMany({ where: { response: key } });
    await submitResponse(submitter, key);
    const before = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { answers: true, minorityStatements: true, attachments: true } });

    const changes: [string, () => Promise<unknown>][] = [
      ['general remarks', () => saveGeneralRemarks(editor, key, { text: 'Efter indsendelsen', expectedVersion: before.generalRemarksVersion })],
      ['answer', () => saveAnswer(editor, key, { proposalId: proposals[0]!.id, stance: 'OPPOSE', comment: 'Efter', confidential: false, expectedVersion: 0 })],
      ['consent', () => saveConsent(submitter, key, { publicationConsent: true, namesConsent: true })],
      ['attachment', () => addAttachment(editor, key, pdf)],
      ['minority statement: add', () => addMinorityStatement(editor, key, 'Tilføjet efter indsendelsen')],
      ['minority statement: edit', () => editMinorityStatement(editor, key, statement!.id, 'Ændret efter indsendelsen')],
      ['minority statement: delete', () => deleteMinorityStatement(editor, key, statement!.id)],
    ];
    for (const [what, change] of changes) {
      await expect(change(), what).rejects.toMatchObject({ code: 'response.submitted' });
    }
    const after = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { answers: true, minorityStatements: true, attachments: true } });
    expect(after).toEqual(before);

    // After a reopening the same changes go through.
    await reopenResponse(submitter, key);
    await editMinorityStatement(editor, key, statement!.id, 'Evas rettede mindretal');
    expect((await db.minorityStatement.findUniqueOrThrow({ where: { id: statement!.id } })).text).toBe('Evas rettede mindretal');
    await deleteMinorityStatement(editor, key, statement!.id);
    expect(await db.minorityStatement.count({ where: { id: statement!.id } })).toBe(0);
  });

  it('lets a member edit and delete only their own minority statements', async () => {
    const { key, editor, submitter } = await world();
    await addMinorityStatement(editor, key, 'Evas mindretal');
    const [statement] = await db.minorityStatement.findMany({ where: { response: key } });
    await expect(editMinorityStatement(submitter, key, statement!.id, 'Sørens ord')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteMinorityStatement(submitter, key, statement!.id)).rejects.toMatchObject({ code: 'forbidden' });
    // A statement of another organisation's response is not reached through one's own.
    const other = await world();
    await addMinorityStatement(other.editor, other.key, 'Andet råd');
    const [foreign] = await db.minorityStatement.findMany({ where: { response: other.key } });
    await expect(editMinorityStatement(editor, key, foreign!.id, 'Overtaget')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db.minorityStatement.findUniqueOrThrow({ where: { id: statement!.id } })).text).toBe('Evas mindretal');

    const workspace = await getResponseWorkspace(editor, key);
    expect(workspace?.minorityStatements.map((m) => m.mine)).toEqual([true]);
    expect((await getResponseWorkspace(submitter, key))?.minorityStatements.map((m) => m.mine)).toEqual([false]);
  });

  it('takes no change that races its submission: whatever was saved is in the submission or refused', async () => {
    const { key, proposals, editor, submitter } = await world();
    const proposalId = proposals[0]!.id;
    await saveAnswer(editor, key, { proposalId, stance: 'REMARKS', comment: 'Udkast', confidential: false, expectedVersion: 0 });
    // Each of these either lands before the freeze (and is in the submission) or is refused after it.
    const racing = [
      ...Array.from({ length: 8 }, (_, i) => addMinorityStatement(editor, key, `Kapløb ${i}`)),
      saveAnswer(editor, key, { proposalId, stance: 'OPPOSE', comment: 'Ændret', confidential: false, expectedVersion: 1 }),
    ].map((change) => change.catch((error: unknown) => expect(error).toMatchObject({ code: 'response.submitted' })));
    const [submitted] = await Promise.all([submitResponse(submitter, key), ...racing]);
    const response = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { answers: true, minorityStatements: true, submissions: true } });
    expect(response.status).toBe('SUBMITTED');
    const snapshot = response.submissions.find((s) => s.version === submitted.version)!.snapshot as { answers: { comment: string }[]; minorityStatements: { text: string }[] };
    expect(snapshot.answers.map((a) => a.comment)).toEqual(response.answers.map((a) => a.comment));
    expect(snapshot.minorityStatements.map((m) => m.text).sort()).toEqual(response.minorityStatements.map((m) => m.text).sort());
  });
});

describe('a draft consultation', () => {
  it('reaches no one but staff: not the parties already chosen for it, nor politicians or the public', async () => {
    const { key, editor, consultation } = await world();
    await db.consultation.update({ where: { id: consultation.id }, data: { status: 'DRAFT', title: `Hemmelig kladde ${randomUUID().slice(0, 8)}` } });
    await db.proposalAssignment.create({ data: { ...key, proposalId: (await db.proposal.findFirstOrThrow({ where: { budgetId: consultation.budgetId } })).id, note: 'Intern note fra budgetkontoret' } });
    const document = await db.consultationDocument.create({ data: { consultationId: consultation.id, title: 'Udkast', fileName: 'udkast.pdf', storageKey: `draft-${randomUUID()}.pdf`, size: 1 } });
    const response = await db.response.create({ data: key });
    const attachment = await db.attachment.create({ data: { responseId: response.id, fileName: 'bilag.pdf', storageKey: `draft-${randomUUID()}.pdf`, size: 1 } });
    const politician: Actor = { kind: 'user', userId: 'responses-politician', role: 'POLITICIAN' };
    const { title } = await db.consultation.findUniqueOrThrow({ where: { id: consultation.id } });

    for (const reader of [editor, politician, { kind: 'anonymous' } as Actor]) {
      if (reader.kind === 'user' && reader.role === 'PARTY_MEMBER') {
        expect(await listMyConsultations(reader)).toEqual([]);
        expect(await getResponseWorkspace(reader, key)).toBeNull();
        expect(await readAttachment(reader, attachment.id)).toBeNull();
      }
      expect(await visibleResponses(reader, consultation.id, '[…]')).toBeNull();
      expect(await getConsultationInsight(reader, consultation.id, '[…]')).toBeNull();
      await expect(readConsultationDocument(reader, document.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(exportConsultation(reader, consultation.id, 'csv')).rejects.toMatchObject({ code: 'forbidden' });
      const found = await search(reader, title, { budgetId: consultation.budgetId, marker: '[…]' });
      expect(JSON.stringify(found)).not.toContain(title);
    }
    expect((await listPublicConsultations()).map((c) => c.id)).not.toContain(consultation.id);
    // Staff prepare it.
    expect((await getResponseWorkspace(staff, key))?.consultation.title).toBe(title);
  });
});

describe('the autosave’s one statement (autosave.ts)', () => {
  const answer = (proposalId: string, comment: string, expectedVersion = 0) => ({ proposalId, stance: 'REMARKS' as const, comment, confidential: false, expectedVersion });
  /** A draft row exists once the first change was made (by the transaction); only then the statement can save. */
  async function draftWorld(deadline?: Date) {
    const w = await world(deadline);
    await saveConsent(w.editor, w.key, { publicationConsent: false, namesConsent: false });
    return w;
  }

  it('saves exactly when policy.ts, partyState and the draft lock allow it: membership, phase and effective deadline', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const cases: { what: string; status?: 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED'; extension?: Date; now?: Date; who?: 'editor' | 'submitter' | 'outsider' | 'staff' | 'former' }[] = [
      { what: 'an editor', who: 'editor' },
      { what: 'a submitter', who: 'submitter' },
      { what: 'another organisation’s member', who: 'outsider' },
      { what: 'staff, not a member', who: 'staff' },
      { what: 'a member whose membership was removed (as erasure does)', who: 'former' },
      { what: 'one millisecond before the deadline', now: new Date(deadline.getTime() - 1) },
      { what: 'at the deadline instant', now: deadline },
      { what: 'after the deadline, with a later extension', now: new Date(deadline.getTime() + 1000), extension: new Date(deadline.getTime() + 60_000) },
      { what: 'before the deadline, with an earlier extension that has passed', now: new Date(deadline.getTime() - 1000), extension: new Date(deadline.getTime() - 60_000) },
      { what: 'at the extension instant', now: new Date(deadline.getTime() + 60_000), extension: new Date(deadline.getTime() + 60_000) },
      ...(['DRAFT', 'CLOSED', 'PUBLISHED'] as const).map((status) => ({ what: `a consultation in ${status}`, status })),
    ];
    for (const c of cases) {
      const w = await draftWorld(deadline);
      const other = await world();
      if (c.status) await db.consultation.update({ where: { id: w.key.consultationId }, data: { status: c.status } });
      if (c.extension) await db.consultationParty.update({ where: { consultationId_organisationId: w.key }, data: { deadlineExtension: c.extension } });
      const actor = { editor: w.editor, submitter: w.submitter, outsider: other.editor, staff, former: w.editor }[c.who ?? 'editor'];
      if (c.who === 'former') await db.membership.deleteMany({ where: { organisationId: w.key.organisationId } });
      const now = c.now ?? new Date();
      const [allowed, saved] = (await atTime(now, async () => {
        const state = await partyState(w.key);
        const allowedByTs = (await can(actor, 'response.edit', { organisationId: w.key.organisationId })) && state!.open;
        return [allowedByTs, await fastSaveAnswer(actor, w.key, answer(w.proposals[0]!.id, c.what))];
      })) as [boolean, unknown];
      expect(saved !== null, c.what).toBe(allowed);
      expect(await db.answer.count({ where: { response: w.key } }), c.what).toBe(allowed ? 1 : 0);
    }
  });

  it('refuses a non-member as before, records the denial, and writes nothing', async () => {
    const { key, proposals } = await draftWorld();
    const other = await world();
    expect(await fastSaveAnswer(other.editor, key, answer(proposals[0]!.id, 'x'))).toBeNull();
    await expect(saveAnswer(other.editor, key, answer(proposals[0]!.id, 'x'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveGeneralRemarks(other.editor, key, { text: 'x', expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.auditEvent.count({ where: { actorId: (other.editor as { userId: string }).userId, objectId: key.organisationId, outcome: 'DENIED', action: 'response.edit' } })).toBe(2);
    const response = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { answers: true } });
    expect([response.answers, response.generalRemarks]).toEqual([[], '']);
  });

  it('refuses a save after the deadline with the deadline’s message', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const { key, proposals, editor } = await draftWorld(deadline);
    await atTime(new Date(deadline.getTime() + 1000), async () => {
      expect(await fastSaveGeneralRemarks(editor, key, { text: 'for sent', expectedVersion: 0 })).toBeNull();
      await expect(saveAnswer(editor, key, answer(proposals[0]!.id, 'for sent'))).rejects.toMatchObject({ code: 'response.deadlinePassed' });
      await expect(saveGeneralRemarks(editor, key, { text: 'for sent', expectedVersion: 0 })).rejects.toMatchObject({ code: 'response.deadlinePassed' });
    });
    expect(await db.answer.count({ where: { response: key } })).toBe(0);
  });

  it('refuses a save to a submitted response', async () => {
    const { key, proposals, editor, submitter } = await draftWorld();
    await saveGeneralRemarks(editor, key, { text: 'Indsendt', expectedVersion: 0 });
    await submitResponse(submitter, key);
    expect(await fastSaveGeneralRemarks(editor, key, { text: 'Efter', expectedVersion: 1 })).toBeNull();
    expect(await fastSaveAnswer(editor, key, answer(proposals[0]!.id, 'Efter'))).toBeNull();
    await expect(saveAnswer(editor, key, answer(proposals[0]!.id, 'Efter'))).rejects.toMatchObject({ code: 'response.submitted' });
    await expect(saveGeneralRemarks(editor, key, { text: 'Efter', expectedVersion: 1 })).rejects.toMatchObject({ code: 'response.submitted' });
    expect((await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key } })).generalRemarks).toBe('Indsendt');
  });

  it('creates the response on the first change; concurrent first changes share one row and one wins', async () => {
    const { key, proposals, editor } = await world();
    expect(await fastSaveAnswer(editor, key, answer(proposals[0]!.id, 'først'))).toEqual({ ok: true, version: 1, editedBy: 'Eva Editor' });
    const other = await world();
    const results = await Promise.all([other.editor, other.submitter, other.editor].map((actor, i) => saveGeneralRemarks(actor, other.key, { text: `bemærkning ${i}`, expectedVersion: 0 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const stored = await db.response.findMany({ where: other.key });
    expect(stored.map((r) => r.generalRemarksVersion)).toEqual([1]);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.conflict.text === stored[0]!.generalRemarks)).toBe(true);
    expect(await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, select: { updatedById: true } })).toEqual({ updatedById: (editor as { userId: string }).userId });
  });

  it('refuses a proposal of another budget as a forged id, audited against the proposal', async () => {
    const { key, editor } = await world();
    const other = await world();
    const forged = other.proposals[0]!.id;
    expect(await fastSaveAnswer(editor, key, answer(forged, 'x'))).toBeNull();
    await expect(saveAnswer(editor, key, answer(forged, 'x'))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.auditEvent.count({ where: { objectType: 'Proposal', objectId: forged, outcome: 'DENIED' } })).toBe(1);
    expect(await db.answer.count({ where: { proposalId: forged } })).toBe(0);
    // Nor is the response created for it.
    expect(await db.response.count({ where: key })).toBe(0);
  });

  it('answers a stale version with the other member’s text, version and name, and saves nothing', async () => {
    const { key, proposals, editor, submitter } = await draftWorld();
    const proposalId = proposals[0]!.id;
    expect(await fastSaveAnswer(editor, key, answer(proposalId, 'Evas tekst'))).toEqual({ ok: true, version: 1, editedBy: 'Eva Editor' });
    expect(await fastSaveAnswer(submitter, key, answer(proposalId, 'Sørens tekst', 1))).toEqual({ ok: true, version: 2, editedBy: 'Søren Submitter' });
    expect(await fastSaveAnswer(editor, key, answer(proposalId, 'Evas nye tekst', 1))).toBeNull();
    expect(await saveAnswer(editor, key, answer(proposalId, 'Evas nye tekst', 1))).toEqual({ ok: false, conflict: { text: 'Sørens tekst', version: 2, editedBy: 'Søren Submitter' } });
    // A second first answer (version 0) to the same proposal is stale too.
    expect(await saveAnswer(editor, key, answer(proposalId, 'Evas første', 0))).toEqual({ ok: false, conflict: { text: 'Sørens tekst', version: 2, editedBy: 'Søren Submitter' } });

    expect(await fastSaveGeneralRemarks(submitter, key, { text: 'Sørens bemærkninger', expectedVersion: 0 })).toEqual({ ok: true, version: 1, editedBy: 'Søren Submitter' });
    expect(await saveGeneralRemarks(editor, key, { text: 'Evas bemærkninger', expectedVersion: 0 })).toEqual({ ok: false, conflict: { text: 'Sørens bemærkninger', version: 1, editedBy: 'Søren Submitter' } });
    const stored = await db.answer.findFirstOrThrow({ where: { proposalId }, include: { updatedBy: true } });
    expect([stored.comment, stored.version, stored.updatedBy?.name, stored.proposalVersion]).toEqual(['Sørens tekst', 2, 'Søren Submitter', 1]);
  });

  it('lands nothing outside the receipt when saves race a submission', async () => {
    const { key, proposals, editor, submitter } = await draftWorld();
    const acknowledged: string[] = [];
    // Each member keeps saving, one save after the other as the form does, until the response is submitted.
    const keepSaving = async (actor: Actor, proposalId: string) => {
      for (let version = 0; ; version++) {
        try {
          const comment = `${proposalId} v${version + 1}`;
          const result = await saveAnswer(actor, key, answer(proposalId, comment, version));
          expect(result.ok).toBe(true);
          acknowledged.push(comment);
        } catch (error) {
          expect(error).toMatchObject({ code: 'response.submitted' });
          return;
        }
      }
    };
    const savers = [keepSaving(editor, proposals[0]!.id), keepSaving(submitter, proposals[1]!.id)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const submitted = await submitResponse(submitter, key);
    await Promise.all(savers);
    const response = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { answers: true, submissions: true } });
    const snapshot = response.submissions.find((s) => s.version === submitted.version)!.snapshot as { answers: { proposalId: string; comment: string }[] };
    // The last acknowledged save of each proposal is what was submitted, and what the response holds.
    for (const proposal of proposals) {
      const last = acknowledged.filter((comment) => comment.startsWith(proposal.id)).at(-1);
      expect(snapshot.answers.find((a) => a.proposalId === proposal.id)?.comment).toBe(last);
      expect(response.answers.find((a) => a.proposalId === proposal.id)?.comment).toBe(last);
    }
    expect(acknowledged.length).toBeGreaterThan(2);
  });

  it('sends the same live notice as notifyLive, with the editor’s name cut short the same way', async () => {
    const { key, proposals, editor } = await draftWorld();
    const userId = (editor as { userId: string }).userId;
    const name = `Eva ${'æ'.repeat(300)}`;
    await db.user.update({ where: { id: userId }, data: { name } });
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (message) => payloads.push(JSON.stringify(JSON.parse(message.payload!))));
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
    const proposalId = proposals[0]!.id;
    try {
      expect(await fastSaveAnswer(editor, key, answer(proposalId, 'første'))).toMatchObject({ ok: true, version: 1 });
      await notifyLive(db, { kind: 'saved', ...key, field: proposalId, version: 1, by: userId, name });
      expect(await fastSaveGeneralRemarks(editor, key, { text: 'x', expectedVersion: 0 })).toMatchObject({ ok: true, version: 1 });
      await notifyLive(db, { kind: 'saved', ...key, field: GENERAL_FIELD, version: 1, by: userId, name });
      await expect.poll(() => payloads.length).toBe(4);
    } finally {
      await listener.end();
    }
    const [fastAnswer, referenceAnswer, fastRemarks, referenceRemarks] = payloads;
    expect(fastAnswer).toBe(referenceAnswer);
    expect(fastRemarks).toBe(referenceRemarks);
    expect(JSON.parse(fastAnswer!)).toMatchObject({ kind: 'saved', field: proposalId, by: userId, name: `Eva ${'æ'.repeat(196)}` });
  });
});
