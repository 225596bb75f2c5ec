import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AccessModule } from '@app/access';
import { AppConfig, Clock, ConfigModule, loadConfig, ManualClock } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule, WebhookWorkerModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { QUEUES, emptyQueues, QueuesModule } from '@app/queues';
import { SchedulingModule, StepWorkerModule } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore, UnitsModule } from '@app/units';
import { TaskEscalationModule, WorkflowModule } from '@app/workflow';
import { createTestDatabase, TestDatabase } from './test-database';
import { CalendarModule } from '@app/calendar';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    CalendarModule,
    QueuesModule,
    SchedulingModule,
    TaskEscalationModule,
    NotificationsModule,
    StepWorkerModule,
    WebhookWorkerModule,
    UnitsModule,
    DocumentsModule,
    AccessModule,
    WorkflowModule,
  ],
})
class WorkerTestModule {}

export interface TestWorker {
  database: TestDatabase;
  clock: ManualClock;
  context: INestApplicationContext;
  dataSource: DataSource;
  steps: Queue;
  close(): Promise<void>;
}

/** The domain services and the real step worker (BullMQ on the local Redis) in this process, on a fresh database. */
export async function startTestWorker(now: Date): Promise<TestWorker> {
  const database = await createTestDatabase();
  const clock = new ManualClock(now);
  const moduleRef = await Test.createTestingModule({ imports: [WorkerTestModule] })
    .overrideProvider(AppConfig)
    .useValue(loadConfig({ DATABASE_URL: database.url, QUEUE_PREFIX: database.queuePrefix, NODE_ENV: 'test' }))
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const context = await moduleRef.init();
  await context.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
  const steps = context.get<Queue>(getQueueToken(QUEUES.steps));
  return {
    database,
    clock,
    context,
    dataSource: context.get(DataSource),
    steps,
    close: async () => {
      // Stop the workers (they finish their active jobs) before emptying the test's own queues.
      await context.close();
      await emptyQueues(loadConfig().REDIS_URL, database.queuePrefix);
      await database.drop();
    },
  };
}
