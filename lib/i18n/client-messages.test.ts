import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import da from './messages/da.json';
import { clientMessages, SERVER_ONLY_MESSAGES } from './client-messages';

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

/** The project file an import names, if it is one (the '@/' alias or a relative path). */
function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => allFiles.has(candidate));
}

/** The 'use client' files and every project module they import, type-only imports aside: all of them run in the browser. */
function clientModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    // A server action's module stays on the server; the browser gets only a reference to it.
    if (seen.has(file) || /^['"]use server['"]|^import 'server-only'/m.test(read(file))) return;
    seen.add(file);
    for (const [, specifier] of read(file).matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)) {
      const target = resolve(file, specifier!);
      if (target) visit(target);
    }
  };
  for (const file of allFiles) if (/^['"]use client['"]/m.test(read(file))) visit(file);
  return [...seen];
}

const clientFiles = clientModules();

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
