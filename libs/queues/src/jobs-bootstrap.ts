import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { checkJobHandlers, JobProcessor } from './job-processor';
import { jobNamesOf, type QueueName } from './queue-registry';
import { RecurringJobKeeper } from './recurring-job-keeper';

/**
 * At the start of a process that runs processors: fails if a job of their queues has no handler or
 * two, declares their queues' recurring jobs, then lets each repair what was lost while none ran.
 */
@Injectable()
export class JobsBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
    private readonly recurring: RecurringJobKeeper,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor<QueueName> => instance instanceof JobProcessor);
    checkJobHandlers(
      processors.map((processor) => ({ queue: processor.queueName, handled: Object.keys(processor.handlers) })),
      jobNamesOf,
    );
    for (const processor of processors) {
      await this.recurring.keep(this.moduleRef.get<Queue>(getQueueToken(processor.queueName), { strict: false }));
      await processor.onWorkerStart();
    }
  }
}
