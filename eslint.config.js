import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const kyselyOnlyInQueries = {
  paths: [{ name: 'kysely', message: 'Only *.queries.ts files and server/src/db may use Kysely (house plan, rule 3).' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/src/api/schema.gen.ts', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/src/db/**', 'server/**/*.queries.ts', 'server/**/*.test.ts', 'server/src/test/**', 'server/src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { ...kyselyOnlyInQueries, patterns: [{ group: ['**/web/**'], message: 'server/ never imports web/' }] }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'web/ uses only the generated API types, never server/' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '#*'], message: 'shared/ imports nothing of ours' }] }] },
  },
);
