import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { promoteDueSteps } from '@app/scheduling';
import { waitForIdle } from '@app/queues';

export { waitForIdle };

/**
 * Moves the queue's delayed step jobs that are due by the injected clock to run now — the test
 * moves the clock instead of sleeping for days — and waits, with a hard timeout, until the queue
 * has nothing waiting, active or due.
 */
export async function runDueSteps(queue: Queue, dataSource: DataSource, now: Date, timeoutMs = 20_000): Promise<void> {
  await promoteDueSteps(queue, dataSource, now);
  await waitForIdle(queue, timeoutMs);
}
