import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@app/common';
import { MetricsModule } from '@app/metrics';
import { BullJobQueue } from './bull-job-queue';
import { JobQueue } from './job-queue';
import { RETRY_OPTIONS } from './job-retry';
import { JobsBootstrap } from './jobs-bootstrap';
import { QueueMetricsSource } from './queue-metrics.source';
import { QUEUE_JOB_OPTIONS, QUEUES } from './queue-registry';
import { RecurringJobKeeper } from './recurring-job-keeper';
import { UnitOfWork } from './unit-of-work';

const RETRY_PROVIDERS = Object.values(RETRY_OPTIONS).map((options) => ({ provide: options, useValue: new options() }));

/**
 * The BullMQ connection, every queue of the registry, the JobQueue port on them and the unit of work:
 * for every process that changes rows which schedule jobs. Processes that also run processors get
 * the start-up check and the recurring jobs (JobsBootstrap) from here too. Needs PersistenceModule.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    MetricsModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
      }),
    }),
    BullModule.registerQueue(
      ...Object.values(QUEUES).map((name) => ({ name, defaultJobOptions: QUEUE_JOB_OPTIONS[name] })),
    ),
  ],
  providers: [
    ...RETRY_PROVIDERS,
    { provide: JobQueue, useClass: BullJobQueue },
    UnitOfWork,
    RecurringJobKeeper,
    JobsBootstrap,
    QueueMetricsSource,
  ],
  exports: [...Object.values(RETRY_OPTIONS), JobQueue, UnitOfWork, BullModule],
})
export class QueuesModule {}
