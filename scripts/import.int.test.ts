import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'lib/budget-document/fixtures');

/** `npm run import -- <file> --dry-run --json`, as the budget office runs it. */
async function runImport(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', '--tsconfig', 'tsconfig.cli.json', 'scripts/import.ts', file, '--dry-run', '--json'], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run import -- <file> --dry-run --json', () => {
  it.each([
    ['htk-2026-portrait.pdf', 'htk-2026-portrait'],
    ['vestera-2027-landscape.pdf', 'vestera-2027-landscape'],
    ['vestera-2027-landscape.docx', 'vestera-2027-landscape'],
  ])('prints %s as the parsed document', async (file, name) => {
    const { code, stdout, stderr } = await runImport(path.join(fixtures, file));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(path.join(fixtures, `${name}.expected.json`), 'utf8')));
    expect(stderr).toContain('--dry-run: intet er gemt.');
  });

  it('refuses the document with a wrong printed total, naming list, year, kind and difference', async () => {
    const { code, stdout, stderr } = await runImport(path.join(fixtures, 'htk-2026-wrong-total.pdf'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Dokumentet kan ikke indlæses; intet er gemt:');
    expect(stderr).toMatch(/Side \d+, række \d+: Summen for "Indarbejdes ikke, men sendes i høring", serviceudgifter 2028, er -4\.690, men dokumentet angiver -4\.590 \(forskel -100\)\./u);
  });
});
