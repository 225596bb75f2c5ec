import { INestApplicationContext, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AccessModule } from '@app/access';
import { AppConfig, Clock, ConfigModule, loadConfig, ManualClock } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { TaskEscalationModule } from '@app/workflow';
import { SchedulingModule } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore, UnitsModule } from '@app/units';
import { createTestDatabase, TestDatabase } from './test-database';
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
  ],
})
class DomainServicesModule {}

export interface TestServices {
  database: TestDatabase;
  clock: ManualClock;
  context: INestApplicationContext;
  close(): Promise<void>;
}

/** The domain services on a fresh migrated database with the seed unit directory, and a movable clock. */
export async function startTestServices(now = new Date('2026-11-22T02:00:00Z')): Promise<TestServices> {
  const database = await createTestDatabase();
  const clock = new ManualClock(now);
  const moduleRef = await Test.createTestingModule({ imports: [DomainServicesModule] })
    .overrideProvider(AppConfig)
    .useValue(loadConfig({ DATABASE_URL: database.url, NODE_ENV: 'test', QUEUE_PREFIX: database.queuePrefix }))
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const context = await moduleRef.init();
  await context.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
  return {
    database,
    clock,
    context,
    close: async () => {
      await context.close();
      await database.drop();
    },
  };
}
