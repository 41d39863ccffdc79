import 'server-only';
import { createTranslator } from 'next-intl';
import { actionCodeOfMessageKey, actionMessageKey } from '@/lib/audit-actions';
import { copenhagenLocalToInstant, instantToCopenhagenLocal, TIME_ZONE } from '@/lib/deadline';
import { formatAmount } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import da from '@/lib/i18n/messages/da.json';
import en from '@/lib/i18n/messages/en.json';
import { XLSX_CONTENT_TYPE } from '@/lib/budget-spreadsheet/xlsx';
import { csvStream, xlsxStream } from '@/lib/exports/table';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import type { AuditEvent, Prisma } from '@/lib/generated/prisma/client';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';

// The audit log as staff read it: who (name, role, organisations), what (the action's name),
// on what (the object by its name) and which fields changed, in the reader's language. Ids stay
// available for the export, where an investigation may need them.

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

export const AUDIT_PAGE_SIZE = 50;

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
/** Messages without values are looked up once: an export formats the same few thousands of times. */
function memoised(translate: Translate): Translate {
  const texts = new Map<string, string>();
  const known = new Map<string, boolean>();
  const t = (key: string, values?: Record<string, string | number>) => {
    if (values) return translate(key, values);
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = translate(key)));
    return text;
  };
  t.has = (key: string) => {
    let has = known.get(key);
    if (has === undefined) known.set(key, (has = translate.has(key)));
    return has;
  };
  return t;
}
const translators: Record<Locale, Translate> = {
  da: memoised(createTranslator({ locale: 'da', messages: da }) as unknown as Translate),
  en: memoised(createTranslator({ locale: 'en', messages: en }) as unknown as Translate),
};

/** Every action code the app writes, known from the message files (see lib/audit-actions.test.ts). */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(da.audit.actions).map(actionCodeOfMessageKey);

export interface AuditActorView {
  id: string | null;
  name: string;
  email: string | null;
  role: string | null;
  organisations: string[];
}

export interface AuditEventView {
  id: string;
  at: Date;
  time: string;
  action: string;
  actionName: string;
  outcome: AuditOutcome;
  outcomeName: string;
  actor: AuditActorView;
  object: { type: string; typeName: string; id: string | null; label: string } | null;
  ip: string | null;
  changes: { field: string; before: string; after: string }[];
  details: { field: string; value: string }[];
}

// --- Filter --------------------------------------------------------------------------------

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

async function whereOf(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
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

// --- Names ---------------------------------------------------------------------------------

/** Fields of before/after/details that hold ids, and where their names are. */
const REFERENCES: Record<string, 'user' | 'organisation' | 'list' | 'consultation' | 'budget' | 'proposal'> = {
  userId: 'user',
  organisationId: 'organisation',
  added: 'organisation',
  removed: 'organisation',
  listId: 'list',
  consultationId: 'consultation',
  budgetId: 'budget',
  proposalIds: 'proposal',
};

type Names = Map<string, string>;

interface Context {
  t: Translate;
  locale: Locale;
  /** "kind:id" → name */
  names: Names;
}

const personName = (user: { name: string | null; email: string; erasedAt: Date | null }, t: Translate) =>
  user.erasedAt ? t('audit.erasedUser') : user.name || user.email;

function idsIn(value: unknown, out: Map<string, Set<string>>, field?: string) {
  if (Array.isArray(value)) {
    for (const item of value) idsIn(item, out, field);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) idsIn(inner, out, key);
    return;
  }
  const target = field ? REFERENCES[field] : undefined;
  if (target && typeof value === 'string') {
    if (!out.has(target)) out.set(target, new Set());
    out.get(target)!.add(value);
  }
}

const byKind = (out: Map<string, Set<string>>, kind: string) => [...(out.get(kind) ?? [])];

