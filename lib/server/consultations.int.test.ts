import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { remindParty } from '@/lib/server/consultation-parties';
import { closeConsultation, createConsultation, openConsultation, publishConsultation, setConsultationParties, updateConsultation } from '@/lib/server/consultations';
import { db } from '@/lib/server/db';
import { startMailWorker } from '@/lib/server/mail';
import { addModeration, removeModeration } from '@/lib/server/moderation';
import { markNamesReviewed } from '@/lib/server/name-review';
import { getPublicConsultation, getPublicResponse, listPublicConsultations } from '@/lib/server/public-consultations';
import { registerResponse } from '@/lib/server/registered-responses';
import { saveAnswer, saveConsent, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';
import { answerTarget } from '@/lib/moderation';
import { parseSnapshot } from '@/lib/submission-snapshot';
import { PDF } from '@/test/pdf-fixtures';
import { waitForMail } from '@/test/mail';

beforeAll(() => startMailWorker());
afterAll(() => db.$disconnect());

const DAY = 86_400_000;


/** A budget with two proposals, a staff member and organisations with one submitter each (the last has no members). */
async function setting() {
  const suffix = randomUUID().slice(0, 8);
  const staffUser = await db.user.create({ data: { email: `staff-${suffix}@example.test`, role: 'STAFF', name: 'Bente Budget' } });
  const staff: Actor = { kind: 'user', userId: staffUser.id, role: 'STAFF' };
  const budget = await db.budget.create({ data: { name: `Høringsforløb ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  const proposal = (code: string, position: number) =>
    db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code, title: `Plejehjem ${code}`, summary: 'Resumé', position } });
  const proposals = [await proposal('SU01', 0), await proposal('SU02', 1)];
  const party = async (name: string, withMember = true) => {
    const organisation = await db.organisation.create({ data: { name: `${name} ${suffix}`, type: 'SENIOR_COUNCIL' } });
    if (!withMember) return { organisation, email: null, actor: null };
    const email = `${name.toLowerCase()}-${suffix}@example.test`;
    const user = await db.user.create({ data: { email, role: 'PARTY_MEMBER', name: `Formand for ${name}` } });
    await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'SUBMITTER' } });
    return { organisation, email, actor: { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' } as Actor };
  };
  return { suffix, staff, budget, proposals, parties: [await party('Ældrerådet'), await party('Skolebestyrelsen'), await party('Tområdet', false)] };
}

describe('consultation lifecycle', () => {
  it('opens with invitation mails, takes responses, closes, is moderated and published as consented', async () => {
    const { staff, budget, proposals, parties } = await setting();
    const [elders, school, empty] = parties as [(typeof parties)[0] & { email: string; actor: Actor }, (typeof parties)[0] & { email: string; actor: Actor }, (typeof parties)[0]];
    const { id } = await createConsultation(staff, { budgetId: budget.id, title: `Budgethøring ${budget.name}`, description: 'Høring over budgetforslag', deadline: new Date(Date.now() + 10 * DAY) });

    await expect(openConsultation(staff, id)).rejects.toMatchObject({ code: 'consultation.noParties' });
    await setConsultationParties(staff, id, parties.map((p) => p.organisation.id));
    expect(await getPublicConsultation(id, '[…]')).toBeNull();

    const opened = await openConsultation(staff, id);
    expect(opened.notified.sort()).toEqual([elders.organisation.name, school.organisation.name].sort());
    expect(opened.withoutMembers).toEqual([empty.organisation.name]);
    const invitation = await waitForMail(elders.email, (m) => m.subject.includes(budget.name));
    expect(invitation.text).toContain(`/responses/${id}/${elders.organisation.id}`);
    await expect(openConsultation(staff, id)).rejects.toMatchObject({ code: 'consultation.wrongPhase' });
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).openedAt).toBeInstanceOf(Date);

    // Elders answer online and consent; the school answers but does not consent.
    const eldersKey = { consultationId: id, organisationId: elders.organisation.id };
    await saveGeneralRemarks(elders.actor, eldersKey, { text: 'Kontakt Jens Hansen på 12345678 for uddybning.', expectedVersion: 0 });
    await saveAnswer(elders.actor, eldersKey, { proposalId: proposals[0]!.id, stance: 'OPPOSE', comment: 'Det rammer plejehjemmet hårdt.', confidential: false, expectedVersion: 0 });
    await saveAnswer(elders.actor, eldersKey, { proposalId: proposals[1]!.id, stance: 'SUPPORT', comment: 'Intern bemærkning.', confidential: true, expectedVersion: 0 });
    await saveConsent(elders.actor, eldersKey, { publicationConsent: true, namesConsent: false });
    await submitResponse(elders.actor, eldersKey);
    const schoolKey = { consultationId: id, organisationId: school.organisation.id };
    await saveGeneralRemarks(school.actor, schoolKey, { text: 'Ikke til offentligheden.', expectedVersion: 0 });
    await submitResponse(school.actor, schoolKey);

    // A party with a response cannot be removed; the reminder goes only to those who have not submitted.
    await expect(setConsultationParties(staff, id, [empty.organisation.id])).rejects.toMatchObject({ code: 'consultation.partyHasResponse' });
    await expect(remindParty(staff, eldersKey)).rejects.toMatchObject({ code: 'consultation.submitted' });
    await expect(publishConsultation(staff, id, { published: 1 })).rejects.toMatchObject({ code: 'consultation.deadlineNotPassed' });

    await closeConsultation(staff, id);
    await expect(saveGeneralRemarks(elders.actor, eldersKey, { text: 'For sent', expectedVersion: 1 })).rejects.toMatchObject({ code: 'response.notOpen' });

    await expect(addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'REDACT', passage: 'findes ikke', reason: 'Test' })).rejects.toMatchObject({ code: 'moderation.passageNotFound' });
    await addModeration(staff, eldersKey, { target: 'generalRemarks', kind: 'REDACT', passage: 'Jens Hansen på 12345678', reason: 'Personoplysninger' });
    const hidden = await addModeration(staff, eldersKey, { target: answerTarget(proposals[0]!.id), kind: 'HIDE', reason: 'Krænkende' });
    await removeModeration(staff, hidden.id);

    const before = await getPublicConsultation(id, '[udeladt]');
    expect(before?.responses).toEqual([]);
    await markNamesReviewed(staff, eldersKey);
    await publishConsultation(staff, id, { published: 1 });
    await expect(updateConsultation(staff, id, { title: 'Ny', description: '', deadline: new Date(Date.now() + DAY) })).rejects.toMatchObject({ code: 'consultation.wrongPhase' });

    const published = await getPublicConsultation(id, '[udeladt]');
    expect(published?.status).toBe('PUBLISHED');
    expect(published?.responses.map((r) => r.organisation.name)).toEqual([elders.organisation.name]);
    expect(published?.responses[0]?.counts).toEqual({ SUPPORT: 0, OPPOSE: 1, REMARKS: 0, NO_REMARKS: 0, NONE: 0 });
    // The response's own page shows it moderated; the school's, without consent, has none.
    const response = (await getPublicResponse(id, elders.organisation.id, '[udeladt]'))?.response;
    expect(await getPublicResponse(id, school.organisation.id, '[udeladt]')).toBeNull();
    expect(response!.generalRemarks).toBe('Kontakt [udeladt] for uddybning.');
    expect(response!.answers.map((a) => [a.code, a.stance, a.comment])).toEqual([['SU01', 'OPPOSE', 'Det rammer plejehjemmet hårdt.']]);
    expect(response!.submittedBy).toBeNull();
    expect((await listPublicConsultations()).some((c) => c.id === id)).toBe(true);

    // The original stays whole for the audit.
    const submission = await db.submission.findFirstOrThrow({ where: { response: eldersKey } });
    expect(parseSnapshot(submission.snapshot).generalRemarks).toContain('Jens Hansen på 12345678');
    const audits = await db.auditEvent.findMany({ where: { action: { in: ['response.moderate', 'response.moderate.remove', 'response.names.review', 'consultation.publish', 'consultation.open'] }, OR: [{ objectId: id }, { objectId: (await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: eldersKey } })).id }] } });
    expect(audits.map((a) => a.action).sort()).toEqual(['consultation.open', 'consultation.publish', 'response.moderate', 'response.moderate', 'response.moderate.remove', 'response.names.review']);
  });

  it('registers a letter on behalf of an organisation with the original attached, once', async () => {
    const { staff, budget, proposals, parties } = await setting();
    const [elders] = parties as [(typeof parties)[0] & { email: string }];
    const { id } = await createConsultation(staff, { budgetId: budget.id, title: 'Brevhøring', description: '', deadline: new Date(Date.now() + DAY) });
    await setConsultationParties(staff, id, [elders.organisation.id]);
    const key = { consultationId: id, organisationId: elders.organisation.id };
    const letter = { channel: 'LETTER' as const, receivedAt: new Date(), generalRemarks: 'Vi har skrevet et brev.', publicationConsent: true, answers: [{ proposalId: proposals[0]!.id, stance: 'OPPOSE' as const, comment: 'Nej tak.' }], original: { name: 'brev.pdf', bytes: PDF } };
    await expect(registerResponse(staff, key, letter)).rejects.toMatchObject({ code: 'consultation.wrongPhase' });
    await openConsultation(staff, id);

    const { receiptNumber } = await registerResponse(staff, key, letter);
    expect(receiptNumber).toMatch(/^BH-\d{6}$/);
    const response = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key }, include: { attachments: true, submissions: true, answers: true } });
    expect(response).toMatchObject({ status: 'SUBMITTED', channel: 'LETTER', registeredById: staff.kind === 'user' ? staff.userId : null });
    expect(response.attachments.map((a) => a.fileName)).toEqual(['brev.pdf']);
    expect(parseSnapshot(response.submissions[0]!.snapshot)).toMatchObject({ channel: 'LETTER', submittedBy: 'Bente Budget', answers: [{ code: 'SU01', stance: 'OPPOSE', comment: 'Nej tak.' }] });
    expect((await waitForMail(elders.email, (m) => m.text.includes(receiptNumber))).attachments).toHaveLength(1);

    await expect(registerResponse(staff, key, letter)).rejects.toMatchObject({ code: 'consultation.submitted' });
    expect(await db.submission.count({ where: { responseId: response.id } })).toBe(1);
  });

  it('refuses a deadline in the past, publishing a draft, and all of it to non-staff', async () => {
    const { staff, budget, parties } = await setting();
    await expect(createConsultation(staff, { budgetId: budget.id, title: 'Fortid', description: '', deadline: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: 'consultation.deadlineInPast' });
    const { id } = await createConsultation(staff, { budgetId: budget.id, title: 'Kladde', description: '', deadline: new Date(Date.now() + DAY) });
    await expect(publishConsultation(staff, id, { published: 0 })).rejects.toMatchObject({ code: 'consultation.wrongPhase' });
    const member = parties[0]!.actor!;
    await expect(setConsultationParties(member, id, [parties[0]!.organisation.id])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(openConsultation({ kind: 'anonymous' }, id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.consultationParty.count({ where: { consultationId: id } })).toBe(0);
  });
});
