// The app's public entry points: every exported function of every `actions.ts` (or `*-actions.ts`)
// and `route.ts` under app/. The access-control matrix and the malformed-input test both walk
// this list, so that a new action or route cannot be left out of either.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Imports a module under app/ by its path relative to app/. */
export const loadAppModule = async <T,>(file: string): Promise<T> => (await import(`@/app/${file}`)) as T;

/** The files under app/ that hold server actions or route handlers, relative to app/. */
function entryPointFiles(): string[] {
  const appDir = path.resolve(import.meta.dirname, '../app');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/(^|-)actions\.ts$|^route\.ts$/.test(entry)) files.push(path.relative(appDir, full));
    }
  };
  walk(appDir);
  return files;
}

/** Every exported function, as "<file under app/>#<export>", sorted. */
export async function exportedEntryPoints(): Promise<string[]> {
  const lists = await Promise.all(
    entryPointFiles().map(async (file) => {
      const exports = await loadAppModule<Record<string, unknown>>(file);
      return Object.entries(exports)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => `${file}#${name}`);
    }),
  );
  return lists.flat().sort();
}
