import { Queue } from 'bullmq';
import { QUEUES } from './queue-registry';

/** Waits until the queue has nothing waiting or active, or fails after `timeoutMs` (simulated time: the demo, tests). */
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
