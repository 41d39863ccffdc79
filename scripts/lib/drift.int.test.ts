import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkDrift } from './drift';
import { projectRoot } from './database';

// Inside the project: Prisma resolves its engines from here (outside it may try a download).
const scratch = path.join(projectRoot, '.data', `drift-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('reports no drift for the committed schema and migrations', () => {
  expect(checkDrift(process.env.DATABASE_URL!)).toEqual({ drift: false, script: '' });
});

it('detects a schema change that has no migration', () => {
  mkdirSync(scratch, { recursive: true });
  const schema = readFileSync(path.join(projectRoot, 'prisma', 'schema.prisma'), 'utf8').replace(
    'model Committee {\n',
    'model Committee {\n  driftProbe String?\n',
  );
  const changed = path.join(scratch, 'schema.prisma');
  writeFileSync(changed, schema);
  const result = checkDrift(process.env.DATABASE_URL!, changed);
  expect(result.drift).toBe(true);
  expect(result.script).toMatch(/ALTER TABLE "Committee" ADD COLUMN\s+"driftProbe" TEXT/);
});
