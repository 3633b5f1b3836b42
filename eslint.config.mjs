import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { builtinModules } from 'node:module'

const ELECTRON = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/index.ts, ipc.ts, menu.ts) and the preload use Electron.',
}
const ELECTRON_PATTERN = {
  group: ['electron/*'],
  message: 'Only the Electron shell and the preload use Electron.',
}
const NODE_BUILTINS = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: 'This layer runs in a browser too: no Node modules.' }))
/** Transports reach the engine through its facade (src/main/archive/index.ts), never its rooms. */
const ENGINE_ROOMS = {
  group: ['**/archive/*', '**/archive/**', '!**/archive/index'],
  message: 'Use the engine through its facade: import from src/main/archive/index.ts.',
}
const NO_WINDOW = {
  group: ['**/renderer/**', '**/preload/**'],
  message: 'The main process knows the window only through the contract.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
  },
  {
    files: ['src/renderer/**/*'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Layers (see README, "How the code is laid out"): common <- engine <- transports and shell; the
  // renderer and the preload talk to the contract only. Each folder gets the imports it may not use.
  {
    // The contract: types, schemas and the client core, shared by every layer and running in all of them.
    files: ['src/common/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON, ...NODE_BUILTINS],
          patterns: [
            { group: ['node:*'], message: 'src/common runs in the browser too: no Node modules.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '../*', '!../common/**'],
              message: 'src/common imports nothing from the layers that use it.',
            },
          ],
        },
      ],
    },
  },
  // The engine runs in plain Node (tests, CLI, the browser host): it never reaches for Electron, the
  // transports or the window. Relative paths differ by depth, so each depth gets its own list.
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`src/main/archive/${'*/'.repeat(depth)}*`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [
            ELECTRON_PATTERN,
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'The engine knows nothing of the window.',
            },
            {
              group: [
                'cli',
                'cli/**',
                'web-host',
                'web-host/**',
                'ipc',
                'index',
                'menu',
                'window-policy',
              ].map((name) => `${'../'.repeat(depth + 1)}${name}`),
              message: 'The engine knows nothing of the transports or the Electron shell.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The CLI and the browser host: plain Node, the contract and the engine's facade only.
    files: ['src/main/cli.ts', 'src/main/cli/**/*', 'src/main/web-host.ts', 'src/main/web-host/**/*'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [ELECTRON_PATTERN, ENGINE_ROOMS, NO_WINDOW],
        },
      ],
    },
  },
  {
    // The Electron shell: the contract and the engine's facade.
    files: ['src/main/index.ts', 'src/main/ipc.ts', 'src/main/menu.ts', 'src/main/window-policy.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_ROOMS, NO_WINDOW] }],
    },
  },
  {
    // The preload exposes the contract's transport: Electron and src/common, nothing else.
    files: ['src/preload/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The preload runs sandboxed: no Node modules.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload only knows the contract.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the contract only: no Node, no engine, no Electron.
    files: ['src/renderer/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer only talks to the ArchiveApi contract.' },
            ...NODE_BUILTINS,
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer only talks to the ArchiveApi contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  prettier,
)
