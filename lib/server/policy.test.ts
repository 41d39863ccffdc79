import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { actionCodeOfMessageKey } from '@/lib/audit-actions';
import da from '@/lib/i18n/messages/da.json';
import type { Actor } from '@/lib/server/actor';
import { ACTIONS, can, demoLoginAllowed, type Action } from '@/lib/server/policy';

// docs/permissions.md is the policy table in words. Every mark in it is checked here against
// the rule itself, for each kind of actor in each situation that changes the answer; the
// memberships the rules look up come from the fake below instead of the database.

const memberships: Record<string, 'EDITOR' | 'SUBMITTER'> = { 'member:own': 'EDITOR', 'submitter:own': 'SUBMITTER' };
vi.mock('@/lib/server/db', () => ({
  db: {
    membership: {
      findUnique: async ({ where }: { where: { userId_organisationId: { userId: string; organisationId: string } } }) => {
        const { userId, organisationId } = where.userId_organisationId;
        const role = memberships[`${userId}:${organisationId}`];
        return role ? { role } : null;
      },
    },
  },
}));

const COLUMNS = ['Public', 'Signed in', 'Politician', 'Member', 'Submitter', 'Staff', 'Admin'] as const;
const ACTORS: Record<(typeof COLUMNS)[number], Actor> = {
  Public: { kind: 'anonymous' },
  // A party member of another organisation than the one asked about.
  'Signed in': { kind: 'user', userId: 'outsider', role: 'PARTY_MEMBER' },
  Politician: { kind: 'user', userId: 'politician', role: 'POLITICIAN' },
  Member: { kind: 'user', userId: 'member', role: 'PARTY_MEMBER' },
  Submitter: { kind: 'user', userId: 'submitter', role: 'PARTY_MEMBER' },
  Staff: { kind: 'user', userId: 'staff', role: 'STAFF' },
  Admin: { kind: 'user', userId: 'admin', role: 'ADMIN' },
};

/** The situations that change a rule's answer, by name, with the facts the rule is given in each. */
type Situations = Record<string, (actor: Actor) => object | undefined>;
const own = { organisationId: 'own' };
const phases = (facts: (status: 'DRAFT' | 'OPEN' | 'PUBLISHED') => object): Situations => ({
  draft: () => facts('DRAFT'),
  opened: () => facts('OPEN'),
  published: () => facts('PUBLISHED'),
});
const statementBy = (author: (actor: Actor) => string | null) => (actor: Actor) => ({ ...own, statement: { row: { responseId: 'draft', authorId: author(actor) }, draftId: 'draft' } });
const SITUATIONS: Partial<Record<Action, Situations>> = {
  'auth.demo_login': {
    enabled: () => ({ settings: { ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'development' } }),
    disabled: () => ({ settings: { ENABLE_CREDENTIALS_LOGIN: false, NODE_ENV: 'development' } }),
    production: () => ({ settings: { ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'production' } }),
  },
  'response.read': { own: () => own },
  'response.edit': { own: () => own },
  'response.attachment.add': { own: () => own },
  'response.minority_statement': { own: () => own },
  'response.minority_statement.edit': { own: statementBy((actor) => (actor.kind === 'user' ? actor.userId : null)), other: statementBy(() => 'someone-else') },
  'response.minority_statement.delete': { own: statementBy((actor) => (actor.kind === 'user' ? actor.userId : null)), other: statementBy(() => 'someone-else') },
  'response.submit': { own: () => own },
  'response.reopen': { own: () => own },
  'response.attachment.read': { draft: () => ({ ...own, response: { status: 'DRAFT' } }), submitted: () => ({ ...own, response: { status: 'SUBMITTED' } }) },
  'consultation.document.read': phases((status) => ({ consultation: { status } })),
  'consultation.status.read': phases((status) => ({ consultation: { status } })),
  'consultation.export': phases((status) => ({ consultation: { status } })),
  'consultation.results.read': { unpublished: () => ({ consultation: { resultsPublishedAt: null } }), published: () => ({ consultation: { resultsPublishedAt: new Date() } }) },
  'invitation.create': {
    admin: () => ({ role: 'ADMIN' }),
    staff: () => ({ role: 'STAFF' }),
    politician: () => ({ role: 'POLITICIAN' }),
    member: () => ({ role: 'PARTY_MEMBER' }),
  },
};

/** What a word in the table means: the situations in which the rule allows. */
const WORDS: Record<string, string[]> = {
  setting: ['enabled'],
  own: ['own'],
  submitted: ['submitted'],
  opened: ['opened', 'published'],
  published: ['published'],
  'not staff': ['politician', 'member'],
};

const document = readFileSync(path.resolve(import.meta.dirname, '../../docs/permissions.md'), 'utf8');
const rows = document
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const [action, ...marks] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { action: action!.replaceAll('`', ''), marks: marks.slice(0, COLUMNS.length) };
  });

describe('the policy table', () => {
  it('is documented in docs/permissions.md, one row per action', () => {
    expect(rows.map((row) => row.action).sort()).toEqual([...ACTIONS].sort());
  });

  it('names every action in the audit log', () => {
    const named = new Set(Object.keys(da.audit.actions).map(actionCodeOfMessageKey));
    expect(ACTIONS.filter((action) => !named.has(action))).toEqual([]);
  });

  it.each(rows)('decides $action as docs/permissions.md says', async ({ action, marks }) => {
    const situations = SITUATIONS[action as Action] ?? { any: () => undefined };
    for (const [column, mark] of COLUMNS.map((column, i) => [column, marks[i]!] as const)) {
      const actor = ACTORS[column];
      for (const [situation, facts] of Object.entries(situations)) {
        const expected = mark === '✓' ? true : mark === '–' ? false : (WORDS[mark] ?? expect.unreachable(`unknown mark ${mark}`)).includes(situation);
        // The rules are typed per action; here the action is only known at run time.
        const allowed = await (can as (actor: Actor, action: Action, facts?: object) => Promise<boolean>)(actor, action as Action, facts(actor));
        expect(allowed, `${column} in situation ${situation}`).toBe(expected);
      }
    }
  });
});

it('allows the demo login only when switched on and never in production', () => {
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'development' })).toBe(true);
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'test' })).toBe(true);
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: false, NODE_ENV: 'development' })).toBe(false);
  expect(demoLoginAllowed({ ENABLE_CREDENTIALS_LOGIN: true, NODE_ENV: 'production' })).toBe(false);
});
