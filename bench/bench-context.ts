import { INestApplicationContext, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { AccessModule } from '@app/access';
import { AppConfig, Clock, ConfigModule, loadConfig, ManualClock } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule } from '@app/notifications';
import { migrate, PersistenceModule } from '@app/persistence';
import { ReportingModule } from '@app/reporting';
import { SchedulingModule } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore, UnitsModule } from '@app/units';
import { TaskEscalationModule, WorkflowModule } from '@app/workflow';
import { CalendarModule } from '@app/calendar';
import { QueuesModule } from '@app/queues';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    CalendarModule,
    QueuesModule,
    SchedulingModule,
    TaskEscalationModule,
    NotificationsModule,
    UnitsModule,
    DocumentsModule,
    AccessModule,
    WorkflowModule,
    ReportingModule,
  ],
})
class BenchModule {}

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
  const moduleRef = await Test.createTestingModule({ imports: [BenchModule] })
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
