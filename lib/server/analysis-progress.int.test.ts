import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { analysisProgress, analystCandidates, assignAnalyst } from '@/lib/server/analysis-progress';
import { db } from '@/lib/server/db';
import { duplicateGroups } from '@/lib/server/duplicate-answers';

afterAll(() => db.$disconnect());

const anonymous: Actor = { kind: 'anonymous' };
const CAMPAIGN = 'Vi er imod lukningen af klubben, fordi de unge i området mister det eneste sted, hvor de kan mødes om aftenen.';

/**
 * A closed consultation over two proposals (SU01, SU02), answered by six organisations: three send
 * the campaign's text on SU01 (one exactly, one with other case and spacing, one with a typo), one
 * adds a word, one writes something else, and one sends the campaign's text on SU02.
 */
async function world() {
  const suffix = randomUUID().slice(0, 8);
  const user = async (role: 'ADMIN' | 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER', name: string) => {
    const created = await db.user.create({ data: { email: `progress-${randomUUID()}@example.test`, name: `${name} ${suffix}`, role } });
    return { ...created, actor: { kind: 'user', userId: created.id, role } as Actor };
  };
  const budget = await db.budget.create({ data: { name: `Fremdrift ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Liste', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  const proposal = (code: string, position: number) =>
    db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code, title: `Forslag ${code}`, summary: 'Resumé', position } });
  const [su01, su02] = [await proposal('SU01', 0), await proposal('SU02', 1)];
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, status: 'CLOSED', deadline: new Date(Date.now() - 86_400_000) } });
  const respond = async (name: string, answers: { proposal: typeof su01; stance: 'SUPPORT' | 'OPPOSE' | null; comment: string }[]) => {
    const organisation = await db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'OTHER' } });
    await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
    const response = await db.response.create({ data: { consultationId: consultation.id, organisationId: organisation.id, status: 'SUBMITTED' } });
    const snapshot = {
      generalRemarks: '',
      publicationConsent: true,
      answers: answers.map((a) => ({ proposalId: a.proposal.id, code: a.proposal.code, title: a.proposal.title, stance: a.stance, comment: a.comment, confidential: false, version: 1 })),
      minorityStatements: [],
      attachments: [],
      submittedBy: null,
    };
    await db.submission.create({ data: { responseId: response.id, version: 1, snapshot } });
    return { organisation, response };
  };
  const exact = await respond('Klub A', [{ proposal: su01, stance: 'OPPOSE', comment: CAMPAIGN }, { proposal: su02, stance: 'SUPPORT', comment: '' }]);
  const spaced = await respond('Klub B', [{ proposal: su01, stance: 'OPPOSE', comment: `  ${CAMPAIGN.toUpperCase().replace(/ /g, '  ')}\n` }]);
  const typo = await respond('Klub C', [{ proposal: su01, stance: 'OPPOSE', comment: CAMPAIGN.replace('eneste', 'enesete') }]);
  const extraWord = await respond('Klub D', [{ proposal: su01, stance: 'OPPOSE', comment: CAMPAIGN.replace('de unge', 'de mange unge') }]);
  const other = await respond('Skole E', [{ proposal: su01, stance: 'SUPPORT', comment: 'Vi kan godt se, at besparelsen er nødvendig, men beder om, at klubbens aktiviteter flyttes til skolen.' }]);
  const elsewhere = await respond('Klub F', [{ proposal: su02, stance: 'OPPOSE', comment: CAMPAIGN }, { proposal: su01, stance: null, comment: 'Ingen bemærkninger' }]);
  // Short identical comments are not a campaign.
  const short = await respond('Forening G', [{ proposal: su01, stance: null, comment: 'Ingen bemærkninger' }]);
  // A reopened response is not among the submitted ones.
  const reopened = await respond('Klub H', [{ proposal: su01, stance: 'OPPOSE', comment: CAMPAIGN }]);
  await db.response.update({ where: { id: reopened.response.id }, data: { status: 'DRAFT' } });
  const [staff, colleague, admin, politician, member] = [await user('STAFF', 'Anna'), await user('STAFF', 'Bo'), await user('ADMIN', 'Carl'), await user('POLITICIAN', 'Dorte'), await user('PARTY_MEMBER', 'Emil')];
  return { suffix, consultation, su01, su02, exact, spaced, typo, extraWord, other, elsewhere, short, staff, colleague, admin, politician, member };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('duplicate answers', () => {
  it('groups identical and near-identical comments per proposal, never short ones, other texts or other proposals', async () => {
    const groups = (await duplicateGroups(w.staff.actor, w.consultation.id))!;
    expect(groups.map((g) => [g.code, g.count, g.organisations.map((o) => o.name)])).toEqual([
      ['SU01', 4, ['Klub A', 'Klub B', 'Klub C', 'Klub D'].map((name) => `${name} ${w.suffix}`)],
    ]);
    // The wording shown once is the one sent most often (exactly by A; B differs only in case and spacing).
    expect(groups[0]!.text).toBe(CAMPAIGN);
    // One proposal only: SU02 has the campaign's text once, which is no group.
    expect(await duplicateGroups(w.staff.actor, w.consultation.id, w.su02.id)).toEqual([]);
    expect((await duplicateGroups(w.politician.actor, w.consultation.id, w.su01.id))!.map((g) => g.count)).toEqual([4]);
  });

  it('refuses the public and party members', async () => {
    await expect(duplicateGroups(anonymous, w.consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(duplicateGroups(w.member.actor, w.consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('analysts and progress', () => {
  it('assigns proposals to a member of staff, audits each change, and refuses anyone else as analyst', async () => {
    const { consultation, su01, su02, staff, colleague, politician } = w;
    expect((await analystCandidates(staff.actor)).map((c) => c.userId)).toEqual(expect.arrayContaining([staff.id, colleague.id, w.admin.id]));
    expect((await analystCandidates(staff.actor)).map((c) => c.userId)).not.toContain(politician.id);
    expect(await assignAnalyst(staff.actor, { consultationId: consultation.id, proposalIds: [su01.id, su02.id], userId: colleague.id })).toBe(2);
    // Again: nothing changes hands, nothing is audited.
    expect(await assignAnalyst(staff.actor, { consultationId: consultation.id, proposalIds: [su01.id], userId: colleague.id })).toBe(0);
    expect(await assignAnalyst(staff.actor, { consultationId: consultation.id, proposalIds: [su02.id], userId: staff.id })).toBe(1);
    const audits = await db.auditEvent.findMany({ where: { action: 'analysis.assign', objectId: su02.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ consultationId: consultation.id, analyst: null }, { consultationId: consultation.id, analyst: colleague.id }],
      [{ consultationId: consultation.id, analyst: colleague.id }, { consultationId: consultation.id, analyst: staff.id }],
    ]);
    await expect(assignAnalyst(staff.actor, { consultationId: consultation.id, proposalIds: [su01.id], userId: politician.id })).rejects.toMatchObject({ code: 'analysis.notStaff' });
    await expect(assignAnalyst(staff.actor, { consultationId: consultation.id, proposalIds: ['ikke-et-forslag'], userId: staff.id })).rejects.toMatchObject({ code: 'remark.unknownProposal' });
    await expect(assignAnalyst(politician.actor, { consultationId: consultation.id, proposalIds: [su01.id], userId: staff.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db.proposalAnalyst.findUniqueOrThrow({ where: { consultationId_proposalId: { consultationId: consultation.id, proposalId: su01.id } } })).userId).toBe(colleague.id);
  });

  it("counts read and tagged answers per proposal, per analyst and in all, an analyst's own marks apart", async () => {
    const { consultation, su01, su02, staff, colleague, exact, spaced, typo, other, elsewhere } = w;
    // SU01 (Bo's) has 7 submitted answers; SU02 (Anna's) has 2.
    const read = (responseId: string, proposalId: string, userId: string) => db.answerRead.create({ data: { responseId, proposalId, userId } });
    await read(exact.response.id, su01.id, colleague.id);
    await read(spaced.response.id, su01.id, colleague.id);
    await read(typo.response.id, su01.id, staff.id);
    await read(exact.response.id, su01.id, staff.id);
    await read(elsewhere.response.id, su02.id, staff.id);
    const theme = await db.theme.create({ data: { consultationId: consultation.id, name: `Unge ${w.suffix}` } });
    const second = await db.theme.create({ data: { consultationId: consultation.id, name: `Klubber ${w.suffix}` } });
    const tag = (themeId: string, responseId: string, proposalId: string) => db.themeTag.create({ data: { themeId, responseId, proposalId, target: 'ANSWER', submissionVersion: 1 } });
    await tag(theme.id, exact.response.id, su01.id);
    await tag(second.id, exact.response.id, su01.id);
    await tag(theme.id, other.response.id, su01.id);
    // A tag on the general remarks is not a tagged answer.
    await db.themeTag.create({ data: { themeId: theme.id, responseId: typo.response.id, target: 'GENERAL_REMARKS', submissionVersion: 1 } });

    const progress = (await analysisProgress(staff.actor, consultation.id))!;
    expect(progress.total).toEqual({ answers: 9, read: 4, tagged: 2 });
    expect(progress.proposals.map((p) => [p.code, p.analyst?.name, p.answers, p.readByAnalyst, p.read, p.tagged])).toEqual([
      ['SU01', colleague.name, 7, 2, 3, 2],
      ['SU02', staff.name, 2, 1, 1, 0],
    ]);
    expect(progress.analysts.map((a) => [a.name, a.proposals, a.answers, a.read, a.tagged])).toEqual([
      [staff.name, 1, 2, 1, 0],
      [colleague.name, 1, 7, 2, 2],
    ]);
  });

  it('shows progress to staff only', async () => {
    await expect(analysisProgress(w.politician.actor, w.consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(analysisProgress(anonymous, w.consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assignAnalyst(w.member.actor, { consultationId: w.consultation.id, proposalIds: [w.su01.id], userId: w.staff.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
