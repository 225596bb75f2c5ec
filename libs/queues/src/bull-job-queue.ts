import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '@app/common';
import { JobQueue, type WakeUp } from './job-queue';
import { RETRY_OPTIONS, type RetryOptions } from './job-retry';
import { JOB_QUEUE, type QueueName } from './queue-registry';

const CHUNK = 1000;

/** Jobs become BullMQ jobs (delayed until their moment) whose ids the registry builds, so adding one twice adds it once. */
@Injectable()
export class BullJobQueue extends JobQueue {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {
    super();
  }

  async wake(wakeUps: readonly WakeUp[]): Promise<void> {
    for (const [name, jobs] of byQueue(wakeUps)) {
      const queue = this.queue(name);
      const retry = this.moduleRef.get<RetryOptions>(RETRY_OPTIONS[name], { strict: false });
      const now = this.clock.now().getTime();
      for (const job of jobs.filter((candidate) => candidate.retimed)) await queue.remove(job.jobId);
      for (let start = 0; start < jobs.length; start += CHUNK) {
        await queue.addBulk(
          jobs.slice(start, start + CHUNK).map((job) => ({
            name: job.name,
            data: job.data,
            opts: {
              jobId: job.jobId,
              ...(job.at ? { delay: Math.max(0, job.at.getTime() - now) } : {}),
              attempts: retry.attempts,
              backoff: retry.backoff,
            },
          })),
        );
      }
    }
  }

  /** One EXISTS per job hash in a pipeline: checking 100,000 jobs costs far less than adding them again. */
  async wakeMissing(wakeUps: readonly WakeUp[]): Promise<number> {
    const missing: WakeUp[] = [];
    for (const [name, jobs] of byQueue(wakeUps)) {
      const queue = this.queue(name);
      // QueuesModule connects BullMQ through ioredis, so its raw client is an ioredis one.
      const client = (await queue.getBackend().connection.client) as unknown as Redis;
      const pipeline = client.pipeline();
      for (const job of jobs) pipeline.exists(queue.toKey(job.jobId));
      const answers = (await pipeline.exec()) ?? [];
      missing.push(...jobs.filter((_, index) => answers[index]?.[1] === 0));
    }
    await this.wake(missing);
    return missing.length;
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function byQueue(wakeUps: readonly WakeUp[]): Map<QueueName, WakeUp[]> {
  const groups = new Map<QueueName, WakeUp[]>();
  for (const wakeUp of wakeUps) {
    const queue = JOB_QUEUE[wakeUp.name];
    const group = groups.get(queue) ?? [];
    group.push(wakeUp);
    groups.set(queue, group);
  }
  return groups;
}
