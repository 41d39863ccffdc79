import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type Actor } from '@/lib/server/actor';
import { addAttachment, readAttachment } from '@/lib/server/attachments';
import { safeFileName } from '@/lib/server/file-storage';
import { MAX_PDF_BYTES } from '@/lib/limits';
import { db } from '@/lib/server/db';
import { addConsultationDocument } from '@/lib/server/consultation-documents';
import { registerResponse } from '@/lib/server/registered-responses';
import { submitResponse } from '@/lib/server/responses/submission';
import { PDF as pdf, POLYGLOT, withEmbeddedFile, withLaunchAnnotation, withOpenActionJavaScript } from '@/test/pdf-fixtures';

afterAll(() => db.$disconnect());

async function world() {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Bilag ${suffix}`, years: [2026] } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: 'Høring', deadline: new Date(Date.now() + 86_400_000), status: 'OPEN' } });
  const organisations = await Promise.all(['A', 'B'].map((n) => db.organisation.create({ data: { name: `Bilagsråd ${n} ${suffix}`, type: 'OTHER' } })));
  await db.consultationParty.createMany({ data: organisations.map((o) => ({ consultationId: consultation.id, organisationId: o.id })) });
  const member = async (organisationId: string): Promise<Actor> => {
    const user = await db.user.create({ data: { email: `bilag-${randomUUID()}@example.test`, role: 'PARTY_MEMBER' } });
    await db.membership.create({ data: { userId: user.id, organisationId, role: 'SUBMITTER' } });
    return { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
  };
  return { key: { consultationId: consultation.id, organisationId: organisations[0]!.id }, own: await member(organisations[0]!.id), other: await member(organisations[1]!.id) };
}

it('stores a PDF by its content under a server-made name and serves it to those allowed', async () => {
  const { key, own, other } = await world();
  const { id } = await addAttachment(own, key, { name: '../../etc/Bemærkninger "endelig".pdf', bytes: pdf });
  const stored = await db.attachment.findUniqueOrThrow({ where: { id } });
  expect(stored.fileName).toBe('Bemærkninger endelig.pdf');
  expect(stored.storageKey).toMatch(/^[0-9a-f-]{36}\.pdf$/);
  expect(existsSync(path.resolve(process.env.ATTACHMENT_DIR ?? '.data/attachments', stored.storageKey))).toBe(true);

  expect((await readAttachment(own, id))?.bytes.equals(pdf)).toBe(true);
  expect(await readAttachment({ kind: 'user', userId: 'staff', role: 'STAFF' }, id)).not.toBeNull();
  await expect(readAttachment(other, id)).rejects.toMatchObject({ code: 'forbidden' });
  const politician: Actor = { kind: 'user', userId: 'politiker', role: 'POLITICIAN' };
  await expect(readAttachment(politician, id)).rejects.toMatchObject({ code: 'forbidden' });
  await submitResponse(own, key);
  expect(await readAttachment(politician, id)).not.toBeNull();
});

it('refuses what is not a PDF whatever its name, files over 10 MB, and other organisations', async () => {
  const { key, own, other } = await world();
  await expect(addAttachment(own, key, { name: 'svar.pdf', bytes: Buffer.from('<html><script>alert(1)</script>') })).rejects.toMatchObject({ code: 'pdf.notPdf' });
  const huge = Buffer.alloc(MAX_PDF_BYTES + 1);
  pdf.copy(huge);
  await expect(addAttachment(own, key, { name: 'stor.pdf', bytes: huge })).rejects.toMatchObject({ code: 'pdf.tooLarge' });
  await expect(addAttachment(other, key, { name: 'svar.pdf', bytes: pdf })).rejects.toMatchObject({ code: 'forbidden' });
  expect(await db.attachment.count({ where: { response: key } })).toBe(0);
});

it('parses every upload as a PDF: attachments, consultation documents and registered originals refuse scripts, launch actions, embedded files and polyglots', async () => {
  const { key, own } = await world();
  const staffUser = await db.user.create({ data: { email: `bilag-staff-${randomUUID()}@example.test`, role: 'STAFF' } });
  const staff: Actor = { kind: 'user', userId: staffUser.id, role: 'STAFF' };
  const hostile = { pdfJavaScript: await withOpenActionJavaScript(), pdfLaunch: await withLaunchAnnotation(), pdfEmbeddedFile: await withEmbeddedFile(), notPdf: POLYGLOT };
  for (const [reason, bytes] of Object.entries(hostile)) {
    const file = { name: 'svar.pdf', bytes };
    await expect(addAttachment(own, key, file)).rejects.toMatchObject({ code: `pdf.${reason}` });
    await expect(addConsultationDocument(staff, key.consultationId, { title: 'Notat', file })).rejects.toMatchObject({ code: `pdf.${reason}` });
    const registered = { channel: 'LETTER' as const, receivedAt: new Date(), generalRemarks: 'Brev.', publicationConsent: false, answers: [], original: file };
    await expect(registerResponse(staff, key, registered)).rejects.toMatchObject({ code: `pdf.${reason}` });
  }
  expect(await db.attachment.count({ where: { response: key } })).toBe(0);
  expect(await db.consultationDocument.count({ where: { consultationId: key.consultationId } })).toBe(0);
  expect(await db.submission.count({ where: { response: { consultationId: key.consultationId, organisationId: key.organisationId } } })).toBe(0);
});

it('makes safe download names', () => {
  expect(safeFileName('C:\\Users\\x\\høringssvar.PDF')).toBe('høringssvar.PDF');
  expect(safeFileName('noter')).toBe('noter.pdf');
  expect(safeFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
});
