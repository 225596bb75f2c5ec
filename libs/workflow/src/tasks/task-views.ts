import type { TaskAction } from '../state-machine';
import type { TaskKind } from '../persistence/task.entity';
import { type TaskState } from '@app/common';

export interface TaskSummary {
  id: string;
  workflowId: string;
  parentTaskId: string | null;
  kind: TaskKind;
  unitCode: string;
  unitName: string;
  division: string | null;
  assignerUnitCode: string;
  title: string;
  state: TaskState;
  version: number;
  deadline: string;
  /** The deadline's year has no published holiday calendar yet: its working-day count may still move. */
  deadlineProvisional: boolean;
  ackDeadline: string;
  overdue: boolean;
  escalationLevel: number;
  /** green on track, yellow due soon or a report late, red overdue; a task is as bad as its worst subtask. */
  colour: 'green' | 'yellow' | 'red';
  extensionRequestedUntil: string | null;
  measure: { id: string; path: string; title: string; documentId: string };
}

export interface TaskEventView {
  seq: number;
  taskId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  actorUsername: string;
  actorUnitCode: string | null;
  occurredAt: string;
}

export interface TaskDetail extends TaskSummary {
  description: string | null;
  assignedAt: string;
  acknowledgedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  extensionReason: string | null;
  parent: TaskSummary | null;
  subtasks: TaskSummary[];
  history: TaskEventView[];
  allowedActions: TaskAction[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
