import 'server-only';
import type { Locale } from '@/lib/i18n/config';
import type { Actor } from '@/lib/server/actor';
import { describe } from '@/lib/server/audit-log/describe';
import { whereOf, type AuditFilter } from '@/lib/server/audit-log/filters';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the log, newest first, filtered, as staff read it. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter = {}, options: { page?: number; locale?: Locale } = {}) {
  await authorize(actor, 'audit.read');
  const where = await whereOf(filter);
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  return { events: await describe(rows, options.locale ?? 'da'), total, page, pages };
}

/** The organisations the filter offers. */
export async function auditOrganisations(actor: Actor) {
  await authorize(actor, 'audit.read');
  return db.organisation.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

