// Property-based: every server action and route handler (as the access-control matrix finds
// them) gets well over a thousand malformed payloads, as staff and as an anonymous visitor, and
// every page gets malformed query parameters and path segments, passed through proxy.ts as a
// request would be. None may fail with an unforeseen error (a 500), and none may write anything.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { exportedEntryPoints, loadAppModule } from '@/test/entry-points';
import { PDF } from '@/test/pdf-fixtures';
import { proxy } from '@/proxy';
import { isDomainError } from '@/lib/server/errors';

// Uploads go to a folder of this file's own, so that "nothing stored" can be checked.
const attachmentDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/malformed-input-${Date.now()}-${process.pid}`;
  process.env.ATTACHMENT_DIR = dir;
  return dir;
});
const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor, userAgent: '' }));
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
class NotFound extends Error {}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  notFound: () => {
    throw new NotFound();
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Redirect || error instanceof NotFound) throw error;
  },
}));
// A random client address per call, so that rate limits rarely cut the exploration short; the
// user agent marks this test's audit events.
const octet = () => Math.floor(Math.random() * 250);
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn() }),
  headers: async () => new Headers({ 'x-budgethoering-peer': `10.${octet()}.${octet()}.${octet()}`, 'user-agent': session.userAgent }),
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key, getFormatter: async () => ({ dateTime: () => '', number: () => '', relativeTime: () => '' }), getLocale: async () => 'da' }));

/** Payloads per entry point and actor: 2 × 500 = 1,000 per entry point. */
const RUNS = 500;
const runId = randomUUID().slice(0, 8);
let staff: Actor;

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `malformed-${runId}@example.test`, role: 'STAFF' } });
  staff = { kind: 'user', userId: user.id, role: 'STAFF' };
  // A budget, so that the catalogue and search pages query with what they were given.
  await db.budget.create({ data: { name: `Malformed ${runId}`, years: [2026] } });
});
afterAll(async () => {
  rmSync(attachmentDir, { recursive: true, force: true });
  await db.$disconnect();
});

// The fields the app's forms and autosave calls use, so that payloads reach past "field missing".
const FIELDS = [
  'consultationId', 'organisationId', 'proposalId', 'proposal', 'userId', 'budgetId', 'toListId', 'documentId', 'moderationId',
  'text', 'email', 'callbackUrl', 'confirm', 'token', 'locale', 'name', 'type', 'code', 'role', 'membershipRole', 'until',
  'reason', 'expectedVersion', 'title', 'summary', 'type:SERVICE', 'type:TRANSFER', 'amount:SERVICE:2026', 'description',
  'deadline', 'phase', 'channel', 'receivedAt', 'generalRemarks', 'publicationConsent', 'namesConsent', 'target', 'kind',
  'passage', 'published', 'note', 'file', 'jobId', 'logo', 'removeLogo', 'statementId', 'original', 'spreadsheet', 'stance', 'comment', 'confidential', 'section', 'intent', 'format', 'id', 'draftId', 'documentHash', 'key', 'listPosition',
  'responseIds', 'outcome', 'decidedOn', 'themeId', 'keywords', 'items', 'one', 'tagId', 'responseId', 'minorityStatementId',
  'passageStart', 'read', 'proposalIds', '__proto__',
];

/**
 * A value no action could take for a valid one: these would make a create action (an
 * organisation type, a committee code, an invitation's e-mail, the erasure confirmation) succeed
 * on its own, without naming any existing object.
 */
const couldBeValid = (value: string) => /^[A-ZÆØÅ_]+$/.test(value.trim()) || value.includes('@') || value.trim() === 'yes';

/** Ids shaped like the real ones (cuid) that name nothing, so the calls reach the database. */
const unknownId = fc.stringMatching(/^c[a-z0-9]{24}$/);
const text = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    // Lone surrogates, NUL and other control characters.
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'undefined', 'true', '[]', '{}', 'on', 'en', 'pdf', 'csv', '2099-01-15T12:00', '2026-03-29T02:30', 'a:b', '../../etc/passwd'),
    unknownId,
    fc.integer({ min: 100_001, max: 400_000 }).map((length) => 'x'.repeat(length)),
  )
  .filter((value) => !couldBeValid(value));
const file = fc
  .record({
    name: fc.oneof(fc.string(), fc.constantFrom('bilag.pdf', 'budget.xlsx', 'budget.csv', 'budget.txt', '../x.pdf')),
    // Some are valid PDFs (with bytes after the end, which readers ignore), so that the upload check passes.
    body: fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.concat([Buffer.from('%PDF-1.4\n'), bytes])),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.concat([PDF, bytes])),
    ),
    type: fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream', ''),
  })
  .map(({ name, body, type }) => new File([new Uint8Array(body)], name, { type }));
/** Counterexamples show what was sent, not "[object FormData]". */
const described = <T extends object>(value: T, describe: () => string): T => Object.assign(value, { [fc.toStringMethod]: describe });
const field = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIELDS) }, fc.string(), fc.constantFrom('$ACTION_ID_0', 'stance-x', 'comment-x', 'constructor'));
const formData = fc.array(fc.tuple(field, fc.oneof({ weight: 4, arbitrary: text }, file)), { maxLength: 25 }).map((entries) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return described(data, () => fc.stringify(entries.map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, 200) : `File ${value.name} (${value.size} B)`])));
});
/** For the autosave actions, which take a plain object: wrong types, nesting, extra and missing keys. */
const anyValue = fc.oneof(text, fc.anything({ maxDepth: 3 }), fc.boolean(), fc.integer(), fc.double(), unknownId, fc.constant(null));
const objectInput = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.record(
    {
      consultationId: anyValue,
      organisationId: anyValue,
      proposalId: anyValue,
      text: anyValue,
      stance: fc.oneof(anyValue, fc.constantFrom('SUPPORT', 'OPPOSE', 'REMARKS')),
      comment: anyValue,
      confidential: anyValue,
      expectedVersion: fc.oneof(anyValue, fc.nat()),
      extra: fc.object(),
    },
    { requiredKeys: [] },
  ),
  // Well-formed ids of nothing with the right types elsewhere: reaches the domain layer.
  fc.record({ consultationId: unknownId, organisationId: unknownId, proposalId: unknownId, text: fc.string(), stance: fc.constant(null), comment: fc.string(), confidential: fc.boolean(), expectedVersion: fc.nat() }),
);
const request = fc
  .record({
    path: fc.webPath(),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom('format', 'id', 'callbackUrl'), fc.string()), fc.oneof(text, fc.constantFrom('pdf', 'docx', 'xlsx', 'csv'))), { maxLength: 6 }),
    method: fc.constantFrom('GET', 'POST'),
    body: fc.string(),
  })
  .map(({ path: pathname, query, method, body }) => {
    const url = new URL(`http://localhost${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
    url.search = new URLSearchParams(query).toString();
    // The auth route reads NextRequest's nextUrl.
    const request = Object.assign(new Request(url, { method, body: method === 'POST' ? body : undefined }), { nextUrl: url });
    return described(request, () => `${method} ${url.href}`);
  });
