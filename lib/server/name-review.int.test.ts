import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { answerTarget } from '@/lib/moderation';
import { anonymous, type UserActor } from '@/lib/server/actor';
import { closeConsultation, createConsultation, openConsultation, publicationSummary, publishConsultation, setConsultationParties } from '@/lib/server/consultations';
import { db } from '@/lib/server/db';
import { addModeration, removeModeration } from '@/lib/server/moderation';
import { confirmNotName, getNameReviews, markNamesReviewed } from '@/lib/server/name-review';
import { getPublicConsultation, getPublicResponse } from '@/lib/server/public-consultations';
import type { ResponseKey } from '@/lib/server/responses/access';
import { saveAnswer, saveConsent, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { reopenResponse, submitResponse } from '@/lib/server/responses/submission';
import { search } from '@/lib/server/search';

afterAll(() => db.$disconnect());

const DAY = 86_400_000;
const MARKER = '[udeladt]';

/**
 * A consultation of its own budget with four parties: the elders consent to publication but not
 * to names, and write names into their texts; the board consents to both; the school does not
 * consent; the club never submits.
 */
async function setting() {
  const suffix = randomUUID().slice(0, 8);
  const user = async (role: 'STAFF' | 'PARTY_MEMBER', name: string): Promise<UserActor> => {
    const created = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@example.test`, role, name } });
    return { kind: 'user', userId: created.id, role };
  };
  const staff = await user('STAFF', 'Bente Budget');
  const budget = await db.budget.create({ data: { name: `Navne ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  const proposal = (code: string, position: number) => db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code, title: `Plejehjem ${code}`, summary: 'Resumé', position } });
  const [first, second] = [await proposal('SU01', 0), await proposal('SU02', 1)];
  const party = async (name: string, memberName: string) => {
    const organisation = await db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'SENIOR_COUNCIL' } });
    const member = await user('PARTY_MEMBER', memberName);
    await db.membership.create({ data: { userId: member.userId, organisationId: organisation.id, role: 'SUBMITTER' } });
    return { organisation, member };
  };
  const elders = await party('Ældrerådet', 'Karen Sørensen');
  const board = await party('Bestyrelsen', 'Ole Olsen');
  const school = await party('Skolen', 'Eva Eriksen');
  const club = await party('Klubben', 'Ib Iversen');
  const { id } = await createConsultation(staff, { budgetId: budget.id, title: `Høring ${budget.name}`, description: '', deadline: new Date(Date.now() + 10 * DAY) });
  await setConsultationParties(staff, id, [elders, board, school, club].map((p) => p.organisation.id));
  await openConsultation(staff, id);
  const keyOf = (p: { organisation: { id: string } }): ResponseKey => ({ consultationId: id, organisationId: p.organisation.id });

  const eldersKey = keyOf(elders);
  await saveGeneralRemarks(elders.member, eldersKey, { text: 'Vi er imod. Sørensen har skrevet svaret sammen med formand Poul Nielsen.\n\nMed venlig hilsen\nKaren', expectedVersion: 0 });
  await saveAnswer(elders.member, eldersKey, { proposalId: first.id, stance: 'OPPOSE', comment: 'Det rammer beboerne i Aarhus (Hanne Holm).', confidential: false, expectedVersion: 0 });
  await saveAnswer(elders.member, eldersKey, { proposalId: second.id, stance: 'SUPPORT', comment: 'Intern note til Lise Lund.', confidential: true, expectedVersion: 0 });
  await saveConsent(elders.member, eldersKey, { publicationConsent: true, namesConsent: false });
  await submitResponse(elders.member, eldersKey);
  await saveGeneralRemarks(board.member, keyOf(board), { text: 'Formand Ole Olsen støtter forslaget.', expectedVersion: 0 });
  await saveConsent(board.member, keyOf(board), { publicationConsent: true, namesConsent: true });
  await submitResponse(board.member, keyOf(board));
  await saveGeneralRemarks(school.member, keyOf(school), { text: 'Skolen ved Eva Eriksen er imod.', expectedVersion: 0 });
  await submitResponse(school.member, keyOf(school));
  await closeConsultation(staff, id);
  return { id, staff, budget, first, elders, eldersKey, board };
}

