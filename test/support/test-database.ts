import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@app/common';
import { migrate } from '@app/persistence';

export interface TestDatabase {
  url: string;
  /** A BullMQ key prefix of the test's own, so tests never share queues. */
  queuePrefix: string;
  drop(): Promise<void>;
  /** Faults: refuse every connection (closing the open ones), then let them in again. */
  goAway(): Promise<void>;
  comeBack(): Promise<void>;
}

/** The server the tests use: DATABASE_URL's, or the local default. */
function serverUrl(): URL {
  return new URL(process.env.TEST_DATABASE_URL ?? loadConfig().DATABASE_URL);
}

async function onServer(sql: string): Promise<void> {
  const url = serverUrl();
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A throw-away database with the real migrations applied, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `supervision_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = serverUrl();
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    queuePrefix: `test-${name}`,
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    goAway: async () => {
      await onServer(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    },
    comeBack: () => onServer(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`),
  };
}