const params = fc.record({
  id: fc.oneof(text, unknownId),
  nextauth: fc.array(fc.string(), { maxLength: 4 }),
  consultationId: fc.oneof(text, unknownId),
  organisationId: fc.oneof(text, unknownId),
  version: fc.oneof(text, fc.nat().map(String)),
});

/** The autosave actions take one plain object; every other action takes form data. */
const OBJECT_ARGUMENT = new Set(['responses/actions.ts#saveGeneralRemarksAction', 'responses/actions.ts#saveAnswerAction']);

type Entry = (...args: unknown[]) => Promise<unknown>;
function argumentsFor(target: string, entry: Entry): fc.Arbitrary<unknown[]> {
  if (target.includes('route.ts#')) return fc.tuple(request, params.map((value) => ({ params: Promise.resolve(value) })));
  if (OBJECT_ARGUMENT.has(target)) return fc.tuple(objectInput);
  // (previous state, form data) or (form data); the previous state is ignored, so anything goes.
  return entry.length === 2 ? fc.tuple(fc.anything({ maxDepth: 2 }), formData) : fc.tuple(formData);
}

/** Passes unless the call threw (other than redirect/notFound), answered ≥ 500 or reported an unforeseen failure. */
async function handled(entry: Entry, args: unknown[]): Promise<void> {
  let result: unknown;
  try {
    result = await entry(...args);
  } catch (error) {
    if (error instanceof Redirect || error instanceof NotFound) return;
    throw error;
  }
  if (result instanceof Response) expect(result.status).toBeLessThan(500);
  // Form actions report an unforeseen failure as formError, autosave actions as error.
  else if (result && typeof result === 'object') expect([(result as { formError?: unknown }).formError, (result as { error?: unknown }).error]).not.toContain('forms.unexpected');
}

const targets = await exportedEntryPoints();

