import { DataSource } from 'typeorm';
import { StepPlanner } from './step-planner.service';
import { StepQueue } from './step-queue';

const BATCH = 500;

/** Replans many tasks (a calendar or ladder change), a transaction per batch, waking each batch's steps after its commit. */
export async function replanInBatches(
  dataSource: DataSource,
  planner: StepPlanner,
  queue: StepQueue,
  taskIds: string[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < taskIds.length; start += BATCH) {
    const batch = taskIds.slice(start, start + BATCH);
    const steps = await dataSource.transaction((manager) => planner.replan(manager, batch, now));
    await queue.wakeAfterCommit(steps);
  }
}
