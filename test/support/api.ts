import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { type Role, UserService } from '@app/access';
import { AppConfig, Clock, loadConfig, ManualClock } from '@app/common';
import { DataSource } from 'typeorm';
import { DocumentImporter } from '@app/documents';
import { ReportWorkerModule } from '@app/reporting';
import { type QueueName, ReportJobOptions, emptyQueues } from '@app/queues';
import { StepWorkerModule } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { ACTION_PLAN_2022, seedBytes } from './seeds';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_PASSWORD = 'test-password-2026';
/** The API's signing key in tests, so a test can forge what a real client could not. */
export const TEST_JWT_SECRET = 'a-test-only-secret-of-at-least-32-characters';

export interface TestApi {
  app: NestExpressApplication;
  http: TestAgent;
  database: TestDatabase;
  clock: ManualClock;
  createUser(username: string, unitCode: string, roles: Role[]): Promise<void>;
  login(username: string): Promise<string>;
  /** Imports the 2022 action plan (once) and launches its measure at `path` through the API as `supervisorToken`. */
  launchSeedMeasure(
    path: string,
    deadline: string,
    supervisorToken: string,
  ): Promise<{ documentId: string; measureId: string }>;
  /** Creates each user with one role and logs it in: username → token. */
  createUsers(users: readonly (readonly [string, string, Role])[]): Promise<Record<string, string>>;
  /** The BullMQ queue of that name, as the app uses it. */
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Also run the step and report processors in the same process, as the worker does. */
  workers?: boolean;
  reportJobs?: ReportJobOptions;
  /** More settings, as the environment would give them (e.g. METRICS_TOKEN). */
  env?: Record<string, string>;
}

/** The real API (same module, pipes and filters as main.ts) on a fresh migrated database. */
export async function startTestApi(
  now = new Date('2026-11-22T02:00:00Z'),
  options: TestApiOptions = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const clock = new ManualClock(now);
  const workers = options.workers ? [StepWorkerModule, ReportWorkerModule] : [];
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...workers] })
    .overrideProvider(AppConfig)
    .useValue(
      loadConfig({
        DATABASE_URL: database.url,
        QUEUE_PREFIX: database.queuePrefix,
        NODE_ENV: 'test',
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
        ...options.env,
      }),
    )
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(ReportJobOptions)
    .useValue(options.reportJobs ?? new ReportJobOptions())
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApp(app);
  await app.init();
  await app.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    database,
    clock,
    createUser: async (username, unitCode, roles) => {
      await app.get(UserService).create({ username, unitCode, roles, password: TEST_PASSWORD });
    },
    login: async (username) => {
      const response = await http.post('/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
      return response.body.accessToken as string;
    },
    launchSeedMeasure: async (path, deadline, supervisorToken) => {
      const { documentId } = await app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
      const [measure]: { id: string }[] = await app
        .get(DataSource)
        .query(`SELECT id FROM measures WHERE document_id = $1 AND path = $2`, [documentId, path]);
      await http
        .post(`/documents/${documentId}/launch`)
        .set('Authorization', `Bearer ${supervisorToken}`)
        .send({ measureIds: [measure.id], defaultDeadline: deadline })
        .expect(201);
      return { documentId, measureId: measure.id };
    },
    createUsers: async (users) => {
      const tokens: Record<string, string> = {};
      for (const [username, unitCode, role] of users) {
        await app.get(UserService).create({ username, unitCode, roles: [role], password: TEST_PASSWORD });
        tokens[username] = (
          await http.post('/auth/login').send({ username, password: TEST_PASSWORD }).expect(200)
        ).body.accessToken;
      }
      return tokens;
    },
    queue: (name) => app.get<Queue>(getQueueToken(name)),
    close: async () => {
      await app.close();
      await emptyQueues(loadConfig().REDIS_URL, database.queuePrefix);
      await database.drop();
    },
  };
}