describe('malformed input', () => {
  it('finds every entry point', () => {
    expect(targets.length).toBeGreaterThan(40);
  });

  it('sends every field the forms have: a field added to a form without being added here fails', () => {
    const names = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry.endsWith('.tsx')) for (const [, name] of readFileSync(full, 'utf8').matchAll(/\bname="([^"]+)"/g)) names.add(name!);
      }
    };
    for (const dir of ['../app', '../components']) walk(path.resolve(import.meta.dirname, dir));
    // Search forms (method GET) send their fields as a page's query parameters.
    const known = new Set([...FIELDS, ...Object.values(PAGE_QUERY).flat()]);
    expect([...names].filter((name) => !known.has(name)).sort()).toEqual([]);
  });

  for (const target of targets) {
    for (const role of ['anonymous', 'staff'] as const) {
      it(`${target} · ${role}: no 500, no writes`, async () => {
        const [file, name] = target.split('#') as [string, string];
        const entry = (await loadAppModule<Record<string, Entry>>(file))[name]!;
        session.actor = role === 'staff' ? staff : { kind: 'anonymous' };
        session.userAgent = `malformed-input ${runId} ${target} ${role}`;
        // Expected refusals are logged by some domain code; they are not what this test reads.
        const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
        try {
          await fc.assert(fc.asyncProperty(argumentsFor(target, entry), (args) => handled(entry, args)), { numRuns: RUNS });
        } finally {
          quiet.mockRestore();
        }
        // Nothing committed: no audit event of a successful change by this run (reads of
        // exports are recorded as well, and are allowed), and no file left in storage.
        const events = await db.auditEvent.findMany({ where: { userAgent: session.userAgent, outcome: 'SUCCESS', NOT: { action: { endsWith: '.export' } } } });
        expect(events.map((event) => event.action)).toEqual([]);
        expect(existsSync(attachmentDir) ? readdirSync(attachmentDir) : []).toEqual([]);
      });
    }
  }
});

// Every page, found under app/ as Next.js finds it, with the query parameters it reads. A page
// added without an entry here fails the first test, and so does a page that reads searchParams
// with no parameter listed.
const PAGE_QUERY: Record<string, string[]> = {
  '/': ['q', 'committee', 'type'],
  '/account': [],
  '/consultations': [],
  '/consultations/[id]': [],
  '/consultations/[id]/results': [],
  '/consultations/[id]/responses/[organisationId]': [],
  '/insight': [],
  '/insight/[id]': ['committee', 'type', 'list', 'stance', 'minAmount', 'sort', 'period', 'direction'],
  '/insight/[id]/charts': [],
  '/insight/[id]/matrix': [],
  '/insight/[id]/proposals/[proposalId]': [],
  '/insight/[id]/responses/[organisationId]': [],
  '/invitation/[token]': [],
  '/proposals/[id]': [],
  '/responses': [],
  '/responses/[consultationId]/[organisationId]': ['unanswered'],
  '/responses/[consultationId]/[organisationId]/receipt/[version]': [],
  '/responses/[consultationId]/[organisationId]/review': [],
  '/search': ['q'],
  '/signin': ['callbackUrl'],
  '/signin/check-email': [],
  '/signin/continue': [],
  '/signin/error': ['error'],
  '/staff': [],
  '/staff/audit': ['person', 'organisationId', 'action', 'outcome', 'from', 'to', 'page'],
  '/staff/consultations': [],
  '/staff/consultations/[id]': ['status', 'page'],
  '/staff/consultations/[id]/analysis': [],
  '/staff/consultations/[id]/analysis/[proposalId]': [],
  '/staff/consultations/[id]/analysis/[proposalId]/answers': ['stance', 'type', 'statutory', 'theme', 'unread'],
  '/staff/consultations/[id]/analysis/themes': [],
  '/staff/consultations/[id]/analysis/themes/[themeId]': [],
  '/staff/consultations/[id]/analysis/duplicates': [],
  '/staff/consultations/[id]/name-review': [],
  '/staff/consultations/[id]/parties/[organisationId]': [],
  '/staff/consultations/[id]/register/[organisationId]': [],
  '/staff/consultations/[id]/remarks': [],
  '/staff/consultations/[id]/responses/[organisationId]': [],
  '/staff/import': ['draft'],
  '/staff/mail': [],
  '/staff/proposals': [],
  '/staff/proposals/[id]/edit': [],
  '/staff/settings': [],
  '/privatliv': [],
  '/tilgaengelighed': [],
  '/cookies': [],
};
const PAGE_RUNS = 60;

function pageFiles(): Map<string, string> {
  const appDir = path.resolve(import.meta.dirname, '../app');
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'page.tsx') pages.set(`/${path.relative(appDir, dir).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join('/')}`.replace(/\/$/, '') || '/', path.relative(appDir, full));
    }
  };
  walk(appDir);
  return pages;
}

