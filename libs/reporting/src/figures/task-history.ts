import { type TaskState } from '@app/common';

/** One recorded task event, as the report reads it. */
export interface HistoryEvent {
  taskId: string;
  workflowId: string;
  seq: number;
  action: string;
  toState: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** A task as it stood at a moment, rebuilt from its events alone. */
export interface TaskAsOf {
  id: string;
  workflowId: string;
  kind: 'lead' | 'co' | 'subtask';
  unitCode: string;
  state: TaskState;
  deadline: string;
  ackDeadline: string;
  assignedAt: Date;
  acknowledgedAt: Date | null;
  /** The latest submission (办结报告); for an approved task, the one that was approved. */
  submittedAt: Date | null;
  completedAt: Date | null;
}

type Replay = (task: TaskAsOf, event: HistoryEvent) => void;

const text = (event: HistoryEvent, key: string): string => {
  const value = event.payload[key];
  if (typeof value !== 'string')
    throw new Error(`event ${event.workflowId}#${event.seq} (${event.action}) has no ${key}`);
  return value;
};

const reassigned = (task: TaskAsOf, event: HistoryEvent): void => {
  task.acknowledgedAt = null;
  task.assignedAt = event.occurredAt;
  task.ackDeadline = text(event, 'ackDeadline');
};

/** What each action changes beyond the state; actions not listed change the state only. */
const REPLAYS: Record<string, Replay> = {
  acknowledge: (task, event) => {
    task.acknowledgedAt = event.occurredAt;
  },
  submit: (task, event) => {
    task.submittedAt = event.occurredAt;
  },
  approve: (task, event) => {
    task.completedAt = event.occurredAt;
  },
  approve_extension: (task, event) => {
    task.deadline = text(event, 'toDeadline');
  },
  // A transfer moves the tasks the old unit held and those it assigned: only the held ones change hands.
  transfer: (task, event) => {
    if (task.unitCode === text(event, 'fromUnitCode')) task.unitCode = text(event, 'toUnitCode');
  },
  reassign: (task, event) => {
    task.unitCode = text(event, 'toUnitCode');
    if (event.toState === 'assigned') reassigned(task, event);
  },
  confirm_objection: reassigned,
};

function created(event: HistoryEvent): TaskAsOf {
  const kind = event.action === 'split' ? 'subtask' : (text(event, 'kind') as TaskAsOf['kind']);
  return {
    id: event.taskId,
    workflowId: event.workflowId,
    kind,
    unitCode: text(event, 'unitCode'),
    state: 'assigned',
    deadline: text(event, 'deadline'),
    ackDeadline: text(event, 'ackDeadline'),
    assignedAt: event.occurredAt,
    acknowledgedAt: null,
    submittedAt: null,
    completedAt: null,
  };
}

const CREATING_ACTIONS = new Set(['launch', 'split']);
/** Events about the workflow, not the task they are filed under. */
const WORKFLOW_ACTIONS = new Set(['close_measure']);

/**
 * Every task as it stood after the given events, which must already be limited to the moment of
 * interest and ordered by workflow and seq (the order they happened in).
 */
export function replayTasks(events: readonly HistoryEvent[]): Map<string, TaskAsOf> {
  const tasks = new Map<string, TaskAsOf>();
  for (const event of events) {
    if (WORKFLOW_ACTIONS.has(event.action)) continue;
    if (CREATING_ACTIONS.has(event.action) && event.toState === 'assigned' && !tasks.has(event.taskId)) {
      tasks.set(event.taskId, created(event));
      continue;
    }
    const task = tasks.get(event.taskId);
    if (!task) continue;
    REPLAYS[event.action]?.(task, event);
    if (event.toState) task.state = event.toState as TaskState;
  }
  return tasks;
}
