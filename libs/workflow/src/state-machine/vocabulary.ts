/** The states a task passes through, and the actions users take on it. */

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

export const TASK_ACTIONS = [
  'acknowledge',
  'start',
  'submit',
  'approve',
  'return',
  'object',
  'confirm_objection',
  'reassign',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'cancel',
  'remind',
  'report_progress',
  'review_progress',
  'split',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  assigned: '已分派',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已报送办结',
  approved: '已审核通过',
  objected: '异议待处理',
  cancelled: '已撤销',
};

export const TASK_ACTION_LABELS: Readonly<Record<TaskAction, string>> = {
  acknowledge: '签收',
  start: '开始办理',
  submit: '报送办结',
  approve: '审核通过',
  return: '退回',
  object: '提出异议',
  // The supervisor overrules the objection: the unit keeps the task.
  confirm_objection: '维持原分派',
  reassign: '改派',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  refuse_extension: '不予延期',
  cancel: '撤销',
  remind: '催办',
  report_progress: '报送进展',
  review_progress: '审核进展',
  split: '分解任务',
};
