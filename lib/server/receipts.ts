import 'server-only';
import { effectiveDeadline, isBeforeDeadline } from '@/lib/deadline';
import { phaseAllows } from '@/lib/consultation-phases';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { displayName } from '@/lib/server/personal-data';
import { authorize, mayReadConsultation } from '@/lib/server/policy';
import type { ResponseKey } from '@/lib/server/responses/access';
import { receiptNumber, receiptPdf } from '@/lib/server/responses/receipt';
import { parseSnapshot } from '@/lib/submission-snapshot';

/**
 * One submitted version of a response with its receipt, for the receipt page and its PDF: read
 * by the organisation's members and staff (response.read), null when there is no such version
 * or the consultation is not opened.
 */
async function submission(actor: Actor, key: ResponseKey, version: number) {
  await authorize(actor, 'response.read', { organisationId: key.organisationId, object: { type: 'Organisation', id: key.organisationId } });
  if (!Number.isSafeInteger(version) || version < 1) return null;
  const found = await db.submission.findFirst({
    where: { version, response: key },
    include: {
      submittedBy: { select: { name: true, email: true, erasedAt: true } },
      response: { include: { consultation: true, organisation: { select: { name: true } } } },
    },
  });
  if (!found || !mayReadConsultation(actor, found.response.consultation)) return null;
  return found;
}

/** What the receipt page shows: number, time, who submitted, and what happens next. */
export async function getReceipt(actor: Actor, key: ResponseKey, version: number) {
  const found = await submission(actor, key, version);
  if (!found) return null;
  const { consultation } = found.response;
  const party = await db.consultationParty.findUnique({ where: { consultationId_organisationId: key } });
  const deadline = effectiveDeadline(consultation.deadline, party?.deadlineExtension);
  const latest = await db.submission.findFirst({ where: { responseId: found.responseId }, orderBy: { version: 'desc' }, select: { version: true } });
  return {
    receiptNumber: receiptNumber(found.id),
    version: found.version,
    latest: latest?.version === found.version,
    submittedAt: found.submittedAt,
    submittedBy: displayName(found.submittedBy),
    consultationTitle: consultation.title,
    organisationName: found.response.organisation.name,
    deadline,
    open: phaseAllows('responses', consultation.status) && isBeforeDeadline(new Date(), deadline),
    publishedAt: consultation.publishedAt,
    publicationConsent: parseSnapshot(found.snapshot).publicationConsent,
  };
}

/** The receipt's PDF copy, the same document the receipt mail attaches. */
export async function getReceiptPdf(actor: Actor, key: ResponseKey, version: number): Promise<{ fileName: string; bytes: Buffer } | null> {
  const found = await submission(actor, key, version);
  if (!found) return null;
  const receipt = receiptNumber(found.id);
  const snapshot = parseSnapshot(found.snapshot);
  const pdf = await receiptPdf({
    receipt,
    organisationName: found.response.organisation.name,
    consultationTitle: found.response.consultation.title,
    version: found.version,
    submittedAt: found.submittedAt,
    submitter: displayName(found.submittedBy) ?? snapshot.submittedBy,
    snapshot,
  });
  return { fileName: `kvittering-${receipt}.pdf`, bytes: Buffer.from(pdf) };
}
