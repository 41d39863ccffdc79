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

const clientFiles = ['app', 'components', 'lib'].flatMap(sourceFiles).filter((file) => /^['"]use client['"]/m.test(readFileSync(path.join(root, file), 'utf8')));

describe('clientMessages', () => {
  it('leaves out the server-only namespaces and keeps the rest whole', () => {
    const kept = clientMessages(da) as typeof da;
    expect(kept.legal).toBeUndefined();
    expect(kept.audit).toBeUndefined();
    expect((kept.exports as Record<string, unknown>).note).toBeUndefined();
    expect(kept.exports.remarks).toEqual(da.exports.remarks);
    expect(kept.responses).toEqual(da.responses);
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(da).length * 0.7);
  });

  it('is given to no client component that reads a server-only namespace', () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const offences = clientFiles.flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return SERVER_ONLY_MESSAGES.filter((namespace) => new RegExp(`['"\`]${namespace.replace('.', '\\.')}(['"\`.])`).test(source)).map((namespace) => `${file}: ${namespace}`);
    });
    expect(offences).toEqual([]);
  });
});
