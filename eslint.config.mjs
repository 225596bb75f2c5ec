// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Which library may import which (through its index, `@app/<lib>`, only). The table must stay
 * acyclic: it is checked below, so a cycle between libraries fails the lint before any code does.
 * Apps may import every library but `testing`; test/ and bench/ may import every library, and so may
 * a library's own unit tests (*.spec.ts, __fixtures__).
 */
const LIBRARY_DEPENDENCIES = {
  common: [],
  metrics: ['common'],
  calendar: ['common'],
  queues: ['common', 'metrics'],
  units: ['common'],
  access: ['common'],
  persistence: ['common', 'metrics'],
  documents: ['common', 'units'],
  notifications: ['common', 'calendar', 'queues', 'metrics'],
  scheduling: ['common', 'calendar', 'queues', 'notifications', 'documents', 'metrics'],
  workflow: ['common', 'calendar', 'queues', 'notifications', 'scheduling', 'units', 'access', 'documents'],
  reporting: [
    'common',
    'calendar',
    'queues',
    'notifications',
    'scheduling',
    'workflow',
    'documents',
    'access',
    'metrics',
    'units',
  ],
  testing: ['common', 'queues'],
};
const LIBRARIES = Object.keys(LIBRARY_DEPENDENCIES);

function assertAcyclic(graph) {
  const done = new Set();
  const visit = (node, path) => {
    if (path.includes(node)) throw new Error(`eslint.config.mjs: library cycle ${[...path, node].join(' → ')}`);
    if (done.has(node)) return;
    for (const next of graph[node]) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of Object.keys(graph)) visit(node, []);
}
assertAcyclic(LIBRARY_DEPENDENCIES);

const alternatives = (names) => names.join('|');

/** A relative path that climbs out of its folder into a library or an app's sources: only `@app/<lib>` crosses. */
const DEEP_IMPORT = {
  regex: `^(\\.\\./)+(libs/|apps/)?(${alternatives(LIBRARIES)})/src(/|$)|^(\\.\\./)+libs/`,
  message: 'Import another library through its index (@app/<lib>), never its files.',
};

function restrictions(forbidden, extra = []) {
  const paths = forbidden.map((name) => ({
    name: `@app/${name}`,
    message: `This code may not import @app/${name} (see LIBRARY_DEPENDENCIES in eslint.config.mjs and the README's layout).`,
  }));
  return ['error', { paths, patterns: [DEEP_IMPORT, ...extra] }];
}

const libraryBlocks = LIBRARIES.map((lib) => ({
  files: [`libs/${lib}/**/*.ts`],
  rules: {
    'no-restricted-imports': restrictions(
      LIBRARIES.filter((other) => !LIBRARY_DEPENDENCIES[lib].includes(other)),
      [{ regex: '^(\\.\\./)+(apps|test|bench)/', message: 'A library never imports an app, a test or a benchmark.' }],
    ),
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'demo-output/**', 'var/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The text parser and the file sniffer match control characters on purpose.
      'no-control-regex': 'off',
      // It cannot see values used in decorators (ParseEnumPipe in @Param); tsc's noUnusedLocals covers the rest.
      'no-useless-assignment': 'off',
      // Chinese text is written with fullwidth spaces on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  ...libraryBlocks,
  {
    // A library's own unit tests may use the test-support library; nothing it ships may.
    files: ['libs/**/*.spec.ts', 'libs/**/__fixtures__/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DEEP_IMPORT] }],
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': restrictions(['testing']) },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'migrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DEEP_IMPORT] }] },
  },
);
