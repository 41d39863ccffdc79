import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, expect, it } from 'vitest';
import { docxText, pdfText, squash } from '@/test/document-text';
import { anonymous, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { exportConsultation } from '@/lib/server/exports';
import { getConsultationInsight } from '@/lib/server/insight';
import { getSubmittedResponse } from '@/lib/server/moderation';
import { eraseMyData } from '@/lib/server/personal-data';
import { getPublicConsultation } from '@/lib/server/public-consultations';
import { visibleResponses } from '@/lib/server/response-views';
import { addMinorityStatement, saveAnswer, saveConsent, saveGeneralRemarks } from '@/lib/server/responses/drafts';
import { submitResponse } from '@/lib/server/responses/submission';
import { getResponseWorkspace } from '@/lib/server/responses/workspace';
import { search } from '@/lib/server/search';

afterAll(() => db.$disconnect());

const staff: Actor = { kind: 'user', userId: 'erasure-staff', role: 'STAFF' };
const politician: Actor = { kind: 'user', userId: 'erasure-politician', role: 'POLITICIAN' };
const MARKER = '[…]';

const json = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)).toLowerCase();

/** The text of every part of an XLSX file (its XML, tags and all). */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

/**
 * A member without a name submits a response with a minority statement; the submission is
 * published with consent to names. Returns what the tests read it by.
 */
async function publishedResponseOfNamelessMember() {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Sletning ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  const proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code: 'ØU01', title: 'Plejehjemmet', summary: 'Resumé', position: 0 } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, deadline: new Date(Date.now() + 86_400_000), status: 'OPEN' } });
  const organisation = await db.organisation.create({ data: { name: `Sletteråd ${suffix}`, type: 'SENIOR_COUNCIL' } });
  await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  const email = `navnlos.${suffix}+hoering@example.test`;
  const user = await db.user.create({ data: { email, role: 'PARTY_MEMBER' } });
  await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'SUBMITTER' } });
  const member: Actor = { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
  const key = { consultationId: consultation.id, organisationId: organisation.id };

  await saveGeneralRemarks(member, key, { text: `Rådet er bekymret for plejehjemmet. Kontakt ${email.toUpperCase()} for spørgsmål.`, expectedVersion: 0 });
  await saveAnswer(member, key, { proposalId: proposal.id, stance: 'OPPOSE', comment: 'Plejehjemmet skal bevares.', confidential: false, expectedVersion: 0 });
  await addMinorityStatement(member, key, 'Et mindretal ønsker plejehjemmet udvidet.');
  await saveConsent(member, key, { publicationConsent: true, namesConsent: true });
  await submitResponse(member, key);
  return { email, user, member, key, consultation, budgetId: budget.id };
}

it('freezes no address as the name of a member who has none', async () => {
  const { email, key } = await publishedResponseOfNamelessMember();
  const submission = await db.submission.findFirstOrThrow({ where: { response: key } });
  const snapshot = submission.snapshot as { submittedBy: string | null; minorityStatements: { author: string | null }[] };
  expect(snapshot.submittedBy).toBeNull();
  expect(snapshot.minorityStatements.map((m) => m.author)).toEqual([null]);
  const full = await visibleResponses(politician, key.consultationId, MARKER);
  expect(full?.responses[0]?.submittedBy).toBeNull();
  // Only the text the member wrote carries the address.
  expect(json(full).split(email).length - 1).toBe(1);
});

it('leaves no trace of the address in any read model, export, search result or table after erasure, and keeps the response whole', async () => {
  const { email, user, member, key, consultation, budgetId } = await publishedResponseOfNamelessMember();
  // As the app froze it before names were frozen as names only: the address as the submitter's and the author's name.
  const submission = await db.submission.findFirstOrThrow({ where: { response: key } });
  const frozen = submission.snapshot as Record<string, string> & { minorityStatements: { id: string; text: string }[] };
  await db.submission.update({
    where: { id: submission.id },
    data: { snapshot: { ...frozen, submittedBy: email, minorityStatements: frozen.minorityStatements.map((m) => ({ id: m.id, text: m.text, author: email })) } },
  });
  await db.consultation.update({ where: { id: consultation.id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
  await db.invitation.create({ data: { tokenHash: randomUUID(), email, role: 'PARTY_MEMBER', organisationId: key.organisationId, membershipRole: 'SUBMITTER', expiresAt: new Date(), acceptedAt: new Date() } });

  const reads = async () => {
    const found = await Promise.all([politician, staff, anonymous].map((reader) => search(reader, 'plejehjemmet', { budgetId, marker: MARKER })));
    expect(found.every((result) => result.responses.total > 0)).toBe(true);
    return json([
      await visibleResponses(politician, consultation.id, MARKER),
      await visibleResponses(staff, consultation.id, MARKER),
      await visibleResponses(anonymous, consultation.id, MARKER),
      await getConsultationInsight(politician, consultation.id, MARKER),
      await getPublicConsultation(consultation.id, MARKER),
      await getSubmittedResponse(staff, key),
      await getResponseWorkspace(staff, key),
      found,
    ]);
  };
  const exports = async () => {
    const text: string[] = [];
    for (const reader of [politician, anonymous]) {
      text.push(new TextDecoder().decode((await exportConsultation(reader, consultation.id, 'csv'))!.bytes));
      text.push(await xlsxText((await exportConsultation(reader, consultation.id, 'xlsx'))!.bytes));
      text.push((await pdfText((await exportConsultation(reader, consultation.id, 'pdf'))!.bytes)).text);
      text.push(await docxText((await exportConsultation(reader, consultation.id, 'docx'))!.bytes));
    }
    return squash(text.join('\n')).toLowerCase();
  };
  // The address is there before: the checks below can see it.
  expect(await reads()).toContain(email);
  expect(await exports()).toContain(squash(email));

  await eraseMyData(member);

  expect(await reads()).not.toContain(email);
  expect(await exports()).not.toContain(squash(email));
  // Nowhere in the database but the append-only audit log (see eraseMyData).
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'AuditEvent'`;
  expect(tables.length).toBeGreaterThan(10);
  for (const { table_name: table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${table}" t WHERE t::text ILIKE $1`, `%${email}%`);
    expect(Number(row!.count), table).toBe(0);
  }

  // The organisation's response stays whole, unsigned.
  const [response] = (await visibleResponses(politician, consultation.id, MARKER))!.responses;
  expect(response).toMatchObject({
    submittedBy: null,
    generalRemarks: 'Rådet er bekymret for plejehjemmet. Kontakt [e-mailadresse slettet] for spørgsmål.',
    answers: [{ stance: 'OPPOSE', comment: 'Plejehjemmet skal bevares.' }],
    minorityStatements: [{ author: null, text: 'Et mindretal ønsker plejehjemmet udvidet.' }],
  });
  expect(await db.submission.count({ where: { response: key } })).toBe(1);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).erasedAt).not.toBeNull();
});
