// The access-control matrix: every server action and route handler, called as a direct POST or
// GET would call it (no UI, no proxy), by every role, against the real database. A new action
// or route without rows here fails the completeness test at the bottom.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { readBudgetDocument } from '@/lib/budget-document/parse';
import { documentHash } from '@/lib/server/budget-import';
import { db } from '@/lib/server/db';
import { hashToken } from '@/lib/server/tokens';
import type { FormState } from '@/lib/form-state';
import { buildBudgetDocument, sampleSummary } from '@/test/budget-document-builder';
import { exportedEntryPoints, loadAppModule } from '@/test/entry-points';
import { PDF } from '@/test/pdf-fixtures';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/server/session', () => ({ currentActor: async () => session.actor, currentUser: async () => null }));
vi.mock('@/lib/server/auth', () => ({
  EMAIL_PROVIDER: 'email',
  OIDC_PROVIDER: 'entra',
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: { GET: async () => new Response(null, { status: 200 }), POST: async () => new Response(null, { status: 200 }) },
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
class Redirect extends Error {}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn() }),
  headers: async () => new Headers({ 'x-budgethoering-peer': `10.${Math.floor(Math.random() * 250)}.0.1`, 'user-agent': 'access-control-test' }),
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));

type Role = 'anonymous' | 'editor' | 'submitter' | 'politician' | 'staff' | 'admin';
const ROLES: Role[] = ['anonymous', 'editor', 'submitter', 'politician', 'staff', 'admin'];
/**
 * own: the actor's own organisation or self; other: another organisation's object or another
 * user; unpublished: the own organisation's response in a consultation not yet opened;
 * submitted: the own organisation's submitted response in an open consultation, which nothing
 * may change until it is reopened.
 */
type Scope = 'own' | 'other' | 'unpublished' | 'submitted';
/** closed: let through the authorization, then refused by a rule of the object's state or of the input. */
type Outcome = 'allow' | 'deny' | 'closed';

interface World {
  actors: Record<Role, Actor>;
  ownOrganisationId: string;
  otherOrganisationId: string;
  userIdOf: Record<Role, string | null>;
  otherUserId: string;
  unique: () => string;
  openConsultationId: string;
  draftConsultationId: string;
  submittedConsultationId: string;
  proposalId: string;
}

let world: World;

