import type { Actor } from '@app/access';

export interface LaunchCommand {
  documentId: string;
  /** Only these measures; all of the document's measures when absent. */
  measureIds?: string[];
  /** Deadline (YYYY-MM-DD) for measures whose text gives none. */
  defaultDeadline?: string;
  /** Per-measure deadlines that override the measure's own. */
  deadlines?: Record<string, string>;
  actor: Actor;
}

export interface MeasureNotReady {
  measureId: string;
  path: string;
  title: string;
  /** Why, in Chinese, one line each. */
  reasons: string[];
}

export interface LaunchedMeasure {
  measureId: string;
  workflowId: string;
  path: string;
  title: string;
  deadline: string;
  taskCount: number;
  /** The tasks it created: the lead unit's first, then each co-responsible unit's. */
  tasks: { id: string; kind: 'lead' | 'co' | 'subtask'; unitCode: string; deadline: string }[];
}

export interface LaunchOutcome {
  launched: LaunchedMeasure[];
  taskCount: number;
  ackDeadline: string;
}
