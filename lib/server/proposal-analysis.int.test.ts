import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { startMailWorker } from '@/lib/server/mail';
import { getProposalAnalysis, listProposalAnalyses, proposalAnswers, saveProposalDecision, saveProposalSummary } from '@/lib/server/proposal-analysis';
import { getPublishedResults, publishResults } from '@/lib/server/results';
import { mailsTo, waitForMail } from '@/test/mail';

beforeAll(() => startMailWorker());
afterAll(() => db.$disconnect());

const anonymous: Actor = { kind: 'anonymous' };

/**
 * A closed consultation over two proposals. Two organisations answered (the elders SU01 and SU02,
 * the school SU01 only) and a third was consulted but never submitted; each has one member.
 */
async function world() {
  const suffix = randomUUID().slice(0, 8);
  const user = async (role: 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER', organisationId?: string) => {
    const created = await db.user.create({ data: { email: `analysis-${randomUUID()}@example.test`, name: `Bruger ${suffix}`, role } });
    if (organisationId) await db.membership.create({ data: { userId: created.id, organisationId, role: 'SUBMITTER' } });
    return { ...created, actor: { kind: 'user', userId: created.id, role } as Actor };
  };
  const budget = await db.budget.create({ data: { name: `Analyse ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Liste', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  const proposal = (code: string, position: number) =>
    db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code, title: `Forslag ${code}`, summary: 'Resumé', position } });
  const [su01, su02] = [await proposal('SU01', 0), await proposal('SU02', 1)];
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, status: 'CLOSED', deadline: new Date(Date.now() - 86_400_000) } });
  const organisation = (name: string) => db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'OTHER' } });
  const [elders, school, silent] = [await organisation('Ældrerådet'), await organisation('Skolebestyrelsen'), await organisation('Tavs')];
  await db.consultationParty.createMany({ data: [elders, school, silent].map((o) => ({ consultationId: consultation.id, organisationId: o.id })) });
  const [eldersMember, schoolMember, silentMember] = [await user('PARTY_MEMBER', elders.id), await user('PARTY_MEMBER', school.id), await user('PARTY_MEMBER', silent.id)];
  const respond = async (organisationId: string, answers: { proposal: typeof su01; stance: 'SUPPORT' | 'OPPOSE'; comment: string }[]) => {
    const response = await db.response.create({ data: { consultationId: consultation.id, organisationId, status: 'SUBMITTED' } });
    const snapshot = {
      generalRemarks: '',
      publicationConsent: true,
      answers: answers.map((a) => ({ proposalId: a.proposal.id, code: a.proposal.code, title: a.proposal.title, stance: a.stance, comment: a.comment, confidential: false, version: 1 })),
      minorityStatements: [],
      attachments: [],
      submittedBy: null,
    };
    await db.submission.create({ data: { responseId: response.id, version: 1, snapshot } });
    return response;
  };
  const eldersResponse = await respond(elders.id, [
    { proposal: su01, stance: 'OPPOSE', comment: 'Ventetiden bliver for lang.' },
    { proposal: su02, stance: 'SUPPORT', comment: '' },
  ]);
  const schoolResponse = await respond(school.id, [{ proposal: su01, stance: 'SUPPORT', comment: 'Godt forslag.' }]);
  await db.response.create({ data: { consultationId: consultation.id, organisationId: silent.id } });
  const staff = await user('STAFF');
  const politician = await user('POLITICIAN');
  return { suffix, consultation, su01, su02, eldersResponse, schoolResponse, eldersMember, schoolMember, silentMember, staff, politician };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('summaries', () => {
  it('adds a version per save, refuses a save from a stale version, and keeps the author', async () => {
    const { consultation, su01, eldersResponse, schoolResponse, staff, politician } = w;
    const key = { consultationId: consultation.id, proposalId: su01.id };
    expect(await saveProposalSummary(staff.actor, { ...key, text: 'Første udkast.', responseIds: [eldersResponse.id], expectedVersion: 0 })).toBe(1);
    expect(await saveProposalSummary(staff.actor, { ...key, text: 'Ældrerådet er imod, skolen for.', responseIds: [eldersResponse.id, schoolResponse.id], expectedVersion: 1 })).toBe(2);
    // A colleague who opened version 1 does not overwrite version 2.
    await expect(saveProposalSummary(staff.actor, { ...key, text: 'Gammel udgave.', responseIds: [], expectedVersion: 1 })).rejects.toMatchObject({ code: 'summary.versionConflict' });
    // Saving the same text and references again adds nothing.
    expect(await saveProposalSummary(staff.actor, { ...key, text: 'Ældrerådet er imod, skolen for.', responseIds: [schoolResponse.id, eldersResponse.id], expectedVersion: 2 })).toBe(2);

    const analysis = (await getProposalAnalysis(politician.actor, consultation.id, su01.id))!;
    expect(analysis.summary).toMatchObject({ version: 2, text: 'Ældrerådet er imod, skolen for.', author: staff.name });
    expect([...analysis.summary!.responseIds].sort()).toEqual([eldersResponse.id, schoolResponse.id].sort());
    expect(analysis.history.map((v) => v.version)).toEqual([2, 1]);
    expect((await listProposalAnalyses(staff.actor, consultation.id))!.proposals.map((p) => [p.code, p.summaryVersion])).toEqual([['SU01', 2], ['SU02', 0]]);

    const audits = await db.auditEvent.findMany({ where: { action: 'proposalSummary.save', objectId: su01.id }, orderBy: { at: 'asc' } });
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ outcome: 'SUCCESS', before: { consultationId: consultation.id, summary: { version: 1, text: 'Første udkast.' } }, after: { summary: { version: 2, text: 'Ældrerådet er imod, skolen for.' } } });
  });

  it('refuses references to answers of another proposal or of no answer at all, and writes nothing', async () => {
    const { consultation, su02, schoolResponse, eldersResponse, staff } = w;
    const key = { consultationId: consultation.id, proposalId: su02.id };
    // The school answered SU01 only.
    await expect(saveProposalSummary(staff.actor, { ...key, text: 'Skolen er for.', responseIds: [schoolResponse.id], expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveProposalSummary(staff.actor, { ...key, text: 'Opdigtet.', responseIds: ['ikke-et-svar'], expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.proposalSummary.count({ where: key })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'proposalSummary.save', objectId: su02.id, outcome: 'DENIED' } })).toBe(2);
    expect((await proposalAnswers(staff.actor, consultation.id, su02.id))!.map((a) => a.responseId)).toEqual([eldersResponse.id]);
  });

  it('lets politicians read but not write, and the public neither', async () => {
    const { consultation, su01, su02, politician } = w;
    const key = { consultationId: consultation.id, proposalId: su02.id };
    await expect(saveProposalSummary(politician.actor, { ...key, text: 'Politikerens tekst.', responseIds: [], expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveProposalDecision(politician.actor, { ...key, outcome: 'ADOPTED', note: '', decidedOn: new Date('2026-10-08') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishResults(politician.actor, consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getProposalAnalysis(anonymous, consultation.id, su01.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveProposalSummary(anonymous, { ...key, text: 'Anonym.', responseIds: [], expectedVersion: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.proposalSummary.count({ where: key })).toBe(0);
  });
});

describe('decisions and the published results', () => {
  it('records the decision with the audit before and after', async () => {
    const { consultation, su01, staff, politician } = w;
    const key = { consultationId: consultation.id, proposalId: su01.id };
    await saveProposalDecision(staff.actor, { ...key, outcome: 'REJECTED', note: '', decidedOn: new Date('2026-10-01') });
    await saveProposalDecision(staff.actor, { ...key, outcome: 'ADOPTED_WITH_CHANGES', note: 'Med en lempeligere indfasning.', decidedOn: new Date('2026-10-08') });
    expect((await getProposalAnalysis(politician.actor, consultation.id, su01.id))!.decision).toMatchObject({ outcome: 'ADOPTED_WITH_CHANGES', note: 'Med en lempeligere indfasning.', decidedOn: new Date('2026-10-08'), recordedBy: staff.name });
    const audits = await db.auditEvent.findMany({ where: { action: 'proposalDecision.save', objectId: su01.id }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ consultationId: consultation.id, decision: null }, { consultationId: consultation.id, decision: { outcome: 'REJECTED', note: '', decidedOn: '2026-10-01' } }],
      [
        { consultationId: consultation.id, decision: { outcome: 'REJECTED', note: '', decidedOn: '2026-10-01' } },
        { consultationId: consultation.id, decision: { outcome: 'ADOPTED_WITH_CHANGES', note: 'Med en lempeligere indfasning.', decidedOn: '2026-10-08' } },
      ],
    ]);
  });

  it('shows nothing before publication, then the counts, summary and decision; mails each responding party once', async () => {
    const { consultation, su01, staff, eldersMember, schoolMember, silentMember } = w;
    expect(await getPublishedResults(anonymous, consultation.id)).toBeNull();
    expect(await getPublishedResults(staff.actor, consultation.id)).toBeNull();

    expect((await publishResults(staff.actor, consultation.id)).notified.sort()).toEqual([`Skolebestyrelsen ${w.suffix}`, `Ældrerådet ${w.suffix}`].sort());
    await expect(publishResults(staff.actor, consultation.id)).rejects.toMatchObject({ code: 'results.alreadyPublished' });

    const results = (await getPublishedResults(anonymous, consultation.id))!;
    const proposal = results.lists[0]!.proposals.find((p) => p.id === su01.id)!;
    expect(proposal.counts).toEqual({ SUPPORT: 1, OPPOSE: 1, REMARKS: 0, NO_REMARKS: 0, NONE: 0 });
    expect(proposal.summary).toBe('Ældrerådet er imod, skolen for.');
    expect(proposal.decision).toMatchObject({ outcome: 'ADOPTED_WITH_CHANGES' });
    expect(results.lists[0]!.proposals.find((p) => p.code === 'SU02')).toMatchObject({ summary: null, decision: null, counts: { SUPPORT: 1 } });

    const mail = await waitForMail(eldersMember.email, (m) => m.subject.includes(consultation.title));
    expect(mail.text).toContain(`/consultations/${consultation.id}/results`);
    await waitForMail(schoolMember.email, (m) => m.subject.includes(consultation.title));
    expect((await mailsTo(eldersMember.email)).filter((m) => m.subject.includes(consultation.title))).toHaveLength(1);
    // The party that never submitted is not told.
    expect((await mailsTo(silentMember.email)).filter((m) => m.subject.includes(consultation.title))).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: 'consultation.results.publish', objectId: consultation.id, outcome: 'SUCCESS' } })).toBe(1);
  });

  it('publishes only a closed consultation', async () => {
    const { staff } = w;
    const budget = await db.budget.create({ data: { name: `Åben ${w.suffix}`, years: [2026] } });
    const open = await db.consultation.create({ data: { budgetId: budget.id, title: `Åben ${w.suffix}`, status: 'OPEN', deadline: new Date(Date.now() + 86_400_000) } });
    await expect(publishResults(staff.actor, open.id)).rejects.toMatchObject({ code: 'consultation.wrongPhase' });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: open.id } })).resultsPublishedAt).toBeNull();
  });
});
