import 'server-only';
import { db } from '@/lib/server/db';
import type { Translate } from '@/lib/server/audit-log/describe';
import type { AuditEvent } from '@/lib/generated/prisma/client';

// The names of the people and objects audit events refer to by id.

/** Fields of before/after/details that hold ids, and where their names are. */
export const REFERENCES: Record<string, 'user' | 'organisation' | 'list' | 'consultation' | 'budget' | 'proposal'> = {
  userId: 'user',
  organisationId: 'organisation',
  added: 'organisation',
  removed: 'organisation',
  listId: 'list',
  consultationId: 'consultation',
  budgetId: 'budget',
  proposalIds: 'proposal',
};

export type Names = Map<string, string>;

export const personName = (user: { name: string | null; email: string; erasedAt: Date | null }, t: Translate) =>
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
export async function loadNames(events: AuditEvent[], t: Translate) {
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

export function objectLabel(type: string, id: string | null, names: Names, t: Translate): string {
  if (!id) return '';
  if (type === 'ConsultationParty') {
    const [consultationId, organisationId] = id.split(':');
    const parts = [names.get(`organisation:${organisationId}`), names.get(`consultation:${consultationId}`)];
    return parts.every(Boolean) ? parts.join(' · ') : t('audit.removedObject');
  }
  const kind = OBJECT_KINDS[type];
  return (kind && names.get(`${kind}:${id}`)) ?? (kind ? t('audit.removedObject') : id);
}