describe('name review before publication', () => {
  it('lists the responses without name consent with their marked passages, and publication waits for the review', async () => {
    const { id, staff, first, elders, eldersKey } = await setting();

    const list = (await getNameReviews(staff, id))!;
    expect(list.responses.map((r) => r.organisationName)).toEqual([elders.organisation.name]);
    const [review] = list.responses;
    // The member's surname alone at a sentence start, a title and a signature; the confidential answer is not published and not listed.
    expect(review!.items.map((item) => [item.target, item.marks.map((m) => m.text)])).toEqual([
      ['generalRemarks', ['Sørensen', 'Poul Nielsen', 'Karen']],
      [answerTarget(first.id), ['Aarhus', 'Hanne Holm']],
    ]);
    expect(review).toMatchObject({ pending: 5, review: null, reviewed: false });

    const summary = await publicationSummary(staff, id);
    expect(summary).toEqual({ published: 2, withoutNames: 1, withheld: { noConsent: 1, notSubmitted: 1 }, confidentialAnswers: 1, namesPending: 1 });
    await expect(publishConsultation(staff, id, { published: 2 })).rejects.toMatchObject({ code: 'consultation.namesNotReviewed', params: { count: 1 } });

    // Marking reviewed waits until every passage is decided.
    await expect(markNamesReviewed(staff, eldersKey)).rejects.toMatchObject({ code: 'nameReview.passagesPending', params: { count: 5 } });
    for (const passage of ['Sørensen', 'Poul Nielsen', 'Karen']) await addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'REDACT', passage, reason: 'Personnavn' });
    await addModeration(staff, eldersKey, { target: answerTarget(first.id), kind: 'REDACT', passage: 'Hanne Holm', reason: 'Personnavn' });
    await expect(confirmNotName(staff, eldersKey, { target: 'generalRemarks', passage: 'imod' })).rejects.toMatchObject({ code: 'nameReview.passageNotMarked' });
    await confirmNotName(staff, eldersKey, { target: answerTarget(first.id), passage: 'Aarhus' });
    await markNamesReviewed(staff, eldersKey);
    expect((await getNameReviews(staff, id))!.responses[0]).toMatchObject({ pending: 0, reviewed: true, review: { by: 'Bente Budget' } });

    // Confirmation must match the summary shown.
    await expect(publishConsultation(staff, id, { published: 1 })).rejects.toMatchObject({ code: 'consultation.publicationChanged', params: { count: 2 } });
    await publishConsultation(staff, id, { published: 2 });

    const responseId = (await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: eldersKey } })).id;
    const audits = await db.auditEvent.findMany({ where: { objectId: { in: [responseId, id] }, action: { in: ['response.names.confirm', 'response.names.review', 'consultation.publish'] } }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['response.names.confirm', 'response.names.review', 'consultation.publish']);
    expect(audits[1]!.after).toMatchObject({ submissionVersion: 1, redacted: 4, confirmed: 1 });
    expect(audits[2]!.details).toMatchObject({ published: 2, withheld: { noConsent: 1, notSubmitted: 1 } });
  });

  it('needs a new review after a new submission, and after a redaction is withdrawn', async () => {
    const { id, staff, eldersKey, elders } = await setting();
    const redaction = await addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'HIDE', reason: 'Navne' });
    const response = (await getNameReviews(staff, id))!.responses[0]!;
    const answer = response.items.find((item) => item.part === 'answer')!;
    for (const mark of answer.marks) await confirmNotName(staff, eldersKey, { target: answer.target, passage: mark.text });
    await markNamesReviewed(staff, eldersKey);
    expect((await publicationSummary(staff, id)).namesPending).toBe(0);

    // Withdrawing the hiding opens the general remarks' names again.
    await removeModeration(staff, redaction.id);
    expect((await getNameReviews(staff, id))!.responses[0]).toMatchObject({ pending: 3, reviewed: false, review: { by: 'Bente Budget' } });
    await addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'HIDE', reason: 'Navne' });
    expect((await publicationSummary(staff, id)).namesPending).toBe(0);

    // The elders reopen and submit again: the new submission has not been reviewed.
    await openConsultation(staff, id);
    await reopenResponse(elders.member, eldersKey);
    expect((await getNameReviews(staff, id))!.responses).toEqual([]);
    await submitResponse(elders.member, eldersKey);
    const resubmitted = (await getNameReviews(staff, id))!.responses[0]!;
    expect(resubmitted).toMatchObject({ submission: { version: 2 }, review: null, reviewed: false, pending: 0 });
    await closeConsultation(staff, id);
    await expect(publishConsultation(staff, id, { published: 2 })).rejects.toMatchObject({ code: 'consultation.namesNotReviewed', params: { count: 1 } });
    await markNamesReviewed(staff, eldersKey);
    await publishConsultation(staff, id, { published: 2 });
    expect(await db.nameReview.count({ where: { response: eldersKey } })).toBe(2);
  });

  it('keeps redacted names out of the public page and the public search', async () => {
    const { id, staff, budget, eldersKey, first } = await setting();
    for (const passage of ['Sørensen', 'Poul Nielsen', 'Karen']) await addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'REDACT', passage, reason: 'Personnavn' });
    await addModeration(staff, eldersKey, { target: answerTarget(first.id), kind: 'REDACT', passage: 'Hanne Holm', reason: 'Personnavn' });
    await confirmNotName(staff, eldersKey, { target: answerTarget(first.id), passage: 'Aarhus' });
    await markNamesReviewed(staff, eldersKey);
    await publishConsultation(staff, id, { published: 2 });

    // The consultation's index and every response's own page, as the public reads them.
    const index = await getPublicConsultation(id, MARKER);
    const page = JSON.stringify([index, ...(await Promise.all(index!.responses.map((r) => getPublicResponse(id, r.organisationId, MARKER))))]);
    expect(page).toContain(`Vi er imod. ${MARKER} har skrevet svaret sammen med formand ${MARKER}.`);
    expect(page).toContain(`Det rammer beboerne i Aarhus (${MARKER}).`);
    // The board consented to names; the school's response is not published.
    expect(page).toContain('Formand Ole Olsen støtter forslaget.');
    for (const name of ['Sørensen', 'Poul Nielsen', 'Karen', 'Hanne Holm', 'Lise Lund', 'Eva Eriksen']) expect(page).not.toContain(name);

    const find = (query: string, actor: UserActor | typeof anonymous) => search(actor, query, { budgetId: budget.id, marker: MARKER });
    for (const name of ['Sørensen', 'Poul', 'Nielsen', 'Hanne', 'Holm']) {
      expect((await find(name, anonymous)).responses.total, name).toBe(0);
      // The council's full edition finds them: the texts are there to be found.
      expect((await find(name, staff)).responses.total, name).toBe(1);
    }
    expect((await find('Aarhus', anonymous)).responses.total).toBe(1);
  });

  it('is for staff only', async () => {
    const { id, eldersKey, elders } = await setting();
    await expect(getNameReviews(elders.member, id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(markNamesReviewed(elders.member, eldersKey)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(confirmNotName(anonymous, eldersKey, { target: 'generalRemarks', passage: 'Karen' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publicationSummary(elders.member, id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
