// ESLint: typescript-eslint's recommended rules everywhere, and the few type-aware rules that catch
// real mistakes in a language server (a promise nobody awaits or handles) for the shipped code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Functions stay readable: the server and the CLI have none longer than this.
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // The build and maintenance scripts run in Node.
    files: ['*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // Test suites are one describe() each, long by nature.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
