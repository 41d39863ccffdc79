import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { isStaff, type Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import { editableDraft, type ResponseKey } from '@/lib/server/responses';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-');

export class AttachmentError extends Error {
  constructor(readonly reason: 'notPdf' | 'tooLarge' | 'noFile') {
    super(`Attachment refused: ${reason}`);
    this.name = 'AttachmentError';
  }
}

/** A PDF by its content: the header must be within the first kilobyte, whatever the file is called. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).indexOf(PDF_MAGIC) !== -1;
}

/** Only the base name, without control or path characters, for display and Content-Disposition. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f"/\\]/g, '').trim();
  const withExtension = base.toLowerCase().endsWith('.pdf') ? base : `${base || 'bilag'}.pdf`;
  return withExtension.slice(-150);
}

// Outside the web root, named by the server: an upload can never be served as a page or overwrite a file.
const storagePath = (storageKey: string) => path.join(path.resolve(env().ATTACHMENT_DIR), storageKey);

export async function addAttachment(actor: Actor, key: ResponseKey, file: { name: string; bytes: Uint8Array }): Promise<{ id: string }> {
  if (file.bytes.byteLength === 0) throw new AttachmentError('noFile');
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AttachmentError('tooLarge');
  if (!looksLikePdf(file.bytes)) throw new AttachmentError('notPdf');
  const storageKey = `${randomUUID()}.pdf`;
  await mkdir(path.resolve(env().ATTACHMENT_DIR), { recursive: true });
  await writeFile(storagePath(storageKey), file.bytes, { mode: 0o600, flag: 'wx' });
  try {
    return await db.$transaction(async (tx) => {
      const { response, user } = await editableDraft(actor, key, tx, 'response.attachment.add');
      const attachment = await tx.attachment.create({
        data: { responseId: response.id, fileName: safeFileName(file.name), storageKey, size: file.bytes.byteLength, uploadedById: user?.id },
      });
      await audit(actor, { action: 'response.attachment.add', objectType: 'Attachment', objectId: attachment.id, after: { fileName: attachment.fileName, size: attachment.size } }, tx);
      return { id: attachment.id };
    });
  } catch (error) {
    // Nothing half-written: the file goes when its row does not come.
    await rm(storagePath(storageKey), { force: true });
    throw error;
  }
}

/** The organisation's members and staff read attachments; politicians once the response is submitted. */
export async function readAttachment(actor: Actor, attachmentId: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  const attachment = await db.attachment.findUnique({ where: { id: attachmentId }, include: { response: { select: { organisationId: true, status: true } } } });
  if (!attachment) return null;
  const member =
    actor.kind === 'user' &&
    (await db.membership.count({ where: { userId: actor.userId, organisationId: attachment.response.organisationId } })) > 0;
  const politician = actor.kind === 'user' && actor.role === 'POLITICIAN' && attachment.response.status === 'SUBMITTED';
  await authorize(actor, 'response.attachment.read', member || politician || isStaff(actor), { type: 'Attachment', id: attachmentId });
  return { fileName: attachment.fileName, bytes: await readFile(storagePath(attachment.storageKey)) };
}
