import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { StepQueue } from '../steps/step-queue';
import { BullStepQueue } from './bull-step-queue';
import { QUEUE_JOB_OPTIONS, QUEUES } from '@app/queues';

/** The BullMQ connection and queues, and the StepQueue port on them: for every process that changes tasks. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.steps, defaultJobOptions: QUEUE_JOB_OPTIONS.steps }),
  ],
  providers: [{ provide: StepQueue, useClass: BullStepQueue }],
  exports: [StepQueue, BullModule],
})
export class StepQueueModule {}
