import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import da from './messages/da.json';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the test checks what app/client-messages.tsx hands out
import { FORM_MESSAGE_KEYS as FORM_MESSAGES } from '@/lib/server/errors';
import { clientMessages, pageMessages, pickMessages, ROOT_MESSAGES, SERVER_ONLY_MESSAGES } from './client-messages';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const allFiles = new Set(['app', 'components', 'lib'].flatMap(sourceFiles));
const isClient = (source: string) => /^['"]use client['"]/m.test(source);
const isServerAction = (source: string) => /^['"]use server['"]/m.test(source);
const isServerOnly = (source: string) => /^import 'server-only'/m.test(source);

/** The project file an import names, if it is one (the '@/' alias or a relative path). */
function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => allFiles.has(candidate));
}

const importsOf = (file: string) =>
  [...read(file).matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)].map(([, specifier]) => resolve(file, specifier!)).filter((target): target is string => target !== undefined);

/** The 'use client' files and every project module they import, type-only imports aside: all of them run in the browser. */
function clientModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    // A server action's module stays on the server; the browser gets only a reference to it.
    if (seen.has(file) || isServerAction(read(file)) || isServerOnly(read(file))) return;
    seen.add(file);
    for (const target of importsOf(file)) visit(target);
  };
  for (const file of allFiles) if (isClient(read(file))) visit(file);
  return [...seen];
}

const clientFiles = clientModules();
const namespaces = new Set(Object.keys(da));
const DYNAMIC = '(any key the server sends)';

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The namespaces and keys a client module's code names: useTranslations('x.y'), keys such as 'x.y' or `x.${z}`; DYNAMIC for useTranslations(). */
function namespacesRead(file: string): Set<string> {
  const source = withoutComments(read(file));
  const found = new Set<string>();
  for (const [, namespace] of source.matchAll(/useTranslations\(\s*'([\w.]+)'\s*\)/g)) found.add(namespace!);
  if (/useTranslations\(\s*\)/.test(source)) found.add(DYNAMIC);
  for (const key of keysIn(source.replace(/useTranslations\(\s*'[\w.]+'\s*\)/g, ''))) found.add(key);
  return found;
}

