// Lint rules, including the layering rules from docs/architecture.md: where a file lives says
// where it may run, and these rules (tested in test/unit/layering.test.ts) make that true.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Bare names (fs, path…) here; every node:* specifier is caught by a pattern below.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:') && !m.startsWith('_'));

/** The only files in src/main that may import electron: thin glue, no logic. */
export const ELECTRON_GLUE_FILES = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/security.ts',
  'src/main/menu.ts',
  'src/main/ipc.ts',
  'src/main/app-protocol.ts',
  'src/main/dialogs.ts',
  'src/main/print-pdf.ts',
];

const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.electron-native/**', 'bench/results/**', 'bench/scratch/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='send'][callee.object.name='ipcRenderer']", message: 'Use the typed contract, not a raw channel.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'react', 'react-dom', 'echarts', ...nodeBuiltins],
      ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', 'node:*'],
      'src/shared runs everywhere: it may not import environment-specific code (electron, node:*, better-sqlite3, React, DOM) or other layers.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      ['electron', 'better-sqlite3', 'apache-arrow/ipc/node', ...nodeBuiltins],
      ['**/main/**', '**/preload/**', '**/cli/**', 'node:*'],
      'The renderer is sandboxed: it may not import electron, node:*, better-sqlite3 or main-process code; call window.slicewise instead.',
    ),
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ELECTRON_GLUE_FILES,
    rules: restrict(
      ['electron'],
      ['**/renderer/**', '**/preload/**'],
      'Only the thin glue files listed in eslint.config.js (ELECTRON_GLUE_FILES) may import electron; keep logic in modules that Node tests can load.',
    ),
  },
  {
    files: ELECTRON_GLUE_FILES,
    rules: restrict([], ['**/renderer/**', '**/preload/**'], 'main may not import renderer or preload code.'),
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
