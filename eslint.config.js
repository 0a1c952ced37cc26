// Lint fences where code may run (README.md, Layout): Electron only in main/shell and the
// preload entry, keytar only in its one file, the renderer never reaches into main or Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Electron is imported only in main/shell/ and preload/preload.ts.' }],
  patterns: [],
};
const keytarOnlyInTokenStore = { name: 'keytar', message: 'keytar is used only in main/secrets/keytar-secret-store.ts.' };

export default tseslint.config(
  { ignores: ['tests/security/fixtures/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.desk.' }],
          patterns: [{ group: ['**/main/**', 'node:*'], message: 'The renderer may import only renderer/ and preload/contract/.' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...electronOnlyInShell.paths, keytarOnlyInTokenStore] }],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarOnlyInTokenStore] }] },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronOnlyInShell.paths, patterns: [{ group: ['node:*', '**/main/**', '**/renderer/**'], message: 'The contract is pure: main, preload and renderer all load it.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
