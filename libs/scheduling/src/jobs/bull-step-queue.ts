import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '@app/common';
import { StepQueue, type StepWakeUp } from '../steps/step-queue';
import { QUEUES, type JobPayloads } from '@app/queues';

const CHUNK = 1000;

/** Steps become BullMQ delayed jobs whose ids are built from the step, so adding one twice adds it once. */
@Injectable()
export class BullStepQueue extends StepQueue {
  constructor(
    @InjectQueue(QUEUES.steps) private readonly queue: Queue<JobPayloads['step.deliver']>,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** One EXISTS per job hash in a pipeline: checking 100,000 jobs costs far less than adding them again. */
  async wakeMissing(steps: StepWakeUp[]): Promise<number> {
    if (steps.length === 0) return 0;
    // This app connects BullMQ through ioredis (StepQueueModule), so its raw client is an ioredis one.
    const client = (await this.queue.getBackend().connection.client) as unknown as Redis;
    const pipeline = client.pipeline();
    for (const step of steps) pipeline.exists(this.queue.toKey(step.jobId));
    const answers = (await pipeline.exec()) ?? [];
    const missing = steps.filter((_, index) => answers[index]?.[1] === 0);
    await this.wake(missing);
    return missing.length;
  }

  async wake(steps: StepWakeUp[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const step of steps.filter((candidate) => candidate.retimed)) await this.queue.remove(step.jobId);
    for (let start = 0; start < steps.length; start += CHUNK) {
      await this.queue.addBulk(
        steps.slice(start, start + CHUNK).map((step) => ({
          name: 'step.deliver',
          data: { stepId: step.stepId },
          opts: { jobId: step.jobId, delay: Math.max(0, step.dueAt.getTime() - now) },
        })),
      );
    }
  }
}
