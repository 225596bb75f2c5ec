import type { TaskAction } from '../state-machine';
import type { TaskCommandAction } from './task-action.types';
import type { TaskKind } from '../persistence/task.entity';
import { type TaskState } from '@app/common';
import type { InboxTab } from './task-filters';

export interface TaskSummary {
  id: string;
  workflowId: string;
  parentTaskId: string | null;
  kind: TaskKind;
  /** The unit's part: lead (牵头), co (配合) or subtask (分解); the same as kind. */
  role: TaskKind;
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
  /** The same as colour (the console's 红黄绿灯). */
  light: 'green' | 'yellow' | 'red';
  /** Working days from today to the deadline on the official calendar; negative when overdue. */
  workingDaysLeft: number;
  measureId: string;
  measureTitle: string;
  documentId: string;
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

/** A 领导批示 on a task: an `instruction` event of its chain. */
export interface InstructionView {
  seq: number;
  text: string;
  actorUsername: string;
  actorUnitCode: string | null;
  occurredAt: string;
}

/** The measure a task carries out, as the task page shows it. */
export interface TaskMeasureView {
  id: string;
  path: string;
  title: string;
  documentId: string;
  docNumber: string | null;
  text: string;
  sectionTitles: string[];
  targets: unknown[];
  deadline: string | null;
}

export type TabCounts = Record<InboxTab, number>;

export interface TaskDetail extends TaskSummary {
  measure: TaskMeasureView;
  description: string | null;
  assignedAt: string;
  acknowledgedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  extensionReason: string | null;
  parent: TaskSummary | null;
  subtasks: TaskSummary[];
  history: TaskEventView[];
  /** What POST /tasks/:id/actions/:action accepts from this actor now. */
  allowedActions: TaskCommandAction[];
  /** Actions with routes of their own (split, report_progress, review_progress), with the route to call. */
  otherActions: { action: TaskAction; method: 'POST'; route: string }[];
  instructions: InstructionView[];
  /** The quarter whose progress report is owed next and its due day; null when none is owed. */
  nextProgressReport: { quarter: string; dueDate: string } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
