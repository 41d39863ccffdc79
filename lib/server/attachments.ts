import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { readStored, storePdf } from '@/lib/server/file-storage';
import { authorize, mayReadConsultation } from '@/lib/server/policy';
import { editableDraft, type ResponseKey } from '@/lib/server/responses/access';

export async function addAttachment(actor: Actor, key: ResponseKey, file: { name: string; bytes: Uint8Array }): Promise<{ id: string }> {
  return storePdf(file, (stored) =>
    db.$transaction(async (tx) => {
      const { response, user } = await editableDraft(actor, key, tx, 'response.attachment.add');
      const attachment = await tx.attachment.create({ data: { responseId: response.id, ...stored, uploadedById: user?.id } });
      await audit(actor, { action: 'response.attachment.add', objectType: 'Attachment', objectId: attachment.id, after: { fileName: attachment.fileName, size: attachment.size } }, tx);
      return { id: attachment.id };
    }),
  );
}

/** The organisation's members and staff read attachments; politicians once the response is submitted. */
export async function readAttachment(actor: Actor, attachmentId: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    include: { response: { select: { organisationId: true, status: true, consultation: { select: { status: true } } } } },
  });
  if (!attachment || !mayReadConsultation(actor, attachment.response.consultation)) return null;
  await authorize(actor, 'response.attachment.read', { organisationId: attachment.response.organisationId, response: attachment.response, object: { type: 'Attachment', id: attachmentId } });
  return { fileName: attachment.fileName, bytes: await readStored(attachment.storageKey) };
}
