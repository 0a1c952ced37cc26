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
const keytarOnlyInTokenStore = {
  name: 'keytar',
  message: 'keytar is used only in main/secrets/keytar-secret-store.ts.',
};
// Relative imports only (this code base uses no path aliases): a capability is one folder below main/.
const upwardFromCapability = {
  regex: '^(\\.\\./)+(main/)?(app|shell|web)(/|$)',
  message:
    'A capability must not import the composition root (main/app) or a shell (main/shell, main/web): move the shared piece down into main/shared or the capability.',
};
const upwardFromApp = {
  regex: '^(\\.\\./)+(main/)?(shell|web)(/|$)',
  message: 'The composition root (main/app) must not import a shell (main/shell, main/web): shells import the root.',
};
const upwardFromShared = {
  regex: '^\\.\\./(?!\\.\\./preload/)',
  message: 'main/shared sits below every capability: it may import only main/shared and preload/.',
};
// Infrastructure (storage, files, logging, secrets, config, platform glue) serves every feature and
// knows none of them: a feature's rule that infrastructure needs moves down, or is passed in.
const infrastructureFolders = [
  'shared',
  'platform',
  'database',
  'settings-file',
  'logging',
  'secrets',
  'security',
  'config',
];
const featureFolders = [
  'analytics',
  'attendance',
  'deep-links',
  'device-check',
  'google',
  'interviews',
  'mail',
  'meet',
  'reminders',
  'settings',
  'tray',
];
const featureFromInfrastructure = {
  regex: `^\\.\\./(${featureFolders.join('|')})(/|$)`,
  message:
    'Infrastructure (main/shared, platform, database, settings-file, logging, secrets, security, config) never imports a feature folder: pass what it needs in.',
};
const upwardFromPreload = {
  regex: '^(\\.\\./)+(main|renderer)(/|$)',
  message:
    'preload/ (the bridge: the preload script and preload/shared, which main and the renderer share) is the lowest layer: it must not import main/ or renderer/.',
};

export default tseslint.config(
  {
    ignores: [
      'tests/security/fixtures/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'tests/artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
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
          patterns: [
            { group: ['**/main/**', 'node:*'], message: 'The renderer may import only renderer/ and preload/shared/.' },
          ],
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
  // Layering, like VS Code's: each layer imports only downward. preload/shared (contract, shared rules)
  // < main/shared < capabilities (main/<capability>) < main/app (composition) < main/shell, main/web.
  {
    files: ['main/*/**/*.ts'],
    ignores: ['main/shell/**', 'main/web/**', 'main/app/**', 'main/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...electronOnlyInShell.paths, keytarOnlyInTokenStore], patterns: [upwardFromCapability] },
      ],
    },
  },
  {
    files: infrastructureFolders.filter((f) => f !== 'shared').map((f) => `main/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronOnlyInShell.paths, keytarOnlyInTokenStore],
          patterns: [upwardFromCapability, featureFromInfrastructure],
        },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...electronOnlyInShell.paths, keytarOnlyInTokenStore], patterns: [upwardFromApp] },
      ],
    },
  },
  {
    files: ['main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...electronOnlyInShell.paths, keytarOnlyInTokenStore], patterns: [upwardFromShared] },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarOnlyInTokenStore], patterns: [upwardFromPreload] }] },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarOnlyInTokenStore] }] },
  },
  {
    files: ['preload/shared/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnlyInShell.paths,
          patterns: [
            {
              group: ['node:*', '**/main/**', '**/renderer/**'],
              message: 'The contract is pure: main, preload and renderer all load it.',
            },
          ],
        },
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
