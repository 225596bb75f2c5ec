/**
 * The engine's Chinese names of task states and actions, bundled from its own vocabulary (values only; no types
 * of the engine reach the console). Declared against the OpenAPI document's enums: a state or action the
 * document gains without a name here fails the console's compile.
 */
import { TASK_STATE_LABELS as ENGINE_STATE_LABELS } from '@engine/task-states';
import { TASK_ACTION_LABELS as ENGINE_ACTION_LABELS } from '@engine/task-vocabulary';
import type { NoticeKind, TaskAction, TaskState } from './api/views';

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = ENGINE_STATE_LABELS;
export const TASK_ACTION_LABELS: Readonly<Record<TaskAction, string>> = ENGINE_ACTION_LABELS;

export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  assignment: '任务分派',
  review_request: '待审核',
  review_result: '审核结果',
  instruction: '领导批示',
  manual_reminder: '催办',
  reminder: '提醒',
  overdue: '逾期',
  escalation: '督办升级',
  report_ready: '通报已生成',
};
