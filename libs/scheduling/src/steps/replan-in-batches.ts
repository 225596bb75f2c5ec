import type { UnitOfWork } from '@app/queues';
import { StepPlanner } from './step-planner.service';

const BATCH = 500;

/** Replans many tasks (a calendar or ladder change), a transaction per batch, waking each batch's steps after its commit. */
export async function replanInBatches(
  unitOfWork: UnitOfWork,
  planner: StepPlanner,
  taskIds: string[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < taskIds.length; start += BATCH) {
    const batch = taskIds.slice(start, start + BATCH);
    await unitOfWork.run(async (work) => work.wakeAfterCommit(await planner.replan(work.manager, batch, now)));
  }
}
