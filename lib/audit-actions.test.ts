import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCodeOfMessageKey, actionMessageKey } from './audit-actions';
import da from './i18n/messages/da.json';

// Every action code the app writes to the audit log must have a name in the message files, so
// that staff never read a bare code. The codes are found in the sources: the `action` of an
// audit entry (or a parameter's default), and the code a function is handed right after the
// actor (authorize, deny, requireUser and any helper that takes (actor, ..., 'code')).

const CODE = String.raw`'([a-z][A-Za-z]*(?:\.[a-z][A-Za-z_]*)+)'`;
const PATTERNS = [new RegExp(String.raw`\baction\s*[:=]\s*${CODE}`, 'g'), new RegExp(String.raw`\b\w+\(\s*\w*[aA]ctor\w*\s*,\s*(?:[\w.]+\s*,\s*){0,3}${CODE}`, 'g')];

function actionCodesIn(source: string): string[] {
  return PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'generated' || entry === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

const written = new Set(['app', 'lib', 'scripts', 'prisma', 'bench'].flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap((file) => actionCodesIn(readFileSync(file, 'utf8'))));

describe('audit action names', () => {
  it('finds codes in audit entries and in calls that take the actor first', () => {
    const sample = `
      await audit(actor, { action: 'proposal.move', objectType: 'Proposal' }, tx);
      await audit(
        actor,
        {
          action: 'proposal.edit',
        });
      await authorize(actor, 'audit.read', isStaff(actor));
      return deny(actor, 'auth.demo_login');
      await assertMayChange(actor, key, 'response.submit', tx, { submitter: true });
      await editableDraft(actor, key, tx, 'response.attachment.add');
      export async function editableDraft(actor: Actor, key: ResponseKey, tx: Tx, action = 'response.edit') {}
      t('forms.saved'); path.join(dir, 'backup.dump');`;
    expect(actionCodesIn(sample).sort()).toEqual(['audit.read', 'auth.demo_login', 'proposal.edit', 'proposal.move', 'response.attachment.add', 'response.edit', 'response.submit']);
  });

  it('has a Danish (and, by the message files test, an English) name for every code the app writes', () => {
    expect(written.size).toBeGreaterThan(40);
    const named = new Set(Object.keys(da.audit.actions).map(actionCodeOfMessageKey));
    expect([...written].filter((code) => !named.has(code)).sort()).toEqual([]);
  });

  it('maps codes to message keys and back', () => {
    for (const code of written) expect(actionCodeOfMessageKey(actionMessageKey(code))).toBe(code);
  });
});
