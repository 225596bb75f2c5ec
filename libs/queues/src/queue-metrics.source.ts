import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Metrics } from '@app/metrics';
import { QUEUES } from './queue-registry';

const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

/** Every queue's depth by state, and a timed PING to Redis, read at each scrape. */
@Injectable()
export class QueueMetricsSource implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    const queues = Object.values(QUEUES).map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    this.metrics.provide({
      queues: () =>
        Promise.all(
          queues.map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...COUNTED_STATES) })),
        ),
      redisRoundTripSeconds: async () => {
        // QueuesModule connects BullMQ through ioredis, so its raw client is an ioredis one.
        const client = (await queues[0].getBackend().connection.client) as unknown as Redis;
        const started = performance.now();
        await client.ping();
        return (performance.now() - started) / 1000;
      },
    });
  }
}