/** The names of everything the events refer to, in as few queries as there are kinds of object. */
async function loadNames(events: AuditEvent[], t: Translate) {
  const refs = new Map<string, Set<string>>();
  const add = (kind: string, id: string | null | undefined) => {
    if (!id) return;
    if (!refs.has(kind)) refs.set(kind, new Set());
    refs.get(kind)!.add(id);
  };
  for (const event of events) {
    add('user', event.actorId);
    for (const part of [event.before, event.after, event.details]) idsIn(part, refs);
    const id = event.objectId;
    switch (event.objectType) {
      case 'User': add('user', id); break;
      case 'Organisation': add('organisation', id); break;
      case 'Proposal': add('proposal', id); break;
      case 'Consultation': add('consultation', id); break;
      case 'Budget': add('budget', id); break;
      case 'BudgetList': add('list', id); break;
      case 'Committee': add('committee', id); break;
      case 'Response': add('response', id); break;
      case 'Invitation': add('invitation', id); break;
      case 'Attachment': add('attachment', id); break;
      case 'MinorityStatement': add('statement', id); break;
      case 'Moderation': add('moderation', id); break;
      case 'ConsultationDocument': add('document', id); break;
      case 'ConsultationParty': {
        const [consultationId, organisationId] = (id ?? '').split(':');
        add('consultation', consultationId);
        add('organisation', organisationId);
        break;
      }
    }
  }
  // Only the kinds of object these events name are queried.
  const load = <T,>(kind: string, query: (ids: { in: string[] }) => Promise<T[]>): Promise<T[]> => {
    const ids = byKind(refs, kind);
    return ids.length ? query({ in: ids }) : Promise.resolve([]);
  };
  const responseOf = { select: { organisation: { select: { name: true } }, consultation: { select: { title: true } } } } as const;
  const [users, organisations, proposals, consultations, budgets, lists, committees, responses, invitations, attachments, statements, moderations, documents] = await Promise.all([
    load('user', (id) =>
      db.user.findMany({
        where: { id },
        select: { id: true, name: true, email: true, role: true, erasedAt: true, memberships: { select: { organisation: { select: { name: true } } } } },
      }),
    ),
    load('organisation', (id) => db.organisation.findMany({ where: { id }, select: { id: true, name: true } })),
    load('proposal', (id) => db.proposal.findMany({ where: { id }, select: { id: true, code: true, title: true } })),
    load('consultation', (id) => db.consultation.findMany({ where: { id }, select: { id: true, title: true } })),
    load('budget', (id) => db.budget.findMany({ where: { id }, select: { id: true, name: true } })),
    load('list', (id) => db.budgetList.findMany({ where: { id }, select: { id: true, name: true } })),
    load('committee', (code) => db.committee.findMany({ where: { code }, select: { code: true, name: true } })),
    load('response', (id) => db.response.findMany({ where: { id }, select: { id: true, ...responseOf.select } })),
    load('invitation', (id) => db.invitation.findMany({ where: { id }, select: { id: true, email: true, organisation: { select: { name: true } } } })),
    load('attachment', (id) => db.attachment.findMany({ where: { id }, select: { id: true, fileName: true, response: responseOf } })),
    load('statement', (id) => db.minorityStatement.findMany({ where: { id }, select: { id: true, response: responseOf } })),
    load('moderation', (id) => db.moderation.findMany({ where: { id }, select: { id: true, response: responseOf } })),
    load('document', (id) => db.consultationDocument.findMany({ where: { id }, select: { id: true, title: true, consultation: { select: { title: true } } } })),
  ]);
  const names: Names = new Map();
  const set = (kind: string, id: string, name: string) => names.set(`${kind}:${id}`, name);
  const ofResponse = (r: { organisation: { name: string }; consultation: { title: string } }) => `${r.organisation.name} · ${r.consultation.title}`;
  for (const u of users) set('user', u.id, personName(u, t));
  for (const o of organisations) set('organisation', o.id, o.name);
  for (const p of proposals) set('proposal', p.id, `${p.code} ${p.title}`);
  for (const c of consultations) set('consultation', c.id, c.title);
  for (const b of budgets) set('budget', b.id, b.name);
  for (const l of lists) set('list', l.id, l.name);
  for (const c of committees) set('committee', c.code, c.name ? `${c.code} ${c.name}` : c.code);
  for (const r of responses) set('response', r.id, ofResponse(r));
  for (const i of invitations) set('invitation', i.id, [i.email, i.organisation?.name].filter(Boolean).join(' · '));
  for (const a of attachments) set('attachment', a.id, `${a.fileName} · ${ofResponse(a.response)}`);
  for (const s of statements) set('statement', s.id, ofResponse(s.response));
  for (const m of moderations) set('moderation', m.id, ofResponse(m.response));
  for (const d of documents) set('document', d.id, `${d.title} · ${d.consultation.title}`);
  return { names, users: new Map(users.map((u) => [u.id, u])) };
}

const OBJECT_KINDS: Record<string, string> = {
  User: 'user', Organisation: 'organisation', Proposal: 'proposal', Consultation: 'consultation', Budget: 'budget', BudgetList: 'list',
  Committee: 'committee', Response: 'response', Invitation: 'invitation', Attachment: 'attachment', MinorityStatement: 'statement',
  Moderation: 'moderation', ConsultationDocument: 'document',
};

function objectLabel(type: string, id: string | null, names: Names, t: Translate): string {
  if (!id) return '';
  if (type === 'ConsultationParty') {
    const [consultationId, organisationId] = id.split(':');
    const parts = [names.get(`organisation:${organisationId}`), names.get(`consultation:${consultationId}`)];
    return parts.every(Boolean) ? parts.join(' · ') : t('audit.removedObject');
  }
  const kind = OBJECT_KINDS[type];
  return (kind && names.get(`${kind}:${id}`)) ?? (kind ? t('audit.removedObject') : id);
}