/** What the page gets after proxy.ts: the params of the (possibly rewritten) path, or null when it no longer names this page. */
async function throughProxy(route: string, segments: Record<string, string>, query: [string, string][]) {
  const url = new URL(`http://localhost${route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(segments[name]!))}`);
  url.search = new URLSearchParams(query).toString();
  const response = proxy(new NextRequest(url));
  const rewritten = response.headers.get('x-middleware-rewrite');
  const seen = rewritten ? new URL(rewritten) : url;
  const pattern = new RegExp(`^${route.replace(/\[(\w+)\]/g, '(?<$1>[^/]+)')}$`);
  const match = pattern.exec(seen.pathname);
  if (!match) return null;
  const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
  const searchParams: Record<string, string | string[]> = {};
  for (const [name, value] of seen.searchParams) {
    const earlier = searchParams[name];
    searchParams[name] = earlier === undefined ? value : [earlier, value].flat();
  }
  return { params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) };
}

describe('malformed page requests', () => {
  const pages = pageFiles();

  it('knows every page and the query parameters of each', () => {
    expect([...pages.keys()].sort()).toEqual(Object.keys(PAGE_QUERY).sort());
    for (const [route, file] of pages) {
      if (readFileSync(path.resolve(import.meta.dirname, '../app', file), 'utf8').includes('searchParams')) expect(PAGE_QUERY[route], route).not.toEqual([]);
    }
  });

  for (const [route, file] of pages) {
    for (const role of ['anonymous', 'staff'] as const) {
      it(`${route} · ${role}: no 500, no writes`, async () => {
        type Page = (props: unknown) => Promise<unknown>;
        const page = await loadAppModule<{ default: Page; generateMetadata?: Page }>(file);
        session.actor = role === 'staff' ? staff : { kind: 'anonymous' };
        session.userAgent = `malformed-input ${runId} page ${route} ${role}`;
        const names = PAGE_QUERY[route] ?? [];
        const segments = fc.record(Object.fromEntries([...route.matchAll(/\[(\w+)\]/g)].map(([, name]) => [name!, fc.oneof(text, unknownId).filter((value) => value.length > 0 && value.length < 2_000)])));
        const query = fc.array(fc.tuple(names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, fc.string()) : fc.string(), fc.oneof(text.filter((value) => value.length < 2_000), fc.constantFrom('\u0000', 'a\u0000b', '%00', '\u001f', 'a\\b', "'\\'"))), { maxLength: 6 });
        const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
        try {
          await fc.assert(
            fc.asyncProperty(segments, query, async (values, entries) => {
              const props = await throughProxy(route, values, entries);
              if (!props) return;
              for (const render of [page.default, page.generateMetadata]) {
                try {
                  await render?.(props);
                } catch (error) {
                  // A refusal is the page's answer (403/404), not a failure.
                  if (!(error instanceof Redirect || error instanceof NotFound || isDomainError(error, 'forbidden'))) throw error;
                }
              }
            }),
            { numRuns: PAGE_RUNS },
          );
        } finally {
          quiet.mockRestore();
        }
        const events = await db.auditEvent.findMany({ where: { userAgent: session.userAgent, outcome: 'SUCCESS' } });
        expect(events.map((event) => event.action)).toEqual([]);
      });
    }
  }
});

// What the properties above found, pinned down: a well-formed id of nothing was a failure
// ("forms.unexpected") in the domain layer, and a NUL in an id made PostgreSQL refuse the query.
describe('found by the properties', () => {
  type Action = (state: unknown, data: FormData) => Promise<{ formError?: string; fieldErrors?: Record<string, string> }>;
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it('reports an id that names nothing as not found', async () => {
    session.actor = staff;
    const actions = await loadAppModule<Record<string, Action>>('staff/consultations/actions.ts');
    const unknown = 'c000000000000000000000000';
    expect((await actions.removeModerationAction!(null, form({ consultationId: unknown, moderationId: unknown }))).formError).toBe('forms.notFound');
    expect((await actions.remindPartyAction!(null, form({ consultationId: unknown, organisationId: unknown }))).formError).toBe('forms.notFound');
    // Assigning no proposals to a party of nothing was recorded as a successful change.
    expect((await actions.assignProposalsAction!(null, form({ consultationId: unknown, organisationId: unknown, note: '' }))).formError).toBe('forms.notFound');
  });

  it('refuses a NUL in an id before it reaches the database', async () => {
    session.actor = staff;
    const actions = await loadAppModule<Record<string, Action>>('staff/consultations/actions.ts');
    expect((await actions.remindPartyAction!(null, form({ consultationId: '\u0000', organisationId: 'x' }))).fieldErrors).toEqual({ consultationId: 'forms.invalidChoice' });
    const route = await loadAppModule<{ GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> }>('api/consultation-documents/[id]/route.ts');
    expect((await route.GET(new Request('http://localhost/'), { params: Promise.resolve({ id: '\u0000' }) })).status).toBe(404);
  });
});
