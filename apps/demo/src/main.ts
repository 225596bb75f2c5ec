import 'reflect-metadata';

// Request logs would drown the timeline: warnings only, unless asked. Set before the app's modules load.
process.env.LOG_LEVEL ??= 'warn';

// Loaded after the line above on purpose, which a static import would not allow.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runDemo } = require('./demo') as typeof import('./demo');

runDemo().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`✗ 演示失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
