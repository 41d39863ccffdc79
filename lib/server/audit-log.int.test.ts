import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { exportAuditLog } from '@/lib/server/audit-log/export';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/server/audit-log/query';
import { db } from '@/lib/server/db';

afterAll(() => db.$disconnect());

const unique = randomUUID().slice(0, 8);
const asActor = (user: { id: string; role: 'ADMIN' | 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER' }): Actor => ({ kind: 'user', userId: user.id, role: user.role });

let staff: Actor;
let staffName: string;
let member: { id: string; name: string };
let erased: { id: string };
let organisation: { id: string; name: string };
let other: { id: string; name: string };
let lists: { from: { id: string; name: string }; to: { id: string; name: string } };
let proposal: { id: string };
let consultation: { id: string; title: string };
let responseId: string;

beforeAll(async () => {
  staffName = `Birgitte Budget ${unique}`;
  const staffUser = await db.user.create({ data: { email: `audit-staff-${unique}@example.test`, name: staffName, role: 'STAFF' } });
  staff = asActor(staffUser);
  organisation = await db.organisation.create({ data: { name: `Auditrådet ${unique}`, type: 'SENIOR_COUNCIL' } });
  other = await db.organisation.create({ data: { name: `Andetrådet ${unique}`, type: 'OTHER' } });
  member = await db.user.create({ data: { email: `karen-${unique}@example.test`, name: `Karen Sørensen ${unique}`, role: 'PARTY_MEMBER' } }) as { id: string; name: string };
  await db.membership.create({ data: { userId: member.id, organisationId: organisation.id, role: 'SUBMITTER' } });
  erased = await db.user.create({ data: { email: `erased-${unique}@erased.invalid`, name: null, role: 'PARTY_MEMBER', erasedAt: new Date() } });

  const budget = await db.budget.create({ data: { name: `Auditbudget ${unique}`, years: [2026] } });
  lists = {
    from: await db.budgetList.create({ data: { budgetId: budget.id, name: `Indarbejdes ${unique}`, position: 0, incorporated: true } }),
    to: await db.budgetList.create({ data: { budgetId: budget.id, name: `Indarbejdes ikke ${unique}`, position: 1, incorporated: false } }),
  };
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: lists.from.id, committeeCode: 'ØU', code: 'ØU77', title: `Færre kopier ${unique}`, summary: '', position: 0 } });
  consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${unique}`, deadline: new Date(Date.now() + 86_400_000) } });
  const response = await db.response.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  responseId = response.id;

  await audit(asActor({ id: member.id, role: 'PARTY_MEMBER' }), { action: 'response.submit', objectType: 'Response', objectId: responseId, after: { version: 1, receipt: 'BH-000001', channel: 'ONLINE' } });
  await audit(staff, { action: 'proposal.move', objectType: 'Proposal', objectId: proposal.id, before: { listId: lists.from.id }, after: { listId: lists.to.id }, details: { reason: 'Politisk aftale' } });
  await audit(staff, { action: 'organisation.update', objectType: 'Organisation', objectId: organisation.id, before: { name: 'Gammelt navn', type: 'OTHER' }, after: { name: organisation.name, type: 'SENIOR_COUNCIL' } });
  await audit(staff, { action: 'organisation.update', objectType: 'Organisation', objectId: other.id, before: { name: 'X', type: 'OTHER' }, after: { name: other.name, type: 'OTHER' } });
  await audit(asActor({ id: erased.id, role: 'PARTY_MEMBER' }), { action: 'auth.sign_in', objectType: 'User', objectId: erased.id, details: { provider: 'email' } });
});

describe('the audit log as staff read it', () => {
  it('names the actor with their organisations, the action in Danish and the object by its name', async () => {
    const { events, total } = await listAuditEvents(staff, { person: member.name });
    expect(total).toBe(1);
    expect(events[0]).toMatchObject({
      action: 'response.submit',
      actionName: 'Indsend høringssvar',
      outcomeName: 'Udført',
      actor: { id: member.id, name: member.name, email: `karen-${unique}@example.test`, role: 'Høringspart', organisations: [organisation.name] },
      object: { type: 'Response', typeName: 'Høringssvar', id: responseId, label: `${organisation.name} · ${consultation.title}` },
    });
    // PostgreSQL's jsonb keeps keys in its own order.
    expect(events[0]!.changes).toHaveLength(3);
    expect(events[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'Version', before: '–', after: '1' },
        { field: 'Kvittering', before: '–', after: 'BH-000001' },
        { field: 'Modtaget som', before: '–', after: 'indsendt i Budgethøring' },
      ]),
    );
  });

  it('shows a change as field: before → after, with ids resolved to names and enum values in Danish', async () => {
    const { events } = await listAuditEvents(staff, { person: staffName, action: 'proposal.move' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actionName: 'Flyt forslag',
      object: { typeName: 'Forslag', label: `ØU77 Færre kopier ${unique}` },
      changes: [{ field: 'Liste', before: lists.from.name, after: lists.to.name }],
      details: [{ field: 'Begrundelse', value: 'Politisk aftale' }],
    });
    const english = await listAuditEvents(staff, { person: staffName, action: 'proposal.move' }, { locale: 'en' });
    expect(english.events[0]).toMatchObject({ actionName: 'Move a proposal', changes: [{ field: 'List' }] });
  });

  it('shows an erased user as such, without their former address', async () => {
    const { events } = await listAuditEvents(staff, { person: `erased-${unique}` });
    expect(events.map((e) => e.actor)).toEqual([{ id: erased.id, name: 'Slettet bruger (pseudonymiseret)', email: null, role: 'Høringspart', organisations: [] }]);
    expect(events[0]!.object?.label).toBe('Slettet bruger (pseudonymiseret)');
  });

  it('filters by organisation: events about it and by its members, not about another one', async () => {
    const { events } = await listAuditEvents(staff, { organisationId: organisation.id });
    const mine = events.filter((e) => e.object?.id === organisation.id || e.object?.id === responseId);
    expect(mine.map((e) => e.action).sort()).toEqual(['organisation.update', 'response.submit']);
    expect(events.some((e) => e.object?.id === other.id)).toBe(false);
    const changes = events.find((e) => e.action === 'organisation.update')?.changes ?? [];
    expect(changes.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'Navn', before: 'Gammelt navn', after: organisation.name },
      { field: 'Type', before: 'Anden', after: 'Ældreråd' },
    ]);
  });

  it('filters by period in Copenhagen time: the first and last day count whole', async () => {
    // 22:30 UTC on 29 March 2026 is 00:30 on 30 March in Copenhagen (summer time began that night).
    const objectId = `period-${unique}`;
    await db.auditEvent.create({ data: { at: new Date('2026-03-29T22:30:00Z'), actorId: member.id, actorRole: 'PARTY_MEMBER', action: 'response.edit', outcome: 'SUCCESS', objectType: 'Test', objectId } });
    const found = async (from?: string, to?: string) => (await listAuditEvents(staff, { person: member.name, action: 'response.edit', from, to })).events.map((e) => e.object?.id);
    expect(await found('2026-03-30', '2026-03-30')).toEqual([objectId]);
    expect(await found(undefined, '2026-03-29')).toEqual([]);
    expect(await found('2026-03-31')).toEqual([]);
  });

  it('pages through the events, newest first', async () => {
    const pager: Actor = asActor(await db.user.create({ data: { email: `pager-${unique}@example.test`, name: `Pia Pager ${unique}`, role: 'STAFF' } }));
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) await audit(pager, { action: 'committee.rename', objectType: 'Committee', objectId: `K${i}` });
    const first = await listAuditEvents(staff, { person: `Pia Pager ${unique}` });
    expect([first.total, first.page, first.pages, first.events.length]).toEqual([AUDIT_PAGE_SIZE + 3, 1, 2, AUDIT_PAGE_SIZE]);
    expect(first.events[0]!.object?.id).toBe(`K${AUDIT_PAGE_SIZE + 2}`);
    const second = await listAuditEvents(staff, { person: `Pia Pager ${unique}` }, { page: 99 });
    expect([second.page, second.events.map((e) => e.object?.id)]).toEqual([2, ['K2', 'K1', 'K0']]);
  });

  it('is refused to everyone but staff, and the refusal is logged', async () => {
    const politician = asActor(await db.user.create({ data: { email: `audit-pol-${unique}@example.test`, role: 'POLITICIAN' } }));
    const memberActor = asActor({ id: member.id, role: 'PARTY_MEMBER' });
    for (const actor of [politician, memberActor, { kind: 'anonymous' } as Actor]) {
      await expect(listAuditEvents(actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(exportAuditLog(actor, {}, 'csv')).rejects.toMatchObject({ code: 'forbidden' });
    }
    const denied = await db.auditEvent.findMany({ where: { actorId: politician.kind === 'user' ? politician.userId : '' }, orderBy: { id: 'asc' } });
    expect(denied.map((e) => [e.action, e.outcome])).toEqual([['audit.read', 'DENIED'], ['audit.export', 'DENIED']]);
  });
});

describe('the export of the filtered log', () => {
  it('writes the filtered events as CSV and XLSX, in Danish, and audits the export', async () => {
    const csv = await new Response((await exportAuditLog(staff, { person: staffName, action: 'proposal.move' }, 'csv')).body).text();
    const [header, ...rows]: string[][] = parse(csv, { bom: true, delimiter: ';', record_delimiter: '\r\n' });
    expect(header!.join(';')).toBe('Tidspunkt;Bruger;E-mailadresse;Rolle;Høringsparter;Handling;Udfald;Objekttype;Objekt;Fra IP-adresse;Ændring;Detaljer;Handlingskode;Bruger-id;Objekt-id');
    expect(rows).toHaveLength(1);
    const line = rows[0]!.join(';');
    expect(line).toContain(`;${staffName};audit-staff-${unique}@example.test;Budgetkontoret;;Flyt forslag;Udført;Forslag;ØU77 Færre kopier ${unique};`);
    expect(line).toContain(`Liste: ${lists.from.name} → ${lists.to.name}`);
    expect(line).toContain(`;proposal.move;${staff.kind === 'user' ? staff.userId : ''};${proposal.id}`);

    const file = await exportAuditLog(staff, { organisationId: organisation.id }, 'xlsx');
    expect(file.fileName).toMatch(/^auditlog-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await new Response(file.body).arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const actions = sheet.getColumn(13).values.slice(2);
    expect(actions).toEqual(expect.arrayContaining(['response.submit', 'organisation.update']));
    expect(actions.length).toBeGreaterThanOrEqual(2);

    const { events } = await listAuditEvents(staff, { person: staffName, action: 'audit.export' });
    expect(events.map((e) => e.details.find((d) => d.field === 'Format')?.value)).toEqual(['xlsx', 'csv']);
    expect(events[1]!.details).toContainEqual({ field: 'Rækker', value: '1' });
    expect(events[0]!.details).toContainEqual({ field: 'Filter', value: `Høringspart: ${organisation.name}` });
  });
});
