/** The actions users take on a task (its states are shared vocabulary, in @app/common). */

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
