import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

/**
 * For simulated time (the demo, tests): BullMQ delays count real milliseconds, so when the injected
 * clock jumps ahead, the wake-ups of the moments already due by that clock are woken now. Returns
 * how many were woken; due steps without a wake-up are the reconciler's.
 */
export async function promoteDueSteps(queue: Queue, _dataSource: DataSource, now: Date): Promise<number> {
  let woken = 0;
  for (const job of await queue.getDelayed()) {
    if (job.name !== 'steps.wake' || new Date((job.data as { at: string }).at) > now) continue;
    await job.promote();
    woken += 1;
  }
  return woken;
}
