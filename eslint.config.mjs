import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Import boundaries (CODE_STYLE.md, docs/decisions/0010-import-boundaries.md). `components/` and the
// pure `lib/` may take types from `lib/server/` but no runtime code, and nothing from `app/` except
// the server actions of an `actions.ts` file.
const SERVER = '^(@/lib/|(\\.\\.?/)+(lib/)?)server(/|$)';
const APP_EXCEPT_ACTIONS = '^(@/|(\\.\\./)+)app/(?!(.+/)?actions$)';

export const importBoundaries = {
  files: ['components/**', 'lib/**'],
  ignores: ['lib/server/**', 'lib/generated/**'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: SERVER,
            allowTypeImports: true,
            message: 'lib/server/ is the domain layer: import only its types here (`import type`); pages pass the data as props.',
          },
          {
            regex: APP_EXCEPT_ACTIONS,
            message: 'From app/ only server actions, from an `actions.ts` file; anything else reaches components as props.',
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  importBoundaries,
  { ignores: ['.next/**', 'lib/generated/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
