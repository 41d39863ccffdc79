import 'server-only';
import { createTranslator } from 'next-intl';
import { actionMessageKey } from '@/lib/audit-actions';
import { TIME_ZONE } from '@/lib/deadline';
import { formatAmount } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import da from '@/lib/i18n/messages/da.json';
import en from '@/lib/i18n/messages/en.json';
import { loadNames, objectLabel, personName, REFERENCES, type Names } from '@/lib/server/audit-log/names';
import type { AuditEvent, Prisma } from '@/lib/generated/prisma/client';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';

// The audit log as staff read it: who (name, role, organisations), what (the action's name),
// on what (the object by its name) and which fields changed, in the reader's language. Ids stay
// available for the export, where an investigation may need them.

export type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
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
export const translators: Record<Locale, Translate> = {
  da: memoised(createTranslator({ locale: 'da', messages: da }) as unknown as Translate),
  en: memoised(createTranslator({ locale: 'en', messages: en }) as unknown as Translate),
};

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

interface Context {
  t: Translate;
  locale: Locale;
  /** "kind:id" → name */
  names: Names;
}

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

export async function describe(events: AuditEvent[], locale: Locale): Promise<AuditEventView[]> {
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

