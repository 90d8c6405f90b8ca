import { builtinModules } from 'node:module'
import js from '@eslint/js'
import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

/*
 * The layers (../shared/DESIGN.md): renderer -> shared <- electron, core below main, preload and
 * web, and main and web side by side. One block per layer, each listing everything that layer may
 * not import: ESLint replaces a rule's options per block, it never merges them, so a block that
 * names only its own bans would lift the ones above. tests/unit/layers.test.ts holds a fixture
 * per rule that must fail.
 */
const electronMessage = 'Only electron/main and electron/preload may import electron.'
const noElectron = { name: 'electron', message: electronMessage }
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'Node built-ins belong to electron/ and scripts, not to this layer.' }))
const banned = (message, ...group) => ({ group, message })
const layer = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
})

export default defineConfigWithVueTs(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/**/*.json', 'tests/fixtures/layers/**'] },
  js.configs.recommended,
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/require-default-prop': 'off',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  layer(['renderer/**'], {
    paths: [noElectron, ...nodeBuiltins],
    patterns: [banned('The renderer knows nothing of Node, SQLite or the main process: go through the contract.', '**/electron/**', '**/electron', 'node:*', 'better-sqlite3', '@electron/*')],
  }),
  layer(['shared/**'], {
    paths: [noElectron, ...nodeBuiltins],
    patterns: [
      banned('shared/ is the contract both sides import: it imports nothing outside shared/.', '**/electron/**', '**/electron', '**/renderer/**', '@renderer/**', '**/data/**', '**/tests/**', '**/bench/**', '**/scripts/**', 'node:*', 'better-sqlite3'),
    ],
  }),
  layer(['electron/core/**'], {
    paths: [noElectron],
    patterns: [banned('Core is plain Node below the hosts: it never imports electron/main, preload or web.', '**/main/**', '**/main', '**/preload/**', '**/preload', '**/web/**', '**/web', '**/renderer/**', '@renderer/**')],
  }),
  layer(['electron/main/**'], {
    patterns: [banned('electron/main and electron/web are two hosts side by side: move what both need into core or shared.', '**/web/**', '**/web', '**/renderer/**', '@renderer/**')],
  }),
  layer(['electron/preload/**'], {
    patterns: [banned('The preload sees only the contract: it runs sandboxed, with nothing but electron to require.', '**/core/**', '**/main/**', '**/web/**', '**/renderer/**', '@renderer/**', 'node:*')],
  }),
  layer(['electron/web/**'], {
    paths: [noElectron],
    patterns: [banned('electron/main and electron/web are two hosts side by side: move what both need into core or shared.', '**/main/**', '**/main', '**/preload/**', '**/renderer/**', '@renderer/**')],
  }),
  {
    files: ['tests/e2e/electron*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
