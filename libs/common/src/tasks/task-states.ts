/**
 * The states a task passes through: shared vocabulary of the workflow (which moves tasks between
 * them) and of the libraries below it that read tasks (the ladder, the reports).
 */

export const TASK_STATES = [
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'approved',
  'objected',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** A finished task allows no action at all. */
export const FINISHED_STATES: readonly TaskState[] = ['approved', 'cancelled'];

/** Every state but the finished ones: the task still needs work or a decision. */
export const OPEN_STATES: readonly TaskState[] = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'objected'];

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  assigned: '已分派',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已报送办结',
  approved: '已审核通过',
  objected: '异议待处理',
  cancelled: '已撤销',
};
