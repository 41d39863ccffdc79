// Fails when prisma/schema.prisma and prisma/migrations disagree. Prisma replays the
// migrations into a throw-away shadow database and diffs the result with the schema.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './database';

export interface DriftResult {
  drift: boolean;
  /** The SQL that would bring the migrations in line with the schema. */
  script: string;
}

export function checkDrift(databaseUrl: string, schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma')): DriftResult {
  const result = spawnSync(
    path.join(projectRoot, 'node_modules', '.bin', 'prisma'),
    ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', schemaPath, '--script', '--exit-code'],
    { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' },
  );
  // --exit-code: 0 = no difference, 2 = difference, anything else = the check itself failed.
  if (result.status === 0) return { drift: false, script: '' };
  if (result.status === 2) return { drift: true, script: result.stdout };
  throw new Error(`prisma migrate diff failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}
