/** Unit tests live beside the code (*.spec.ts); integration and e2e tests in test/. */

// Nest 12 is published as ES modules only. Jest loads them from these CommonJS tests with its own
// require(esm), which needs node:vm's SourceTextModule, there only under --experimental-vm-modules.
if (typeof require('node:vm').SourceTextModule !== 'function') {
  throw new Error(
    'Run the tests through npm: `npm test`, or `npm run test:jest -- <paths>` for some of them. ' +
      'Jest needs Node.js started with --experimental-vm-modules to load Nest 12, an ES module package.',
  );
}

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Transpiled file by file (tsconfig.jest.json sets isolatedModules): types are checked once, by
  // `npm run typecheck` in `npm test`, not again in every suite (minutes of CI).
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@app/access$': '<rootDir>/libs/access/src/index.ts',
    '^@app/calendar$': '<rootDir>/libs/calendar/src/index.ts',
    '^@app/common$': '<rootDir>/libs/common/src/index.ts',
    '^@app/queues$': '<rootDir>/libs/queues/src/index.ts',
    '^@app/testing$': '<rootDir>/libs/testing/src/index.ts',
    '^@app/units$': '<rootDir>/libs/units/src/index.ts',
    '^@app/documents$': '<rootDir>/libs/documents/src/index.ts',
    '^@app/scheduling$': '<rootDir>/libs/scheduling/src/index.ts',
    '^@app/workflow$': '<rootDir>/libs/workflow/src/index.ts',
    '^@app/notifications$': '<rootDir>/libs/notifications/src/index.ts',
    '^@app/persistence$': '<rootDir>/libs/persistence/src/index.ts',
    '^@app/reporting$': '<rootDir>/libs/reporting/src/index.ts',
    '^@app/metrics$': '<rootDir>/libs/metrics/src/index.ts',
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  // A bound for a hung test, not a speed limit: a test app's start (database, migrations, Nest) takes seconds
  // on an idle machine and can take a minute on a loaded one.
  testTimeout: 120000,
};
