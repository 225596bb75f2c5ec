import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { AppConfig, Clock, loadConfig, ManualClock } from '@app/common';
import { migrate } from '@app/persistence';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
// The engine's services without HTTP or workers: what the CLI's database commands load, and what a bench drives.
import { CliModule } from '../apps/cli/src/cli.module';

export interface BenchContext {
  url: string;
  context: INestApplicationContext;
  clock: ManualClock;
  /** A plain pg connection for the raw baselines. */
  sql: Client;
  close(): Promise<void>;
  /** Closes, then drops the database (for runs that leave nothing behind). */
  drop(): Promise<void>;
}

/** A fresh database of its own (dropped and migrated), the domain services on it, and a raw connection. */
async function onServer(sql: string): Promise<URL> {
  const server = new URL(loadConfig().DATABASE_URL);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
  return server;
}

export async function startBenchContext(name: string, now = new Date('2026-11-23T02:00:00Z')): Promise<BenchContext> {
  const server = await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const clock = new ManualClock(now);
  const moduleRef = await Test.createTestingModule({ imports: [CliModule] })
    .overrideProvider(AppConfig)
    .useValue(loadConfig({ DATABASE_URL: url.toString(), QUEUE_PREFIX: name }))
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const context = await moduleRef.init();
  await context.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
  const sql = new Client({ connectionString: url.toString() });
  await sql.connect();
  const close = async () => {
    await sql.end();
    await context.close();
  };
  return {
    url: url.toString(),
    context,
    clock,
    sql,
    close,
    drop: async () => {
      await close();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
