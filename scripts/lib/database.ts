// Resolves the database for the project's commands: DATABASE_URL when set, otherwise the
// embedded PostgreSQL whose data lives in .data/ (git-ignored).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureDatabase, startEmbeddedDatabase } from './embedded-db';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
/** Where `npm start` keeps the embedded PostgreSQL's data; EMBEDDED_DATABASE_DIR gives another folder. */
export const EMBEDDED_DATA_DIR = path.resolve(projectRoot, process.env.EMBEDDED_DATABASE_DIR ?? path.join('.data', 'postgres'));
const EMBEDDED_DATABASE = 'budgethoering';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveDatabase(log: (line: string) => void = () => {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port: 54329, persistent: true, log });
  const url = await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  return { url, embedded: true, stop: () => server.stop() };
}

/** Runs the Prisma CLI of the project against `url`; throws on failure. */
export function prisma(args: string[], url: string, options: { quiet?: boolean } = {}): void {
  const result = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'prisma'), args, {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const output = options.quiet ? `\n${result.stdout}${result.stderr}` : '';
    throw new Error(`prisma ${args.join(' ')} failed (exit ${result.status})${output}`);
  }
}
