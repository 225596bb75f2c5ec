import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/common';
import { PersistenceModule } from '@app/persistence';

/**
 * The queue worker process. It connects to PostgreSQL and Redis; the reminder, escalation and report
 * processors join it with the scheduling and reporting libraries.
 */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null } }),
    }),
  ],
})
export class WorkerModule {}
