import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { readStored, removeStored, storePdf } from '@/lib/server/file-storage';
import { authorize } from '@/lib/server/policy';

/** Staff attach a PDF to a consultation; it is public once the consultation is opened. */
export async function addConsultationDocument(actor: Actor, consultationId: string, input: { title: string; file: { name: string; bytes: Uint8Array } }): Promise<{ id: string }> {
  await authorize(actor, 'consultation.document.add', { object: { type: 'Consultation', id: consultationId } });
  return storePdf(input.file, (stored) =>
    db.$transaction(async (tx) => {
      await tx.consultation.findUniqueOrThrow({ where: { id: consultationId } });
      const document = await tx.consultationDocument.create({
        data: { consultationId, title: input.title, ...stored, uploadedById: actor.kind === 'user' ? actor.userId : null },
      });
      await audit(actor, { action: 'consultation.document.add', objectType: 'ConsultationDocument', objectId: document.id, after: { title: input.title, fileName: stored.fileName, size: stored.size } }, tx);
      return { id: document.id };
    }),
  );
}

export async function removeConsultationDocument(actor: Actor, documentId: string): Promise<void> {
  await authorize(actor, 'consultation.document.remove', { object: { type: 'ConsultationDocument', id: documentId } });
  const document = await db.$transaction(async (tx) => {
    const removed = await tx.consultationDocument.delete({ where: { id: documentId } });
    await audit(actor, { action: 'consultation.document.remove', objectType: 'ConsultationDocument', objectId: documentId, before: { title: removed.title, fileName: removed.fileName } }, tx);
    return removed;
  });
  await removeStored(document.storageKey);
}

/** Anyone reads the documents of a consultation that is no longer a draft; staff read them all. */
export async function readConsultationDocument(actor: Actor, documentId: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  const document = await db.consultationDocument.findUnique({ where: { id: documentId }, include: { consultation: { select: { status: true } } } });
  if (!document) return null;
  await authorize(actor, 'consultation.document.read', { consultation: document.consultation, object: { type: 'ConsultationDocument', id: documentId } });
  return { fileName: document.fileName, bytes: await readStored(document.storageKey) };
}
