import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { stepJobId } from '../ladder';

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