// --- Values --------------------------------------------------------------------------------

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields holding an enum value, and where the message files name its values. */
const ENUMS: Record<string, string[]> = {
  role: ['auth.roles', 'membershipRoles'],
  status: ['consultations.phases'],
  type: ['orgTypes'],
  channel: ['consultations.channels'],
  kind: ['consultations.kinds'],
  outcome: ['audit.outcomes'],
};

const timeFormats = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' }),
};

function fieldName(field: string, t: Translate): string {
  return t.has(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field;
}

function isLine(value: unknown): value is { kind: string; type: string; year: number; amount: number } {
  return Boolean(value && typeof value === 'object' && 'kind' in value && 'year' in value && 'amount' in value);
}

/** One value as text: names for ids, Danish for enum values, Copenhagen time for instants. */
function formatAuditValue(field: string, value: unknown, ctx: Context): string {
  const { t } = ctx;
  if (value === null || value === undefined || value === '') return t('audit.none');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit.none');
    if (value.every(isLine)) return value.map((line) => `${t(`kinds.${line.kind}`)}, ${t(`types.${line.type}`)}, ${line.year}: ${formatAmount(line.amount)}`).join('; ');
    return value.map((item) => formatAuditValue(field, item, ctx)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([key, inner]) => `${fieldName(key, t)}: ${formatAuditValue(key, inner, ctx)}`).join('; ');
  }
  const text = String(value);
  if (field === 'action' && t.has(`audit.actions.${actionMessageKey(text)}`)) return t(`audit.actions.${actionMessageKey(text)}`);
  const reference = REFERENCES[field];
  if (reference) return ctx.names.get(`${reference}:${text}`) ?? text;
  const namespace = ENUMS[field]?.find((ns) => t.has(`${ns}.${text}`));
  if (namespace) return t(`${namespace}.${text}`);
  if (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return timeFormats[ctx.locale].format(new Date(text));
  return text;
}

const asRecord = (value: Prisma.JsonValue | null): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null ? {} : { value };

/** Fields whose value differs as before → after; fields the same on both sides are context, with the details. */
function changesOf(event: AuditEvent, ctx: Context) {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const changes: AuditEventView['changes'] = [];
  const details: AuditEventView['details'] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, is] = [formatAuditValue(field, before[field], ctx), formatAuditValue(field, after[field], ctx)];
    if (field in before && field in after && JSON.stringify(before[field]) === JSON.stringify(after[field])) details.push({ field: fieldName(field, ctx.t), value: is });
    else changes.push({ field: fieldName(field, ctx.t), before: field in before ? was : ctx.t('audit.none'), after: field in after ? is : ctx.t('audit.none') });
  }
  for (const [field, value] of Object.entries(asRecord(event.details))) details.push({ field: fieldName(field, ctx.t), value: formatAuditValue(field, value, ctx) });
  return { changes, details };
}

type LoadedUser = Awaited<ReturnType<typeof loadNames>>['users'] extends Map<string, infer U> ? U : never;

function actorOf(event: AuditEvent, users: Map<string, LoadedUser>, t: Translate): AuditActorView {
  if (!event.actorId) {
    return { id: null, name: t(event.actorRole === 'system' ? 'audit.system' : 'audit.anonymous'), email: null, role: null, organisations: [] };
  }
  const user = users.get(event.actorId);
  const role = event.actorRole && t.has(`auth.roles.${event.actorRole}`) ? t(`auth.roles.${event.actorRole}`) : event.actorRole;
  if (!user) return { id: event.actorId, name: t('audit.unknownUser'), email: null, role, organisations: [] };
  return {
    id: user.id,
    name: personName(user, t),
    email: user.erasedAt || !user.name ? null : user.email,
    role,
    organisations: user.memberships.map((m) => m.organisation.name).sort((a, b) => a.localeCompare(b, 'da')),
  };
}

async function describe(events: AuditEvent[], locale: Locale): Promise<AuditEventView[]> {
  const t = translators[locale];
  const { names, users } = await loadNames(events, t);
  const ctx: Context = { t, locale, names };
  return events.map((event) => {
    const key = `audit.actions.${actionMessageKey(event.action)}`;
    return {
      id: event.id.toString(),
      at: event.at,
      time: timeFormats[locale].format(event.at),
      action: event.action,
      actionName: t.has(key) ? t(key) : event.action,
      outcome: event.outcome,
      outcomeName: t(`audit.outcomes.${event.outcome}`),
      actor: actorOf(event, users, t),
      object: event.objectType
        ? {
            type: event.objectType,
            typeName: t.has(`audit.objectTypes.${event.objectType}`) ? t(`audit.objectTypes.${event.objectType}`) : event.objectType,
            id: event.objectId,
            label: objectLabel(event.objectType, event.objectId, names, t),
          }
        : null,
      ip: event.ip,
      ...changesOf(event, ctx),
    };
  });
}

// --- Reading -------------------------------------------------------------------------------

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
