import 'server-only';
import { responseStatus, type ResponseStatus } from '@/lib/insight/status';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { authorize, mayReadConsultation } from '@/lib/server/policy';
import { cachedRead } from '@/lib/server/read-cache';

/**
 * Who of the consultation's parties has submitted a response and who has not, per organisation
 * type, the bodies that must be heard first (lib/insight/status.ts): for the council's overview
 * and the høringsnotat. Null when the consultation does not exist or is not yet opened for the
 * actor; refused for those who read only the published responses.
 */
export async function getResponseStatus(actor: Actor, consultationId: string): Promise<ResponseStatus | null> {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, status: true } });
  if (!consultation || !mayReadConsultation(actor, consultation)) return null;
  await authorize(actor, 'consultation.status.read', { consultation, object: { type: 'Consultation', id: consultationId } });
  return statusOf(consultationId);
}

// The same for everyone allowed to read it, and changed only by the parties, their names and
// submissions: cached (read-cache.ts).
const statusOf = cachedRead('responseStatus', ['consultation'], async (consultationId: string) => {
  const [parties, responses] = await Promise.all([
    db.consultationParty.findMany({ where: { consultationId }, select: { organisationId: true, organisation: { select: { name: true, type: true } } } }),
    db.response.findMany({ where: { consultationId, status: 'SUBMITTED' }, select: { organisationId: true } }),
  ]);
  return responseStatus(
    parties.map((p) => ({ organisationId: p.organisationId, name: p.organisation.name, type: p.organisation.type })),
    responses.map((r) => r.organisationId),
  );
});
