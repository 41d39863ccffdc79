// The import boundaries of eslint.config.mjs, checked on small sources linted as if they were files
// of the project: each forbidden import is reported, each allowed one is not.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './database';

const eslint = new ESLint({ cwd: projectRoot });
const RULE = '@typescript-eslint/no-restricted-imports';

// The first lint loads the whole configuration and its plugins: seconds on a loaded machine.
beforeAll(() => eslint.lintText('', { filePath: 'lib/warm-up.ts' }), 60_000);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

// Linting is CPU-bound; a loaded machine takes a few seconds per source.
describe('import boundaries', { timeout: 30_000 }, () => {
  it('refuses runtime code of lib/server/ in a component, by alias or relative path', async () => {
    expect(await boundaryErrors('components/fixture.tsx', "import { db } from '@/lib/server/db';\nexport const x = db;\n")).toEqual([expect.stringMatching(/domain layer/)]);
    expect(await boundaryErrors('components/fixture.tsx', "import { db } from '../lib/server/db';\nexport const x = db;\n")).toHaveLength(1);
  });

  it('refuses it in the pure lib/ too', async () => {
    expect(await boundaryErrors('lib/budget/fixture.ts', "import { db } from '../server/db';\nexport const x = db;\n")).toHaveLength(1);
    expect(await boundaryErrors('lib/fixture.ts', "import { db } from './server/db';\nexport const x = db;\n")).toHaveLength(1);
  });

  it('allows type-only imports from lib/server/', async () => {
    expect(await boundaryErrors('components/fixture.tsx', "import type { Municipality } from '@/lib/server/municipality';\nexport type X = Municipality;\n")).toEqual([]);
  });

  it('allows server actions from an actions.ts file of app/, and nothing else of app/', async () => {
    expect(await boundaryErrors('components/fixture.tsx', "import { signOutAction } from '@/app/signin/actions';\nexport const x = signOutAction;\n")).toEqual([]);
    expect(await boundaryErrors('components/fixture.tsx', "import Page from '@/app/signin/page';\nexport const x = Page;\n")).toEqual([expect.stringMatching(/only server actions/)]);
    expect(await boundaryErrors('lib/fixture.ts', "import { x } from '../app/staff/extra-actions';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('leaves the domain layer and the app free to import the domain layer', async () => {
    expect(await boundaryErrors('lib/server/fixture.ts', "import { db } from '@/lib/server/db';\nexport const x = db;\n")).toEqual([]);
    expect(await boundaryErrors('app/fixture/page.tsx', "import { db } from '@/lib/server/db';\nexport const x = db;\n")).toEqual([]);
  });
});
