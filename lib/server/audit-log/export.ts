import 'server-only';
import { instantToCopenhagenLocal } from '@/lib/deadline';
import type { Locale } from '@/lib/i18n/config';
import { XLSX_CONTENT_TYPE } from '@/lib/budget-spreadsheet/xlsx';
import { csvStream, xlsxStream } from '@/lib/exports/table';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { describe, translators, type AuditEventView } from '@/lib/server/audit-log/describe';
import { whereOf, type AuditFilter } from '@/lib/server/audit-log/filters';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import type { Prisma } from '@/lib/generated/prisma/client';

const EXPORT_BATCH = 1000;

/** Every event the filter matches, oldest first, in batches whose names are loaded together. */
async function* eventBatches(where: Prisma.AuditEventWhereInput, locale: Locale): AsyncGenerator<AuditEventView[]> {
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: after === undefined ? where : { AND: [where, { id: { gt: after } }] }, orderBy: { id: 'asc' }, take: EXPORT_BATCH });
    if (rows.length > 0) yield await describe(rows, locale);
    if (rows.length < EXPORT_BATCH) return;
    after = rows.at(-1)!.id;
  }
}

export const AUDIT_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const EXPORT_COLUMNS = ['colTime', 'colActor', 'colEmail', 'colRole', 'colOrganisations', 'colAction', 'colOutcome', 'colObjectType', 'colObject', 'colFrom', 'colChange', 'colDetails', 'colCode', 'colActorId', 'colObjectId'] as const;
const EXPORT_WIDTHS = [20, 28, 30, 16, 30, 30, 10, 18, 40, 16, 60, 40, 26, 28, 28];

function exportRow(event: AuditEventView): string[] {
  return [
    event.time,
    event.actor.name,
    event.actor.email ?? '',
    event.actor.role ?? '',
    event.actor.organisations.join(', '),
    event.actionName,
    event.outcomeName,
    event.object?.typeName ?? '',
    event.object?.label ?? '',
    event.ip ?? '',
    event.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join('\n'),
    event.details.map((d) => `${d.field}: ${d.value}`).join('\n'),
    event.action,
    event.actor.id ?? '',
    event.object?.id ?? '',
  ];
}

/**
 * The filtered log as a file, in Danish, for staff. The file is written while it is sent, one
 * batch of events at a time as the client reads, so a long log neither waits for its last row
 * nor sits in memory whole. The export is audited when it starts, with the number of events.
 */
export async function exportAuditLog(actor: Actor, filter: AuditFilter, format: AuditExportFormat) {
  await authorize(actor, 'audit.export');
  const t = translators.da;
  const where = await whereOf(filter);
  const rows = await db.auditEvent.count({ where });
  const filterDetails = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  await audit(actor, { action: 'audit.export', details: { format, rows, filter: filterDetails } });
  // Up to the events that existed when the export was audited, so that it does not list itself.
  const last = await db.auditEvent.findFirst({ where, orderBy: { id: 'desc' }, select: { id: true } });
  const batches = (async function* () {
    if (!last) return;
    for await (const events of eventBatches({ AND: [where, { id: { lte: last.id } }] }, 'da')) yield events.map(exportRow);
  })();
  const header = EXPORT_COLUMNS.map((column) => t(`audit.${column}`));
  const day = instantToCopenhagenLocal(new Date()).slice(0, 10);
  return {
    fileName: `${t('audit.fileName', { date: day })}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_CONTENT_TYPE,
    body: format === 'csv' ? csvStream(header, batches) : xlsxStream(header, batches, { sheetName: t('audit.sheet'), widths: EXPORT_WIDTHS }),
  };
}
