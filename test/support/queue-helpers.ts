import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Moves the queue's delayed step jobs that are due by the injected clock to run now — the test
 * moves the clock instead of sleeping for days — and waits, with a hard timeout, until the queue
 * has nothing waiting, active or due.
 */
export async function runDueSteps(queue: Queue, dataSource: DataSource, now: Date, timeoutMs = 20_000): Promise<void> {
  const due: { id: string }[] = await dataSource.query(`SELECT id FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1`, [now]);
  const dueIds = new Set(due.map((step) => step.id));
  for (const job of await queue.getDelayed()) {
    if (dueIds.has((job.data as { stepId: string }).stepId)) await job.promote();
  }
  await waitForIdle(queue, timeoutMs);
}

export async function waitForIdle(queue: Queue, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((count) => count === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue ${queue.name} still busy after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
