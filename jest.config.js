/** Unit tests live beside the code (*.spec.ts); integration and e2e tests in test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
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
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 30000,
};
