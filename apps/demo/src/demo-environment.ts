import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, loadConfig, ManualClock } from '@app/common';
import { migrate } from '@app/persistence';
import { ReportWorkerModule } from '@app/reporting';
import { WebhookWorkerModule } from '@app/notifications';
import { type QueueName, emptyQueues } from '@app/queues';
import { StepWorkerModule } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { AppModule } from '../../api/src/app.module';
import { configureApp } from '../../api/src/configure-app';

export interface DemoEnvironment {
  app: NestExpressApplication;
  baseUrl: string;
  clock: ManualClock;
  dataSource: DataSource;
  databaseUrl: string;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

/** The demo's own database: DEMO_DATABASE_URL, else `supervision_demo` on the configured server. */
export function demoDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DEMO_DATABASE_URL) return env.DEMO_DATABASE_URL;
  const url = new URL(loadConfig(env).DATABASE_URL);
  url.pathname = '/supervision_demo';
  return url.toString();
}

async function recreateDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('demo'))
    throw new Error(`演示数据库名须只含小写字母、数字和下划线，并含 demo：${name}`);
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `无法连接 PostgreSQL（${server.host}）：${error instanceof Error ? error.message : String(error)}。请先运行 scripts/ensure-services.sh`,
      { cause: error },
    );
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

/**
 * The whole engine in this process, as the API and worker processes run it (same modules, real
 * PostgreSQL, real BullMQ on Redis), on a freshly created demo database and queue prefix of its own,
 * with a clock the simulation moves. The API listens on 127.0.0.1, on an ephemeral port unless one is given.
 */
export async function startDemoEnvironment(start: Date, port = 0): Promise<DemoEnvironment> {
  const databaseUrl = demoDatabaseUrl();
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl);
  const base = loadConfig();
  const prefix = `${base.QUEUE_PREFIX}_demo`;
  await emptyQueues(base.REDIS_URL, prefix);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(48).toString('base64'),
  });
  const clock = new ManualClock(start);
  // The testing module's overrides are the one way Nest offers to swap the clock for a simulated one.
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule, StepWorkerModule, WebhookWorkerModule, ReportWorkerModule],
  })
    .overrideProvider(AppConfig)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    logger: config.LOG_LEVEL === 'silent' ? false : ['fatal', 'error', 'warn'],
  });
  configureApp(app);
  await app.listen(port, '127.0.0.1');
  await app.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    clock,
    dataSource: app.get(DataSource),
    databaseUrl,
    queue: (name) => app.get<Queue>(getQueueToken(name)),
    close: () => app.close(),
  };
}
