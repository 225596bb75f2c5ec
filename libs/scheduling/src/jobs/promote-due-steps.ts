import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { stepJobId } from '../ladder';
import { QUEUES } from '@app/queues';

/**
 * For simulated time (the demo, tests): BullMQ delays count real milliseconds, so when the injected
 * clock jumps ahead, the delayed jobs of steps already due by that clock are woken now. Returns how
 * many jobs were woken; steps without a job are the reconciler's.
 */
export async function promoteDueSteps(queue: Queue, dataSource: DataSource, now: Date): Promise<number> {
  const due: { taskId: string; key: string; deadlineVersion: number }[] = await dataSource.query(
    `SELECT task_id AS "taskId", step_key AS key, deadline_version AS "deadlineVersion" FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1`,
    [now],
  );
  let woken = 0;
  for (const step of due) {
    const job = await queue.getJob(stepJobId(step.taskId, step));
    if (!job || !(await job.isDelayed())) continue;
    await job.promote();
    woken += 1;
  }
  return woken;
}

/** Waits until the queue has nothing waiting or active, or fails after `timeoutMs`. */
export async function waitForIdle(queue: Queue, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((count) => count === 0)) return;
    if (Date.now() > deadline)
      throw new Error(`queue ${queue.name} still busy after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Deletes every queue of the engine under one key prefix (a demo's or a test's own), jobs and schedules alike. */
export async function emptyQueues(redisUrl: string, prefix: string): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
