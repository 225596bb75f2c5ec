import type { Actor } from '@app/access';
import { TASK_ACTIONS, type TaskAction } from '../state-machine';

/** Actions with routes of their own (progress reports, splitting), not taken through `execute`. */
const OWN_ROUTE_ACTIONS = ['report_progress', 'review_progress', 'split'] as const;

/** The actions a user takes on one task through `TaskActionService.execute`. */
export type TaskCommandAction = Exclude<TaskAction, (typeof OWN_ROUTE_ACTIONS)[number]>;

export const TASK_COMMAND_ACTIONS: readonly TaskCommandAction[] = TASK_ACTIONS.filter(
  (action): action is TaskCommandAction => !(OWN_ROUTE_ACTIONS as readonly string[]).includes(action),
);

export interface TaskActionCommand {
  taskId: string;
  action: TaskCommandAction;
  actor: Actor;
  /** The version the user saw; a different current version is refused with 409. */
  expectedVersion?: number;
  /** Why: required to return, object, cancel, request or refuse an extension. */
  reason?: string;
  /** The message of a manual reminder (催办). */
  message?: string;
  /** The unit that takes over, for reassign. */
  unitCode?: string;
  /** The deadline asked for, for request_extension. */
  until?: string;
  /** Where the action came from when not the API (e.g. 'wecom' for 签收 from the message); kept in the event. */
  channel?: string;
}

/** Actions that need a reason from the user. */
export const REASON_REQUIRED: readonly TaskCommandAction[] = [
  'return',
  'object',
  'cancel',
  'request_extension',
  'refuse_extension',
];