/** The message keys a source names, as far as they are written out ('x.y', `x.y.${z}`: x.y). */
function keysIn(source: string): Set<string> {
  const found = new Set<string>();
  for (const [, key] of source.matchAll(/['"`]([a-zA-Z]+(?:\.\w+)+)(?:\.\$\{[^}]*\}[\w.]*)?['"`]/g)) if (namespaces.has(key!.split('.')[0]!)) found.add(key!);
  // `orgTypes.${type}`: the whole namespace, or as much of the key as is written out.
  for (const [, key] of source.matchAll(/`([a-zA-Z]+(?:\.\w+)*)\.\$\{/g)) if (namespaces.has(key!.split('.')[0]!)) found.add(key!);
  return found;
}

/** The message keys a server action's module (or a schema it imports) names: its success and error messages, which its form shows. */
const keysNamed = (file: string) => keysIn(withoutComments(read(file)));

/** What the client components a page or layout renders read: its imports down to 'use client', then everything they import, and the server actions they call with the schemas those use. */
function clientNamespacesOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const found = new Set<string>();
  const schemas = (file: string) => {
    if (seen.has(file) || file.startsWith('lib/server/') || isServerOnly(read(file))) return;
    seen.add(file);
    for (const key of keysNamed(file)) found.add(key);
    for (const target of importsOf(file)) schemas(target);
  };
  const visit = (file: string, inClient: boolean) => {
    if (seen.has(`${file}:${inClient}`)) return;
    seen.add(`${file}:${inClient}`);
    const source = read(file);
    if (isServerAction(source)) {
      if (inClient) {
        for (const key of keysNamed(file)) found.add(key);
        for (const target of importsOf(file)) schemas(target);
      }
      return;
    }
    const client = inClient || isClient(source);
    if (client && isServerOnly(source)) return;
    if (client) for (const namespace of namespacesRead(file)) found.add(namespace);
    for (const target of importsOf(file)) visit(target, client);
  };
  visit(entry, false);
  return found;
}

/** The namespaces a page gives its client components: ROOT_MESSAGES and those of its <ClientMessages>. */
function given(file: string): { namespaces: string[]; forms: boolean } {
  const source = read(file);
  const provider = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}([^>]*)>/.exec(source);
  if (!provider) return { namespaces: [...ROOT_MESSAGES], forms: false };
  const listed = [...provider[1]!.matchAll(/'([\w.]+)'/g)].map(([, namespace]) => namespace!);
  return { namespaces: [...ROOT_MESSAGES, ...listed], forms: !/forms=\{false\}/.test(provider[2]!) };
}

const covered = (namespace: string, list: string[]) => list.some((entry) => namespace === entry || namespace.startsWith(`${entry}.`));

describe('clientMessages', () => {
  it('leaves out the server-only namespaces and keeps the rest whole', () => {
    const kept = clientMessages(da) as typeof da;
    expect(kept.legal).toBeUndefined();
    expect(kept.audit).toBeUndefined();
    expect((kept.exports as Record<string, unknown>).note).toBeUndefined();
    expect(kept.exports.remarks).toEqual(da.exports.remarks);
    expect(kept.responses).toEqual(da.responses);
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(da).length * 0.75);
  });

  it('is given to no client component, nor any module a client component imports, that reads a server-only namespace', () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const offences = clientFiles.flatMap((file) => {
      const source = read(file);
      return SERVER_ONLY_MESSAGES.filter((namespace) => new RegExp(`['"\`]${namespace.replace('.', '\\.')}(['"\`.])`).test(source)).map((namespace) => `${file}: ${namespace}`);
    });
    expect(offences).toEqual([]);
  });
});

describe('pageMessages', () => {
  it('picks namespaces and single messages, never a server-only one', () => {
    const picked = pickMessages(da, ['consultations', 'exports', 'legal', 'responses.statuses.DRAFT']) as Record<string, Record<string, unknown>>;
    expect(picked.consultations).toEqual(da.consultations);
    expect(picked.exports!.note).toBeUndefined();
    expect(picked.legal).toBeUndefined();
    expect(picked.responses).toEqual({ statuses: { DRAFT: da.responses.statuses.DRAFT } });
  });

  it('gives a page with forms every refusal message, whole namespaces intact', () => {
    const picked = pageMessages(da, ['consultations'], FORM_MESSAGES) as Record<string, Record<string, unknown>>;
    expect(picked.consultations).toEqual(da.consultations);
    for (const key of FORM_MESSAGES) expect(key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], picked), key).toBeTypeOf('string');
    expect(Object.keys(pageMessages(da, [], [])).sort()).toEqual([...ROOT_MESSAGES].sort());
  });

  const entries = [...allFiles].filter((file) => /^app\/.*(page|layout)\.tsx$/.test(file) || file === 'app/error.tsx').sort();

  it('finds the pages', () => {
    expect(entries.length).toBeGreaterThan(30);
  });

  for (const entry of entries) {
    it(`${entry} gives its client components every namespace they read`, () => {
      const read = clientNamespacesOf(entry);
      // A layout's client components sit outside its pages' <ClientMessages>: they get ROOT_MESSAGES.
      const { namespaces: list, forms } = entry.endsWith('page.tsx') ? given(entry) : { namespaces: [...ROOT_MESSAGES], forms: false };
      const missing = [...read].filter((key) => (key === DYNAMIC ? !forms : !covered(key, list) && !(forms && FORM_MESSAGES.includes(key))));
      expect(missing.join(', '), 'namespaces or keys its <ClientMessages> lacks').toBe('');
    });
  }
});
