// Test processes log nothing unless asked (LOG_LEVEL=debug npm test), and never run as production.
process.env.LOG_LEVEL ??= 'silent';
process.env.NODE_ENV = 'test';
