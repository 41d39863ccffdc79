import 'server-only';
import { actionCodeOfMessageKey } from '@/lib/audit-actions';
import { copenhagenLocalToInstant } from '@/lib/deadline';
import da from '@/lib/i18n/messages/da.json';
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';

// The filter staff narrow the audit log with, as a query.

export interface AuditFilter {
  /** Part of a name or e-mail address: events the person did, or that concerned them. */
  person?: string;
  /** Events about the organisation, its responses and invitations, or by its members. */
  organisationId?: string;
  /** An action code, exactly. */
  action?: string;
  outcome?: AuditOutcome;
  /** First and last day (YYYY-MM-DD), inclusive, in Copenhagen time. */
  from?: string;
  to?: string;
}

/** Every action code the app writes, known from the message files (see lib/audit-actions.test.ts). */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(da.audit.actions).map(actionCodeOfMessageKey);

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight at the start of the day in Copenhagen (midnight always exists there: DST changes at 02:00). */
function startOfCopenhagenDay(day: string, plusDays = 0): Date | null {
  if (!ISO_DAY.test(day)) return null;
  const shifted = new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * DAY_MS);
  if (Number.isNaN(shifted.getTime())) return null;
  try {
    return copenhagenLocalToInstant(`${shifted.toISOString().slice(0, 10)}T00:00`);
  } catch {
    return null;
  }
}

/** The ids of objects that belong to the organisation, by the type the audit log names them with. */
async function organisationScope(organisationId: string): Promise<Prisma.AuditEventWhereInput[]> {
  const [responses, invitations, members] = await Promise.all([
    db.response.findMany({
      where: { organisationId },
      select: { id: true, attachments: { select: { id: true } }, minorityStatements: { select: { id: true } }, moderations: { select: { id: true } } },
    }),
    db.invitation.findMany({ where: { organisationId }, select: { id: true } }),
    db.membership.findMany({ where: { organisationId }, select: { userId: true } }),
  ]);
  const objects = (objectType: string, ids: string[]) => ({ objectType, objectId: { in: ids } });
  return [
    { objectType: 'Organisation', objectId: organisationId },
    { objectType: 'ConsultationParty', objectId: { endsWith: `:${organisationId}` } },
    objects('Response', responses.map((r) => r.id)),
    objects('Attachment', responses.flatMap((r) => r.attachments.map((a) => a.id))),
    objects('MinorityStatement', responses.flatMap((r) => r.minorityStatements.map((s) => s.id))),
    objects('Moderation', responses.flatMap((r) => r.moderations.map((m) => m.id))),
    objects('Invitation', invitations.map((i) => i.id)),
    // An invitation removed by its recipient's erasure is still the organisation's in its event.
    { objectType: 'Invitation', after: { path: ['organisationId'], equals: organisationId } },
    { actorId: { in: members.map((m) => m.userId) } },
  ];
}

export async function whereOf(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.action) and.push({ action: filter.action });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  const from = filter.from ? startOfCopenhagenDay(filter.from) : null;
  const to = filter.to ? startOfCopenhagenDay(filter.to, 1) : null;
  if (from) and.push({ at: { gte: from } });
  if (to) and.push({ at: { lt: to } });
  if (filter.person) {
    const text = { contains: filter.person, mode: 'insensitive' as const };
    const people = await db.user.findMany({ where: { OR: [{ name: text }, { email: text }] }, select: { id: true }, take: 500 });
    const ids = people.map((p) => p.id);
    and.push({ OR: [{ actorId: { in: ids } }, { objectType: 'User', objectId: { in: ids } }] });
  }
  if (filter.organisationId) and.push({ OR: await organisationScope(filter.organisationId) });
  return { AND: and };
}
