// Lint rules, including the layer rules of docs/ARCHITECTURE.md:
//   src/engine imports nothing of the project but itself;
//   src/game imports no project folder but the engine;
//   neither imports Phaser, Howler, ws, Node built-ins, nor touches the DOM, the wall clock or Math.random.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const viewAndRuntimeLibs = [
  'phaser',
  'howler',
  'ws',
  'i18next',
  'uplot',
  'better-sqlite3',
  'playwright-core',
];
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'worker_threads',
  'util',
  'process',
];
const impurityGlobals = [
  { name: 'window', message: 'The pure core has no DOM.' },
  { name: 'document', message: 'The pure core has no DOM.' },
  { name: 'localStorage', message: 'The pure core has no storage.' },
  { name: 'performance', message: 'No wall clock in the pure core.' },
  { name: 'Date', message: 'No wall clock in the pure core; sim time comes from the engine.' },
  { name: 'setTimeout', message: 'No timers in the pure core.' },
  { name: 'setInterval', message: 'No timers in the pure core.' },
  { name: 'process', message: 'The pure core does not read the process.' },
];
const impurityProperties = [
  { object: 'Math', property: 'random', message: 'Use the seeded PRNG kept in state.' },
  ...['exp', 'log', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'atan2', 'expm1', 'log1p'].map(
    (property) => ({
      object: 'Math',
      property,
      message: 'Transcendental Math differs between JS engines; use src/engine/detmath.',
    }),
  ),
];

/** Imports a core folder may not make: views, transports, CLIs, the server, Node, view libraries. */
const coreImportRule = (folder, rule, allow = []) => [
  'error',
  {
    patterns: [
      {
        group: [
          '../ui/*',
          '../audio/*',
          '../i18n/*',
          '../net/*',
          '../cli/*',
          '../../server/*',
          ...allow.map((path) => `!${path}`),
        ],
        message: `${folder} ${rule}.`,
      },
      { group: [...viewAndRuntimeLibs, ...nodeBuiltins], message: `${folder} is pure.` },
      barrelPattern,
    ],
  },
];

/** The core's barrels are imported one way: the folder ('../game'), never '../game/index'. */
const barrelPattern = {
  group: ['**/game/index', '**/game/index.ts', '**/engine/index', '**/engine/index.ts'],
  message: "Import the barrel by its folder ('../game', '../engine').",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        HTMLElement: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { patterns: [barrelPattern] }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '@/*'],
              message: 'src/engine imports nothing of the project but itself.',
            },
            { group: [...viewAndRuntimeLibs, ...nodeBuiltins], message: 'src/engine is pure.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...impurityGlobals],
      'no-restricted-properties': ['error', ...impurityProperties],
    },
  },
  {
    // The after-action review runs in Node (npm run aar, the server) and in the browser alike.
    files: ['src/aar/**/*.ts'],
    rules: {
      // Its words come from the locale files through the text catalogue (src/i18n/catalogue.ts).
      'no-restricted-imports': coreImportRule(
        'src/aar',
        'imports only the game core, the engine and the text catalogue',
        ['../i18n/catalogue', '../i18n/locales', '../i18n/locales/*'],
      ),
      'no-restricted-globals': ['error', ...impurityGlobals.filter((g) => g.name !== 'Date')],
    },
  },
  {
    files: ['src/game/**/*.ts'],
    rules: {
      'no-restricted-imports': coreImportRule(
        'src/game',
        'imports no project folder but the engine',
      ),
      'no-restricted-globals': ['error', ...impurityGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG kept in state.' },
      ],
    },
  },
);