async function createUser(role: 'ADMIN' | 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER', organisationId?: string, membership?: 'EDITOR' | 'SUBMITTER') {
  const user = await db.user.create({ data: { email: `acl-${randomUUID()}@example.test`, role } });
  if (organisationId && membership) await db.membership.create({ data: { userId: user.id, organisationId, role: membership } });
  return user;
}

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  const own = await db.organisation.create({ data: { name: `ACL egen ${suffix}`, type: 'SENIOR_COUNCIL' } });
  const other = await db.organisation.create({ data: { name: `ACL anden ${suffix}`, type: 'SCHOOL_BOARD' } });
  const editor = await createUser('PARTY_MEMBER', own.id, 'EDITOR');
  const submitter = await createUser('PARTY_MEMBER', own.id, 'SUBMITTER');
  const politician = await createUser('POLITICIAN');
  const staff = await createUser('STAFF');
  const admin = await createUser('ADMIN');
  const otherMember = await createUser('PARTY_MEMBER', other.id, 'EDITOR');
  const actor = (user: { id: string; role: 'ADMIN' | 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER' }): Actor => ({ kind: 'user', userId: user.id, role: user.role });
  const budget = await db.budget.create({ data: { name: `ACL ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Liste', position: 0, incorporated: true } });
  await db.budgetList.create({ data: { budgetId: budget.id, name: 'Anden liste', position: 1, incorporated: false } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  const proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code: 'ØU01', title: 'Forslag', summary: 'Resumé', position: 0 } });
  const consultation = (status: 'OPEN' | 'DRAFT') =>
    db.consultation.create({ data: { budgetId: budget.id, title: `ACL ${status}`, status, deadline: new Date(Date.now() + 86_400_000) } });
  const [open, draft, submitted] = [await consultation('OPEN'), await consultation('DRAFT'), await consultation('OPEN')];
  await db.consultationParty.createMany({
    data: [
      { consultationId: open.id, organisationId: own.id },
      { consultationId: open.id, organisationId: other.id },
      { consultationId: draft.id, organisationId: own.id },
      { consultationId: submitted.id, organisationId: own.id },
    ],
  });
  // The own organisation's submitted response: nothing may change it until it is reopened.
  const submittedResponse = await db.response.create({ data: { consultationId: submitted.id, organisationId: own.id, status: 'SUBMITTED', generalRemarks: 'Indsendt' } });
  await db.submission.create({ data: { responseId: submittedResponse.id, version: 1, submittedById: submitter.id, snapshot: { generalRemarks: 'Indsendt', publicationConsent: false, answers: [], minorityStatements: [], attachments: [], submittedBy: null } } });
  // Each organisation's draft holds an attachment, for the download route's rows.
  for (const organisationId of [own.id, other.id]) {
    const response = await db.response.create({ data: { consultationId: open.id, organisationId } });
    const storageKey = `acl-${randomUUID()}.pdf`;
    const directory = path.resolve(process.env.ATTACHMENT_DIR ?? '.data/attachments');
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, storageKey), '%PDF-1.4\n%%EOF\n');
    await db.attachment.create({ data: { responseId: response.id, fileName: 'bilag.pdf', storageKey, size: 15 } });
  }
  world = {
    openConsultationId: open.id,
    draftConsultationId: draft.id,
    submittedConsultationId: submitted.id,
    proposalId: proposal.id,
    actors: { anonymous: { kind: 'anonymous' }, editor: actor(editor), submitter: actor(submitter), politician: actor(politician), staff: actor(staff), admin: actor(admin) },
    ownOrganisationId: own.id,
    otherOrganisationId: other.id,
    userIdOf: { anonymous: null, editor: editor.id, submitter: submitter.id, politician: politician.id, staff: staff.id, admin: admin.id },
    otherUserId: otherMember.id,
    unique: () => randomUUID().slice(0, 8),
  };
});
afterAll(() => db.$disconnect());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/**
 * deny: the action reports "forbidden" or the route answers 401/403. allow: the call succeeded (a
 * success state, a saved autosave, a redirect, a 2xx/3xx answer, or an action that returns
 * nothing). closed: let through the authorization, then refused by a rule of the object's state or
 * of the input. A failure nobody foresaw fails the cell.
 */
async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof Redirect) return 'allow';
    throw error;
  }
  if (result instanceof Response) {
    if (result.status === 401 || result.status === 403) return 'deny';
    if (result.status >= 500) throw new Error(`Server error ${result.status}`);
    return result.status < 400 ? 'allow' : 'closed';
  }
  if (result === undefined) return 'allow';
  const refusal =
    isFormState(result) ? (result.status === 'error' ? (result.formError ?? JSON.stringify(result.fieldErrors)) : null)
    : isAutosaveResult(result) ? (result.ok ? null : (result.error ?? 'forms.unexpected'))
    : `an answer of unknown shape: ${JSON.stringify(result)}`;
  if (refusal === null) return 'allow';
  if (refusal === 'forms.forbidden') return 'deny';
  if (refusal === 'forms.unexpected' || refusal.startsWith('an answer')) throw new Error(`Unexpected failure: ${JSON.stringify(result)}`);
  return 'closed';
}
const isFormState = (value: unknown): value is FormState => typeof value === 'object' && value !== null && 'status' in value;
const isAutosaveResult = (value: unknown): value is { ok: boolean; error?: string } => typeof value === 'object' && value !== null && 'ok' in value;

const members = (allowed: Outcome, ...roles: Role[]) =>
  Object.fromEntries(ROLES.map((role) => [role, roles.includes(role) ? allowed : 'deny'])) as Record<Role, Outcome>;
const everyone = (outcome: Outcome) => Object.fromEntries(ROLES.map((role) => [role, outcome])) as Record<Role, Outcome>;
const only = (...roles: Role[]) => Object.fromEntries(ROLES.map((role) => [role, roles.includes(role) ? 'allow' : 'deny'])) as Record<Role, Outcome>;
const signedIn = only('editor', 'submitter', 'politician', 'staff', 'admin');

interface Row {
  /** "<file under app/>#<export>" */
  target: string;
  expect: Partial<Record<Scope, Record<Role, Outcome>>>;
  call: (scope: Scope, role: Role) => Promise<unknown>;
}

const idle: FormState = { status: 'idle' };
const load = loadAppModule;
type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Handler = (request?: Request) => Promise<Response>;

async function pendingInvitation(): Promise<string> {
  const token = randomUUID() + randomUUID();
  await db.invitation.create({
    data: { tokenHash: hashToken(token), email: `invitee-${world.unique()}@example.test`, role: 'PARTY_MEMBER', organisationId: world.ownOrganisationId, membershipRole: 'EDITOR', expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return token;
}

/** The response a scope points at: the own organisation's or another's, in an open or a draft consultation. */
const responseKey = (scope: Scope) => ({
  consultationId: scope === 'unpublished' ? world.draftConsultationId : scope === 'submitted' ? world.submittedConsultationId : world.openConsultationId,
  organisationId: scope === 'other' ? world.otherOrganisationId : world.ownOrganisationId,
});
/** Every change to a response: the members of the organisation, while it is a draft in an open consultation. */
const responseScopes = (own: Record<Role, Outcome>) => ({ own, other: everyone('deny'), unpublished: members('closed', 'editor', 'submitter'), submitted: members('closed', 'editor', 'submitter') });

/** A minority statement in the scope's response, written by the acting member (by another user for everyone else). */
async function minorityStatementIn(scope: Scope, role: Role): Promise<string> {
  const key = responseKey(scope);
  const response = await db.response.upsert({ where: { consultationId_organisationId: key }, create: key, update: {} });
  const memberOfOwn = role === 'editor' || role === 'submitter';
  const authorId = scope === 'other' ? world.otherUserId : memberOfOwn ? world.userIdOf[role]! : world.userIdOf.editor!;
  return (await db.minorityStatement.create({ data: { responseId: response.id, authorId, text: 'Mindretallet er uenigt.' } })).id;
}
type Autosave = (input: unknown) => Promise<unknown>;
const keyForm = (scope: Scope, extra: Record<string, string> = {}) => form({ ...responseKey(scope), ...extra });

const consultationActions = () => load<Record<string, Action>>('staff/consultations/actions.ts');
const analysisActions = () => load<Record<string, Action>>('staff/consultations/[id]/analysis/actions.ts');
const nameReviewActions = () => load<Record<string, Action>>('staff/consultations/[id]/name-review/actions.ts');
const themeActions = () => load<Record<string, Action>>('staff/consultations/[id]/analysis/themes/actions.ts');

/** A fresh organisation's submitted answer to the world's proposal in the open consultation, and a fresh theme there. */
async function themedAnswer() {
  const organisation = await db.organisation.create({ data: { name: `ACL tema ${world.unique()}`, type: 'OTHER' } });
  const key = { consultationId: world.openConsultationId, organisationId: organisation.id };
  await db.consultationParty.create({ data: key });
  const response = await db.response.create({ data: { ...key, status: 'SUBMITTED' } });
  await db.answer.create({ data: { responseId: response.id, proposalId: world.proposalId, stance: 'OPPOSE', comment: 'Det rammer de ældre.' } });
  const answers = [{ proposalId: world.proposalId, code: 'ØU01', title: 'Forslag', stance: 'OPPOSE', comment: 'Det rammer de ældre.', confidential: false, version: 1 }];
  await db.submission.create({ data: { responseId: response.id, version: 1, snapshot: { generalRemarks: '', publicationConsent: false, answers, minorityStatements: [], attachments: [], submittedBy: null } } });
  const theme = await db.theme.create({ data: { consultationId: world.openConsultationId, name: `ACL tema ${world.unique()}`, keywords: ['ældre'] } });
  const answerKey = { consultationId: world.openConsultationId, proposalId: world.proposalId, responseId: response.id };
  const tag = (needsRecheck: boolean) => db.themeTag.create({ data: { themeId: theme.id, responseId: response.id, target: 'ANSWER', proposalId: world.proposalId, submissionVersion: 1, needsRecheck } });
  return { answerKey, themeId: theme.id, tag };
}
const budgetIdOfWorld = async () => (await db.proposal.findUniqueOrThrow({ where: { id: world.proposalId } })).budgetId;

/** A fresh consultation in the given phase, consulting a fresh organisation with one member. */
async function freshConsultation(status: 'DRAFT' | 'OPEN' | 'CLOSED') {
  const organisation = await db.organisation.create({ data: { name: `ACL part ${world.unique()}`, type: 'OTHER' } });
  await createUser('PARTY_MEMBER', organisation.id, 'SUBMITTER');
  const consultation = await db.consultation.create({ data: { budgetId: await budgetIdOfWorld(), title: `ACL ${world.unique()}`, status, deadline: new Date(Date.now() + 86_400_000) } });
  await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  return { consultationId: consultation.id, organisationId: organisation.id };
}

/** A fresh organisation's submitted response in the world's open consultation. */
async function submittedResponse() {
  const organisation = await db.organisation.create({ data: { name: `ACL svar ${world.unique()}`, type: 'OTHER' } });
  const key = { consultationId: world.openConsultationId, organisationId: organisation.id };
  await db.consultationParty.create({ data: key });
  const response = await db.response.create({ data: { ...key, status: 'SUBMITTED', generalRemarks: 'Ring til Jens på 12345678.' } });
  const snapshot = { generalRemarks: response.generalRemarks, publicationConsent: true, namesConsent: false, answers: [], minorityStatements: [], attachments: [], submittedBy: null };
  await db.submission.create({ data: { responseId: response.id, version: 1, snapshot } });
  return { key, responseId: response.id };
}

async function storedDocument(consultationId: string) {
  const storageKey = `acl-${randomUUID()}.pdf`;
  const directory = path.resolve(process.env.ATTACHMENT_DIR ?? '.data/attachments');
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, storageKey), '%PDF-1.4\n%%EOF\n');
  return db.consultationDocument.create({ data: { consultationId, title: 'Bilag', fileName: 'bilag.pdf', storageKey, size: 15 } });
}

const pdfFile = () => new File([new Uint8Array(PDF)], 'original.pdf', { type: 'application/pdf' });

const importDocument = buildBudgetDocument([5101, 5102], [
  { heading: 'Indarbejdes og sendes i høring', proposals: [{ code: 'ØU01', title: 'Matrixforslag', summary: sampleSummary(0), service: { type: 'Besparelse', amounts: [-1, -2] } }] },
]);

/** A draft of importDocument owned by the acting user, as its preview leaves it. */
async function importDraft(): Promise<string> {
  const { document, unread } = readBudgetDocument(importDocument);
  const createdById = session.actor.kind === 'user' ? session.actor.userId : 'nobody';
  const draft = await db.budgetImportDraft.create({ data: { documentHash: documentHash(importDocument), parsed: { document, unread } as object, createdById, expiresAt: new Date(Date.now() + 60_000) } });
  return draft.id;
}

const rows: Row[] = [
  {
    target: 'responses/actions.ts#saveGeneralRemarksAction',
    expect: responseScopes(only('editor', 'submitter')),
    // Each save reads the current version first, as a browser that just loaded the page would.
    call: async (scope) => {
      const current = await db.response.findUnique({ where: { consultationId_organisationId: responseKey(scope) } });
      return (await load<{ saveGeneralRemarksAction: Autosave }>('responses/actions.ts')).saveGeneralRemarksAction({ ...responseKey(scope), text: world.unique(), expectedVersion: current?.generalRemarksVersion ?? 0 });
    },
  },
  {
    target: 'responses/actions.ts#saveAnswerAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope) => {
      const response = await db.response.findUnique({ where: { consultationId_organisationId: responseKey(scope) }, include: { answers: true } });
      const version = response?.answers.find((a) => a.proposalId === world.proposalId)?.version ?? 0;
      return (await load<{ saveAnswerAction: Autosave }>('responses/actions.ts')).saveAnswerAction({ ...responseKey(scope), proposalId: world.proposalId, stance: 'REMARKS', comment: world.unique(), confidential: false, expectedVersion: version });
    },
  },
  {
    // The same saves as plain forms, for browsers without JavaScript; a save redirects back to its section.
    target: 'responses/sections/actions.ts#saveGeneralRemarksFormAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope) => {
      const current = await db.response.findUnique({ where: { consultationId_organisationId: responseKey(scope) } });
      return (await load<{ saveGeneralRemarksFormAction: Action }>('responses/sections/actions.ts')).saveGeneralRemarksFormAction(
        idle,
        keyForm(scope, { section: 'general', text: world.unique(), expectedVersion: String(current?.generalRemarksVersion ?? 0) }),
      );
    },
  },
  {
    target: 'responses/sections/actions.ts#saveAnswerFormAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope) => {
      const response = await db.response.findUnique({ where: { consultationId_organisationId: responseKey(scope) }, include: { answers: true } });
      const version = response?.answers.find((a) => a.proposalId === world.proposalId)?.version ?? 0;
      return (await load<{ saveAnswerFormAction: Action }>('responses/sections/actions.ts')).saveAnswerFormAction(
        idle,
        keyForm(scope, { section: 'proposal-ØU01', proposalId: world.proposalId, stance: 'REMARKS', comment: world.unique(), expectedVersion: String(version) }),
      );
    },
  },
  {
    target: 'responses/actions.ts#saveConsentAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope) => (await load<{ saveConsentAction: Action }>('responses/actions.ts')).saveConsentAction(idle, keyForm(scope, { publicationConsent: 'on' })),
  },
  {
    target: 'responses/actions.ts#addMinorityStatementAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope) => (await load<{ addMinorityStatementAction: Action }>('responses/actions.ts')).addMinorityStatementAction(idle, keyForm(scope, { text: 'Mindretallet er uenigt.' })),
  },
  {
    // Each member edits a statement of their own; anyone else's is refused (responses.int.test.ts).
    target: 'responses/actions.ts#editMinorityStatementAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope, role) =>
      (await load<{ editMinorityStatementAction: Action }>('responses/actions.ts')).editMinorityStatementAction(idle, keyForm(scope, { statementId: await minorityStatementIn(scope, role), text: 'Mindretallet er stadig uenigt.' })),
  },
  {
    target: 'responses/actions.ts#deleteMinorityStatementAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope, role) =>
      (await load<{ deleteMinorityStatementAction: Action }>('responses/actions.ts')).deleteMinorityStatementAction(idle, keyForm(scope, { statementId: await minorityStatementIn(scope, role) })),
  },
  {
    target: 'responses/actions.ts#uploadAttachmentAction',
    expect: responseScopes(only('editor', 'submitter')),
    call: async (scope) => {
      const data = keyForm(scope);
      data.set('file', new File([new Uint8Array(PDF)], 'bilag.pdf', { type: 'application/pdf' }));
      return (await load<{ uploadAttachmentAction: Action }>('responses/actions.ts')).uploadAttachmentAction(idle, data);
    },
  },
  {
    // own: an attachment of the actor's organisation's draft; other: another organisation's.
    target: 'api/attachments/[id]/route.ts#GET',
    expect: { own: only('editor', 'submitter', 'staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => {
      const attachment = await db.attachment.findFirstOrThrow({ where: { response: responseKey(scope === 'own' ? 'own' : 'other') } });
      const route = await load<{ GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> }>('api/attachments/[id]/route.ts');
      return route.GET(new Request('http://localhost/'), { params: Promise.resolve({ id: attachment.id }) });
    },
  },
  {
    // Submitting then reopening again, so that every cell meets a response in the state it needs.
    target: 'responses/actions.ts#submitResponseAction',
    expect: { own: only('submitter'), other: everyone('deny'), unpublished: members('closed', 'submitter'), submitted: members('closed', 'submitter') },
    call: async (scope) => (await load<{ submitResponseAction: Action }>('responses/actions.ts')).submitResponseAction(idle, keyForm(scope, { confirm: 'on' })),
  },
  {
    // own: the own organisation's submitted version 1; other: another organisation's submission.
    target: 'api/responses/[consultationId]/[organisationId]/receipts/[version]/route.ts#GET',
    expect: { own: only('editor', 'submitter', 'staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => {
      const key = scope === 'own' ? responseKey('submitted') : (await submittedResponse()).key;
      const route = await load<{ GET: (r: Request, c: { params: Promise<{ consultationId: string; organisationId: string; version: string }> }) => Promise<Response> }>(
        'api/responses/[consultationId]/[organisationId]/receipts/[version]/route.ts',
      );
      const response = await route.GET(new Request('http://localhost/'), { params: Promise.resolve({ ...key, version: '1' }) });
      // An allowed cell gets the receipt itself, as a PDF download.
      if (response.ok) expect([response.headers.get('content-disposition')?.startsWith('attachment;'), Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()]).toEqual([true, '%PDF-']);
      return response;
    },
  },
  {
    // own: the stream of the own organisation's form; other: another organisation's. An allowed
    // cell gets an event stream, ended at once by aborting the request as a closed tab does.
    target: 'api/responses/[consultationId]/[organisationId]/events/route.ts#GET',
    expect: { own: only('editor', 'submitter', 'staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => {
      const route = await load<{ GET: (r: Request, c: { params: Promise<{ consultationId: string; organisationId: string }> }) => Promise<Response> }>('api/responses/[consultationId]/[organisationId]/events/route.ts');
      const abort = new AbortController();
      const response = await route.GET(new Request('http://localhost/', { signal: abort.signal }), { params: Promise.resolve(responseKey(scope)) });
      if (response.ok) expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      abort.abort();
      return response;
    },
  },
  {
    // A hint that stores nothing and reaches only the organisation's own open forms, so the state of the response does not matter.
    target: 'responses/live/actions.ts#announceEditingAction',
    expect: { own: only('editor', 'submitter'), other: everyone('deny'), unpublished: only('editor', 'submitter'), submitted: only('editor', 'submitter') },
    call: async (scope) => (await load<{ announceEditingAction: Autosave }>('responses/live/actions.ts')).announceEditingAction({ ...responseKey(scope), field: world.proposalId, editing: true }),
  },
  {
    // submitted: reopening is the one way to change a submitted response again, and only a submitter's.
    target: 'responses/actions.ts#reopenResponseAction',
    expect: { own: only('submitter'), other: everyone('deny'), unpublished: members('closed', 'submitter'), submitted: only('submitter') },
    call: async (scope) => (await load<{ reopenResponseAction: Action }>('responses/actions.ts')).reopenResponseAction(idle, keyForm(scope)),
  },
  {
    target: 'locale/actions.ts#setLocale',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ setLocale: (d: FormData) => Promise<void> }>('locale/actions.ts')).setLocale(form({ locale: 'en' })),
  },
  {
    target: 'signin/actions.ts#requestMagicLink',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ requestMagicLink: Action }>('signin/actions.ts')).requestMagicLink(idle, form({ email: `x-${world.unique()}@example.test` })),
  },
  {
    target: 'signin/actions.ts#signInWithOidc',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ signInWithOidc: (d: FormData) => Promise<void> }>('signin/actions.ts')).signInWithOidc(form({})),
  },
  {
    // Switched off here, as in production: nobody gets in without a link.
    target: 'signin/actions.ts#demoSignInAction',
    expect: { own: everyone('deny') },
    call: async () => (await load<{ demoSignInAction: Action }>('signin/actions.ts')).demoSignInAction(idle, form({ email: 'admin@demo.example' })),
  },
  {
    target: 'signin/actions.ts#signOutAction',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ signOutAction: () => Promise<void> }>('signin/actions.ts')).signOutAction(),
  },
  {
    // A mail id that names no failed mail: staff get "not found" past the authorization.
    target: 'staff/mail/actions.ts#retryMailAction',
    expect: { own: members('closed', 'staff', 'admin') },
    call: async () => (await load<{ retryMailAction: Action }>('staff/mail/actions.ts')).retryMailAction(idle, form({ jobId: randomUUID() })),
  },
  {
    target: 'staff/actions.ts#createOrganisationAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await load<{ createOrganisationAction: Action }>('staff/actions.ts')).createOrganisationAction(idle, form({ name: `ACL ny ${world.unique()}`, type: 'OTHER' })),
  },
  {
    // A party member inviting into their own organisation, or into another's (an IDOR attempt).
    target: 'staff/actions.ts#inviteMemberAction',
    expect: { own: only('staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) =>
      (await load<{ inviteMemberAction: Action }>('staff/actions.ts')).inviteMemberAction(
        idle,
        form({ email: `m-${world.unique()}@example.test`, organisationId: scope === 'own' ? world.ownOrganisationId : world.otherOrganisationId, membershipRole: 'SUBMITTER' }),
      ),
  },
  {
    target: 'staff/actions.ts#inviteUserAction',
    // own: inviting a politician; other: inviting staff, which only administrators may.
    expect: { own: only('staff', 'admin'), other: only('admin') },
    call: async (scope) =>
      (await load<{ inviteUserAction: Action }>('staff/actions.ts')).inviteUserAction(idle, form({ email: `u-${world.unique()}@example.test`, role: scope === 'own' ? 'POLITICIAN' : 'STAFF' })),
  },
  {
    // own: the actor's own role; other: another organisation's member.
    target: 'staff/actions.ts#changeRoleAction',
    expect: { own: only('admin'), other: only('admin') },
    call: async (scope, role) => {
      const userId = scope === 'own' ? (world.userIdOf[role] ?? world.otherUserId) : world.otherUserId;
      const current = (await db.user.findUniqueOrThrow({ where: { id: userId } })).role;
      return (await load<{ changeRoleAction: Action }>('staff/actions.ts')).changeRoleAction(idle, form({ userId, role: current === 'POLITICIAN' ? 'PARTY_MEMBER' : 'POLITICIAN' }));
    },
  },
  {
    target: 'staff/actions.ts#grantExtensionAction',
    expect: { own: only('staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) =>
      (await load<{ grantExtensionAction: Action }>('staff/actions.ts')).grantExtensionAction(
        idle,
        form({ ...responseKey(scope), until: '2099-01-15T12:00' }),
      ),
  },
  {
    // own: moves the world's proposal to the list it is not in; the reason is required of everyone.
    target: 'staff/proposals/actions.ts#moveProposalsAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const proposal = await db.proposal.findUniqueOrThrow({ where: { id: world.proposalId } });
      const other = await db.budgetList.findFirstOrThrow({ where: { budgetId: proposal.budgetId, id: { not: proposal.listId } } });
      const data = form({ toListId: other.id, reason: 'Matrix' });
      data.append('proposal', `${proposal.id}:${proposal.listId}`);
      return (await load<{ moveProposalsAction: Action }>('staff/proposals/actions.ts')).moveProposalsAction(idle, data);
    },
  },
  {
    target: 'staff/proposals/actions.ts#editProposalAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { version } = await db.proposal.findUniqueOrThrow({ where: { id: world.proposalId } });
      const data = form({ proposalId: world.proposalId, expectedVersion: String(version), title: 'Forslag', summary: 'Resumé', 'type:SERVICE': 'SAVING', 'type:TRANSFER': 'SAVING', 'amount:SERVICE:2026': '-100', reason: 'Matrix' });
      return (await load<{ editProposalAction: Action }>('staff/proposals/actions.ts')).editProposalAction(idle, data);
    },
  },
  {
    target: 'staff/actions.ts#createCommitteeAction',
    expect: { own: only('staff', 'admin') },
    // Codes are capital letters only: a fresh random one per cell.
    call: async () => {
      const code = Array.from(randomBytes(6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
      return (await load<{ createCommitteeAction: Action }>('staff/actions.ts')).createCommitteeAction(idle, form({ code, name: 'Matrixudvalget' }));
    },
  },
  {
    // A party member renaming their own organisation, or another's; only staff may.
    target: 'staff/actions.ts#updateOrganisationAction',
    expect: { own: only('staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => {
      const organisationId = scope === 'own' ? world.ownOrganisationId : world.otherOrganisationId;
      const { name, type } = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
      return (await load<{ updateOrganisationAction: Action }>('staff/actions.ts')).updateOrganisationAction(idle, form({ organisationId, name, type }));
    },
  },
  {
    target: 'staff/actions.ts#changeMembershipAction',
    expect: { own: only('staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => {
      const organisationId = scope === 'own' ? world.ownOrganisationId : world.otherOrganisationId;
      const user = await createUser('PARTY_MEMBER', organisationId, 'EDITOR');
      return (await load<{ changeMembershipAction: Action }>('staff/actions.ts')).changeMembershipAction(idle, form({ userId: user.id, organisationId, role: 'SUBMITTER' }));
    },
  },
  {
    target: 'staff/actions.ts#renameCommitteeAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await load<{ renameCommitteeAction: Action }>('staff/actions.ts')).renameCommitteeAction(idle, form({ code: 'ØU', name: '' })),
  },
  {
    // A small valid document with years of its own, so that importing it touches nothing else.
    target: 'staff/import/actions.ts#previewImportAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await load<{ previewImportAction: Action }>('staff/import/actions.ts')).previewImportAction(idle, form({ text: importDocument })),
  },
  {
    target: 'staff/import/actions.ts#confirmImportAction',
    expect: { own: only('staff', 'admin') },
    // The actor's own draft of that document (whoever they are), as a preview leaves it.
    call: async () => {
      const draftId = await importDraft();
      return (await load<{ confirmImportAction: Action }>('staff/import/actions.ts')).confirmImportAction(idle, form({ draftId, documentHash: documentHash(importDocument) }));
    },
  },
  {
    // The draft has no unread row to correct: staff get past authorization to that refusal.
    target: 'staff/import/actions.ts#correctRowAction',
    expect: { own: members('closed', 'staff', 'admin') },
    call: async () =>
      (await load<{ correctRowAction: Action }>('staff/import/actions.ts')).correctRowAction(
        idle,
        form({ draftId: await importDraft(), key: 'line-3', code: 'ØU1', title: 'Forslag', summary: '', listPosition: '0', 'type:SERVICE': 'SAVING', 'type:TRANSFER': 'SAVING', 'amount:SERVICE:5101': '-1' }),
      ),
  },
  {
    target: 'staff/import/template/route.ts#GET',
    expect: { own: only('staff', 'admin') },
    call: async () => (await load<{ GET: Handler }>('staff/import/template/route.ts')).GET(new Request('http://localhost/staff/import/template?format=csv')),
  },
  {
    target: 'staff/proposals/export/route.ts#GET',
    expect: { own: only('staff', 'admin') },
    call: async () => (await load<{ GET: Handler }>('staff/proposals/export/route.ts')).GET(),
  },
  {
    target: 'staff/audit/export/route.ts#GET',
    expect: { own: only('staff', 'admin') },
    call: async () => (await load<{ GET: Handler }>('staff/audit/export/route.ts')).GET(new Request(`http://localhost/staff/audit/export?format=csv&person=${world.unique()}`)),
  },
  {
    target: 'staff/consultations/actions.ts#createConsultationAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await consultationActions()).createConsultationAction!(idle, form({ budgetId: await budgetIdOfWorld(), title: `ACL ny ${world.unique()}`, description: '', deadline: '2099-01-15T12:00' })),
  },
  {
    target: 'staff/consultations/actions.ts#updateConsultationAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { consultationId } = await freshConsultation('DRAFT');
      return (await consultationActions()).updateConsultationAction!(idle, form({ consultationId, title: 'Ændret', description: 'Ny', deadline: '2099-02-01T12:00' }));
    },
  },
  {
    // own: opening a draft (invitations go out); other: closing an open consultation.
    target: 'staff/consultations/actions.ts#changePhaseAction',
    expect: { own: only('staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => {
      const { consultationId } = await freshConsultation(scope === 'own' ? 'DRAFT' : 'OPEN');
      return (await consultationActions()).changePhaseAction!(idle, form({ consultationId, phase: scope === 'own' ? 'open' : 'close' }));
    },
  },
  {
    // A closed consultation whose one party never answered: nothing to review, nothing becomes public.
    target: 'staff/consultations/actions.ts#publishConsultationAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { consultationId } = await freshConsultation('CLOSED');
      return (await consultationActions()).publishConsultationAction!(idle, form({ consultationId, published: '0', confirm: 'on' }));
    },
  },
  {
    // The submitted response names "Jens", published without names: a marked passage.
    target: 'staff/consultations/[id]/name-review/actions.ts#confirmNotNameAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { key } = await submittedResponse();
      return (await nameReviewActions()).confirmNotNameAction!(idle, form({ ...key, target: 'generalRemarks', passage: 'Jens' }));
    },
  },
  {
    target: 'staff/consultations/[id]/name-review/actions.ts#markNamesReviewedAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { key, responseId } = await submittedResponse();
      await db.moderation.create({ data: { responseId, kind: 'REDACT', passage: 'Jens', reason: 'Matrix' } });
      return (await nameReviewActions()).markNamesReviewedAction!(idle, form(key));
    },
  },
  {
    target: 'staff/consultations/actions.ts#setPartiesAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { consultationId, organisationId } = await freshConsultation('DRAFT');
      const data = form({ consultationId });
      for (const id of [organisationId, world.ownOrganisationId]) data.append('organisationId', id);
      return (await consultationActions()).setPartiesAction!(idle, data);
    },
  },
  {
    // Another organisation's draft in the open consultation: never submitted, so it can be reminded.
    target: 'staff/consultations/actions.ts#remindPartyAction',
    expect: { other: only('staff', 'admin') },
    call: async (scope) => (await consultationActions()).remindPartyAction!(idle, keyForm(scope)),
  },
  {
    target: 'staff/consultations/actions.ts#assignProposalsAction',
    expect: { own: only('staff', 'admin'), other: only('staff', 'admin') },
    call: async (scope) => (await consultationActions()).assignProposalsAction!(idle, keyForm(scope, { proposalId: world.proposalId, note: 'Matrix' })),
  },
  {
    target: 'staff/consultations/actions.ts#addDocumentAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const data = form({ consultationId: world.openConsultationId, title: 'Budgetnotat' });
      data.set('file', pdfFile());
      return (await consultationActions()).addDocumentAction!(idle, data);
    },
  },
  {
    target: 'staff/consultations/actions.ts#removeDocumentAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const document = await storedDocument(world.openConsultationId);
      return (await consultationActions()).removeDocumentAction!(idle, form({ consultationId: world.openConsultationId, documentId: document.id }));
    },
  },
  {
    // own: a document of an open consultation; unpublished: of a draft.
    target: 'api/consultation-documents/[id]/route.ts#GET',
    expect: { own: everyone('allow'), unpublished: only('staff', 'admin') },
    call: async (scope) => {
      const document = await storedDocument(scope === 'own' ? world.openConsultationId : world.draftConsultationId);
      const route = await load<{ GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> }>('api/consultation-documents/[id]/route.ts');
      return route.GET(new Request('http://localhost/'), { params: Promise.resolve({ id: document.id }) });
    },
  },
  {
    target: 'staff/consultations/actions.ts#registerResponseAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const key = await freshConsultation('OPEN');
      const data = form({ ...key, channel: 'LETTER', receivedAt: '2026-11-20T10:00', generalRemarks: 'Brev', proposalId: world.proposalId, [`stance-${world.proposalId}`]: 'OPPOSE', [`comment-${world.proposalId}`]: 'Nej' });
      data.set('original', pdfFile());
      return (await consultationActions()).registerResponseAction!(idle, data);
    },
  },
  {
    target: 'staff/consultations/actions.ts#addModerationAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { key } = await submittedResponse();
      return (await consultationActions()).addModerationAction!(idle, form({ ...key, target: 'generalRemarks', kind: 'REDACT', passage: '12345678', reason: 'Personoplysning' }));
    },
  },
  {
    target: 'staff/consultations/actions.ts#removeModerationAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { responseId } = await submittedResponse();
      const moderation = await db.moderation.create({ data: { responseId, kind: 'HIDE', reason: 'Matrix' } });
      return (await consultationActions()).removeModerationAction!(idle, form({ consultationId: world.openConsultationId, moderationId: moderation.id }));
    },
  },
  {
    target: 'staff/consultations/[id]/remarks/actions.ts#saveRemarkAction',
    expect: { own: only('staff', 'admin') },
    call: async () =>
      (await load<{ saveRemarkAction: Action }>('staff/consultations/[id]/remarks/actions.ts')).saveRemarkAction(idle, form({ consultationId: world.openConsultationId, proposalId: world.proposalId, text: `Bemærkning ${world.unique()}` })),
  },
  {
    // The analysis writes only for staff; a summary that refers to no answer needs no responses.
    target: 'staff/consultations/[id]/analysis/actions.ts#saveSummaryAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const [consultationId, proposalId] = [world.openConsultationId, world.proposalId];
      const current = await db.proposalSummary.findFirst({ where: { consultationId, proposalId }, orderBy: { version: 'desc' } });
      return (await analysisActions()).saveSummaryAction!(idle, form({ consultationId, proposalId, text: `Sammenfatning ${world.unique()}`, expectedVersion: String(current?.version ?? 0) }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/actions.ts#saveDecisionAction',
    expect: { own: only('staff', 'admin') },
    call: async () =>
      (await analysisActions()).saveDecisionAction!(idle, form({ consultationId: world.openConsultationId, proposalId: world.proposalId, outcome: 'POSTPONED', decidedOn: '2026-10-08', note: world.unique() })),
  },
  {
    // Giving the world's proposal to the staff member, or taking it back: an allowed cell changes it either way.
    target: 'staff/consultations/[id]/analysis/actions.ts#assignAnalystAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const key = { consultationId: world.openConsultationId, proposalId: world.proposalId };
      const current = await db.proposalAnalyst.findUnique({ where: { consultationId_proposalId: key } });
      return (await analysisActions()).assignAnalystAction!(idle, form({ consultationId: key.consultationId, proposalIds: key.proposalId, userId: current ? '' : world.userIdOf.staff! }));
    },
  },
  {
    // A fresh closed consultation per cell: publishing happens once.
    target: 'staff/consultations/[id]/analysis/actions.ts#publishResultsAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { consultationId } = await freshConsultation('CLOSED');
      return (await analysisActions()).publishResultsAction!(idle, form({ consultationId }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#saveThemeAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await themeActions()).saveThemeAction!(idle, form({ consultationId: world.openConsultationId, name: `Tema ${world.unique()}`, description: 'Beskrivelse', keywords: 'ældre, pleje' })),
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#deleteThemeAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { themeId } = await themedAnswer();
      return (await themeActions()).deleteThemeAction!(idle, form({ consultationId: world.openConsultationId, themeId }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#tagAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { answerKey, themeId } = await themedAnswer();
      return (await themeActions()).tagAction!(idle, form({ ...answerKey, themeId, target: 'ANSWER', passage: 'de ældre', passageStart: '10' }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#untagAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const tag = await (await themedAnswer()).tag(false);
      return (await themeActions()).untagAction!(idle, form({ consultationId: world.openConsultationId, tagId: tag.id }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#confirmTagAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const tag = await (await themedAnswer()).tag(true);
      return (await themeActions()).confirmTagAction!(idle, form({ consultationId: world.openConsultationId, tagId: tag.id }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#suggestionsAction',
    expect: { own: only('staff', 'admin') },
    call: async () => {
      const { answerKey, themeId } = await themedAnswer();
      return (await themeActions()).suggestionsAction!(idle, form({ consultationId: world.openConsultationId, themeId, intent: 'confirm', items: `${answerKey.responseId}:${answerKey.proposalId}` }));
    },
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#markReadAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await themeActions()).markReadAction!(idle, form({ ...(await themedAnswer()).answerKey, read: 'true' })),
  },
  {
    target: 'staff/consultations/[id]/analysis/themes/actions.ts#addNoteAction',
    expect: { own: only('staff', 'admin') },
    call: async () => (await themeActions()).addNoteAction!(idle, form({ ...(await themedAnswer()).answerKey, text: 'Ring til rådet.' })),
  },
  {
    // own: a published consultation, which everyone may read; other: the open one, only for the
    // council and staff; unpublished: a draft, only for staff.
    target: 'api/consultations/[id]/export/route.ts#GET',
    expect: { own: everyone('allow'), other: only('politician', 'staff', 'admin'), unpublished: only('staff', 'admin') },
    call: async (scope) => {
      const id =
        scope === 'own' ? (await db.consultation.create({ data: { budgetId: await budgetIdOfWorld(), title: `ACL ${world.unique()}`, status: 'PUBLISHED', publishedAt: new Date(), deadline: new Date() } })).id
        : scope === 'other' ? world.openConsultationId
        : world.draftConsultationId;
      const route = await load<{ GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> }>('api/consultations/[id]/export/route.ts');
      return route.GET(new Request(`http://localhost/api/consultations/${id}/export?format=csv`), { params: Promise.resolve({ id }) });
    },
  },
  {
    // A refused logo: administrators get past authorization to the logo check, and the shared
    // settings row, which other tests read, is not changed by any cell.
    target: 'staff/settings/actions.ts#saveMunicipalityAction',
    expect: { own: members('closed', 'admin') },
    call: async () => {
      const data = form({ name: 'Matrixkommune' });
      data.set('logo', new File([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')], 'logo.svg', { type: 'image/svg+xml' }));
      return (await load<{ saveMunicipalityAction: Action }>('staff/settings/actions.ts')).saveMunicipalityAction(idle, data);
    },
  },
  {
    // Shown in every page's header, so public; no logo is set here, so everyone gets the same 404.
    target: 'api/municipality/logo/route.ts#GET',
    expect: { own: everyone('closed') },
    call: async () => (await load<{ GET: Handler }>('api/municipality/logo/route.ts')).GET(),
  },
  {
    // For load balancers and monitoring, with nothing in it to protect.
    target: 'api/health/route.ts#GET',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ GET: Handler }>('api/health/route.ts')).GET(),
  },
  {
    target: 'invitation/[token]/actions.ts#acceptInvitationAction',
    // The token is the credential: whoever holds a valid link may accept it.
    expect: { own: everyone('allow') },
    call: async () => (await load<{ acceptInvitationAction: Action }>('invitation/[token]/actions.ts')).acceptInvitationAction(idle, form({ token: await pendingInvitation() })),
  },
  {
    // Erasing acts on the signed-in user only; a userId in the request is ignored (see the test below).
    target: 'account/actions.ts#eraseMyDataAction',
    expect: { own: signedIn },
    call: async () => (await load<{ eraseMyDataAction: Action }>('account/actions.ts')).eraseMyDataAction(idle, form({ confirm: 'yes' })),
  },
  {
    target: 'api/account/export/route.ts#GET',
    expect: { own: signedIn },
    call: async () => (await load<{ GET: Handler }>('api/account/export/route.ts')).GET(),
  },
  {
    target: 'api/auth/[...nextauth]/route.ts#GET',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ GET: Handler }>('api/auth/[...nextauth]/route.ts')).GET(new NextRequestLike('/api/auth/session') as unknown as Request),
  },
  {
    target: 'api/auth/[...nextauth]/route.ts#POST',
    expect: { own: everyone('allow') },
    call: async () => (await load<{ POST: Handler }>('api/auth/[...nextauth]/route.ts')).POST(new NextRequestLike('/api/auth/signin/email') as unknown as Request),
  },
];

/** The two properties of NextRequest that the auth route reads. */
class NextRequestLike extends Request {
  readonly nextUrl: URL;
  constructor(pathname: string) {
    super(`http://localhost${pathname}`, { method: 'POST' });
    this.nextUrl = new URL(`http://localhost${pathname}`);
  }
}

describe('access-control matrix', () => {
  for (const row of rows) {
    for (const [scope, expected] of Object.entries(row.expect) as [Scope, Record<Role, Outcome>][]) {
      for (const role of ROLES) {
        it(`${row.target} · ${role} · ${scope} → ${expected[role]}`, async () => {
          // Erasure is irreversible: each cell erases a fresh user of the role, not the shared one.
          session.actor = row.target.startsWith('account/') && role !== 'anonymous' ? await freshActorLike(world.actors[role]) : world.actors[role];
          // Every cell meets the submitted response submitted, whatever a reopening cell did before it.
          if (scope === 'submitted') await db.response.update({ where: { consultationId_organisationId: responseKey('submitted') }, data: { status: 'SUBMITTED' } });
          expect(await outcomeOf(() => row.call(scope, role))).toBe(expected[role]);
        });
      }
    }
  }

  it('records a denied attempt on another organisation in the audit log', async () => {
    const actor = world.actors.submitter;
    session.actor = actor;
    const before = new Date();
    await rows.find((r) => r.target === 'staff/actions.ts#inviteMemberAction')!.call('other', 'submitter');
    const denied = await db.auditEvent.findMany({ where: { actorId: actor.kind === 'user' ? actor.userId : '', outcome: 'DENIED', at: { gte: before } } });
    expect(denied.map((e) => e.action)).toContain('invitation.create');
  });

  it('erases only the signed-in user, whatever user id the request carries', async () => {
    session.actor = await freshActorLike(world.actors.editor);
    const { eraseMyDataAction } = await load<{ eraseMyDataAction: Action }>('account/actions.ts');
    await outcomeOf(() => eraseMyDataAction(idle, form({ confirm: 'yes', userId: world.otherUserId })));
    expect((await db.user.findUniqueOrThrow({ where: { id: world.otherUserId } })).erasedAt).toBeNull();
  });
});

async function freshActorLike(actor: Actor): Promise<Actor> {
  if (actor.kind !== 'user') return actor;
  const user = await createUser(actor.role, world.ownOrganisationId, actor.role === 'PARTY_MEMBER' ? 'EDITOR' : undefined);
  return { kind: 'user', userId: user.id, role: user.role };
}

it('covers every server action and route handler', async () => {
  expect(rows.map((row) => row.target).sort()).toEqual(await exportedEntryPoints());
});
