import 'server-only';
import type { Env } from '@/lib/env';
import { isAdmin, isSignedIn, isStaff, type Actor, type UserActor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import type { ConsultationStatus, MembershipRole, ResponseStatus, UserRole } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';

// Who may do what, in one table: every action the domain layer guards and the rule that decides
// it. Modules ask `authorize` (or `can`, for what a page offers) and never decide themselves.
// docs/permissions.md is the table in words; policy.test.ts keeps the two together.

type AuditedObject = { type: string; id?: string };
type Client = Prisma.TransactionClient | typeof db;

// ---- Who the actor is -------------------------------------------------------------------------

function isPolitician(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'POLITICIAN';
}

/**
 * Staff and politicians read every submitted response whole, as the council's material; everyone
 * else reads what was published (response-views.ts).
 */
export function readsResponsesWhole(actor: Actor): boolean {
  return isStaff(actor) || isPolitician(actor);
}

/** The actor's membership of the organisation, null for none. `client` reads inside a transaction. */
export async function membershipOf(actor: Actor, organisationId: string, client: Client = db): Promise<MembershipRole | null> {
  if (actor.kind !== 'user') return null;
  const membership = await client.membership.findUnique({ where: { userId_organisationId: { userId: actor.userId, organisationId } } });
  return membership?.role ?? null;
}

/** Every member edits the organisation's draft response, editors and submitters alike. */
async function isMemberOf(actor: Actor, organisationId: string, client?: Client): Promise<boolean> {
  return (await membershipOf(actor, organisationId, client)) !== null;
}

/** Only a submitter sends the response on the organisation's behalf, or takes it back. */
async function isSubmitterOf(actor: Actor, organisationId: string, client?: Client): Promise<boolean> {
  return (await membershipOf(actor, organisationId, client)) === 'SUBMITTER';
}

/** The minority statement is in the draft and the actor wrote it. */
function isAuthorOf(actor: Actor, statement: { row: { responseId: string; authorId: string | null } | null; draftId: string }): boolean {
  return actor.kind === 'user' && statement.row !== null && statement.row.responseId === statement.draftId && statement.row.authorId === actor.userId;
}

/**
 * Nothing of a consultation (its title, description, documents, notes to parties, responses)
 * reaches anyone but staff before it is opened, not even the parties already chosen for it.
 * Callers answer "not found", so that a draft's existence is not revealed either.
 */
export function mayReadConsultation(actor: Actor, consultation: { status: ConsultationStatus }): boolean {
  return consultation.status !== 'DRAFT' || isStaff(actor);
}

/** Password-less sign-in for demo data and tests: only when switched on, never in production. */
export function demoLoginAllowed(settings: Pick<Env, 'ENABLE_CREDENTIALS_LOGIN' | 'NODE_ENV'>): boolean {
  return settings.ENABLE_CREDENTIALS_LOGIN && settings.NODE_ENV !== 'production';
}

// ---- The table ----------------------------------------------------------------------------------

/** The organisation whose response is asked for; `client` is the caller's transaction. */
interface OrganisationFacts {
  organisationId: string;
  client?: Client;
}

/**
 * A member's own minority statement. Asked twice: for membership before the draft is locked
 * (editableDraft, without `statement`), and for authorship once the statement is read.
 */
interface StatementFacts extends OrganisationFacts {
  statement?: { row: { responseId: string; authorId: string | null } | null; draftId: string };
}

const staff = (actor: Actor) => isStaff(actor);
const admin = (actor: Actor) => isAdmin(actor);
const member = (actor: Actor, { organisationId, client }: OrganisationFacts) => isMemberOf(actor, organisationId, client);
const submitter = (actor: Actor, { organisationId, client }: OrganisationFacts) => isSubmitterOf(actor, organisationId, client);
const authorMember = async (actor: Actor, { organisationId, client, statement }: StatementFacts) =>
  (await isMemberOf(actor, organisationId, client)) && (statement === undefined || isAuthorOf(actor, statement));

type Rule = (actor: Actor, facts: never) => boolean | Promise<boolean>;

const rules = {
  // Signed-in users, for themselves.
  'user.read_self': isSignedIn,
  'user.export': isSignedIn,
  'user.erase': isSignedIn,
  'response.list': isSignedIn,
  'auth.demo_login': (_actor: Actor, { settings }: { settings: Pick<Env, 'ENABLE_CREDENTIALS_LOGIN' | 'NODE_ENV'> }) => demoLoginAllowed(settings),

  // A party's response: its members, in their organisation only.
  'response.read': async (actor: Actor, facts: OrganisationFacts) => isStaff(actor) || (await member(actor, facts)),
  'response.edit': member,
  'response.attachment.add': member,
  'response.minority_statement': member,
  'response.minority_statement.edit': authorMember,
  'response.minority_statement.delete': authorMember,
  'response.submit': submitter,
  'response.reopen': submitter,
  // Politicians read a submitted response's attachments, as they read the response.
  'response.attachment.read': async (actor: Actor, facts: OrganisationFacts & { response: { status: ResponseStatus } }) =>
    isStaff(actor) || (isPolitician(actor) && facts.response.status === 'SUBMITTED') || (await member(actor, facts)),

  // Consultations: staff run them; anyone reads what is opened.
  'consultation.list': staff,
  'consultation.read': staff,
  'consultation.create': staff,
  'consultation.update': staff,
  'consultation.parties.set': staff,
  'consultation.open': staff,
  'consultation.close': staff,
  'consultation.publish.summary': staff,
  'consultation.publish': staff,
  'consultation.reminder': staff,
  'consultation.reminders': staff,
  'consultation.extension': staff,
  'consultation.assign': staff,
  'consultation.names.read': staff,
  'consultation.document.add': staff,
  'consultation.document.remove': staff,
  'consultation.document.read': (actor: Actor, { consultation }: { consultation: { status: ConsultationStatus } }) => mayReadConsultation(actor, consultation),
  // Who has responded and who has not: the council's material, like the responses read whole.
  'consultation.status.read': (actor: Actor, { consultation }: { consultation: { status: ConsultationStatus } }) =>
    mayReadConsultation(actor, consultation) && readsResponsesWhole(actor),
  // The council's full export at once; the public's only when published.
  'consultation.export': (actor: Actor, { consultation }: { consultation: { status: ConsultationStatus } }) =>
    isStaff(actor) || (mayReadConsultation(actor, consultation) && (readsResponsesWhole(actor) || consultation.status === 'PUBLISHED')),

  // Staff's work on the responses.
  'response.register': staff,
  'response.moderation.read': staff,
  'response.moderate': staff,
  'response.moderate.remove': staff,
  'response.names.confirm': staff,
  'response.names.review': staff,
  'proposalRemark.read': staff,
  'proposalRemark.save': staff,
  // The analysis after the deadline: staff write, politicians read; the public reads the results once published.
  'proposalSummary.read': (actor: Actor) => readsResponsesWhole(actor),
  'proposalSummary.save': staff,
  'proposalDecision.save': staff,
  'consultation.results.publish': staff,
  'consultation.results.read': (_actor: Actor, { consultation }: { consultation: { resultsPublishedAt: Date | null } }) => consultation.resultsPublishedAt !== null,
  // Themes: staff define them and tag the answers; politicians read the themes and their counts.
  'theme.read': (actor: Actor) => readsResponsesWhole(actor),
  'theme.save': staff,
  'theme.delete': staff,
  'theme.tag': staff,
  'theme.analysis.read': staff,
  'answer.read.mark': staff,
  'answer.note.add': staff,
  // Sharing out the reading: staff assign and follow it; duplicates are read like the responses, whole.
  'analysis.progress.read': staff,
  'analysis.assign': staff,
  'analysis.duplicates.read': (actor: Actor) => readsResponsesWhole(actor),

  // The budget and its proposals.
  'budget.import': staff,
  'budget.template': staff,
  'budget.export': staff,
  'proposal.edit': staff,
  'proposal.move': staff,
  'committee.list': staff,
  'committee.create': staff,
  'committee.rename': staff,

  // Organisations and users. Only administrators make staff.
  'organisation.list': staff,
  'organisation.create': staff,
  'organisation.update': staff,
  'membership.change': staff,
  'user.list': staff,
  'user.role.change': admin,
  'invitation.create': (actor: Actor, { role }: { role: UserRole }) => (role === 'ADMIN' || role === 'STAFF' ? isAdmin(actor) : isStaff(actor)),

  // Running the service.
  'audit.read': staff,
  'audit.export': staff,
  'mail.failed.list': staff,
  'mail.retry': staff,
  'municipality.update': admin,
  'demo.seed': staff,
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;

/** Every action of the table, for the documentation test. */
export const ACTIONS = Object.keys(rules) as Action[];

/**
 * What the rule of the action needs to know; `unknown` for a rule that needs nothing. For a union
 * of actions, what every one of them needs.
 */
type FactsOf<A extends Action> = (typeof rules)[A] extends (actor: Actor, facts: infer F) => unknown ? F : never;

/** The actions whose rule needs no facts: who the actor is decides them. */
export type PlainAction = { [A in Action]: unknown extends FactsOf<A> ? A : never }[Action];

/** The facts of the action, and the object a refusal is audited against. */
type Request<A extends Action> = (unknown extends FactsOf<A> ? object : FactsOf<A>) & { object?: AuditedObject };

/** The request is optional where the rule needs no facts. */
type RequestArgs<A extends Action> = object extends Request<A> ? [request?: Request<A>] : [request: Request<A>];

/** Decides the action by its rule, without refusing: for what a page offers. */
export async function can<A extends Action>(actor: Actor, action: A, ...[request]: RequestArgs<A>): Promise<boolean> {
  const rule = rules[action] as (actor: Actor, facts: Request<A> | undefined) => boolean | Promise<boolean>;
  return rule(actor, request);
}

/**
 * Records a denied attempt in the audit log and refuses it. Besides authorize, for a request that
 * names an object outside the one it was allowed on (a proposal of another budget): a forged id.
 */
export async function deny(actor: Actor, action: Action, object?: AuditedObject): Promise<never> {
  await audit(actor, { action, outcome: 'DENIED', objectType: object?.type, objectId: object?.id });
  throw new DomainError('forbidden', { detail: action });
}

/** The one gate of the domain layer: lets the call through when the action's rule allows it, otherwise denies it. */
export async function authorize<A extends Action>(actor: Actor, action: A, ...args: RequestArgs<A>): Promise<void> {
  if (!(await can(actor, action, ...args))) await deny(actor, action, args[0]?.object);
}

/** The actions a signed-in user does for themselves: their rule is the type guard isSignedIn. */
type SelfAction = { [A in Action]: (typeof rules)[A] extends (actor: Actor) => actor is UserActor ? A : never }[Action];

/** For what only a signed-in user may do for themselves. */
export async function requireUser(actor: Actor, action: SelfAction): Promise<UserActor> {
  const signedIn: (actor: Actor) => actor is UserActor = rules[action];
  return signedIn(actor) ? actor : deny(actor, action);
}
