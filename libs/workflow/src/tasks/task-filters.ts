import { FINISHED_STATES, OPEN_STATES } from '@app/common';

/** The inbox's tabs (待签收, 待分解, 待报送, 待审核, 已办, 全部). */
export const INBOX_TABS = ['to_acknowledge', 'to_split', 'to_report', 'to_review', 'done', 'all'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** The counts of the supervisor's board (督办台), each reproducible as GET /tasks?scope=all&unitCode=&filter=. */
export const TASK_FILTERS = ['overdue', 'due_soon', 'not_acknowledged', 'missing_reports', 'level1', 'level2'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

/** Working days ahead that count as due soon on the board. */
export const DUE_SOON_WORKING_DAYS = 5;

/** Placeholders of the values every condition below may use. */
export interface FilterParameters {
  unit: string;
  today: string;
  dueSoonBy: string;
  open: string;
  finished: string;
}

const OWES_REPORTS = `t.state IN ('assigned', 'acknowledged', 'in_progress')`;

/**
 * A quarter that has ended since the task was assigned, ends on or before its deadline, and has no
 * progress report standing (a returned one is owed again): the quarters the ladder asks reports for.
 */
function missingReport(p: FilterParameters): string {
  const quarterEnd = `(q.start + interval '3 months' - interval '1 day')::date`;
  const assignedOn = `(t.assigned_at AT TIME ZONE 'Asia/Shanghai')::date`;
  return `${OWES_REPORTS} AND EXISTS (
    SELECT 1 FROM generate_series(date_trunc('quarter', ${assignedOn}), ${p.today}::date, interval '3 months') AS q(start)
    WHERE ${quarterEnd} < ${p.today}::date AND ${quarterEnd} <= t.deadline AND ${quarterEnd} > ${assignedOn}
      AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.task_id = t.id AND r.state <> 'returned'
                      AND r.quarter = to_char(q.start, 'YYYY"Q"Q')))`;
}

/** The condition of a tab on tasks `t`; a tab names its own unit condition (null: the scope's). */
export function tabCondition(tab: InboxTab, p: FilterParameters): string | null {
  const held = () => `t.unit_code = ${p.unit}`;
  switch (tab) {
    case 'to_acknowledge':
      return `${held()} AND t.state = 'assigned'`;
    case 'to_split':
      // A lead task's co-responsible tasks are its children too: only subtasks mean it was split.
      return `${held()} AND t.kind = 'lead' AND t.state IN ('acknowledged', 'in_progress')
              AND NOT EXISTS (SELECT 1 FROM tasks c WHERE c.parent_task_id = t.id AND c.kind = 'subtask')`;
    case 'to_report':
      return `${held()} AND ${missingReport(p)}`;
    case 'to_review':
      return `t.assigner_unit_code = ${p.unit} AND (t.state IN ('submitted', 'objected') OR t.extension_requested_until IS NOT NULL
              OR EXISTS (SELECT 1 FROM progress_reports r WHERE r.task_id = t.id AND r.state = 'submitted'))`;
    case 'done':
      return `${held()} AND t.state = ANY(${p.finished})`;
    case 'all':
      return null;
  }
}

/** The condition of a board count on tasks `t`. */
export function filterCondition(filter: TaskFilter, p: FilterParameters): string {
  // A function: the placeholder is only added when the condition uses it.
  const open = () => `t.state = ANY(${p.open})`;
  switch (filter) {
    case 'overdue':
      return `${open()} AND t.deadline < ${p.today}::date`;
    case 'due_soon':
      return `${open()} AND t.deadline >= ${p.today}::date AND t.deadline <= ${p.dueSoonBy}::date`;
    case 'not_acknowledged':
      return `t.state = 'assigned'`;
    case 'missing_reports':
      return missingReport(p);
    case 'level1':
      return `${open()} AND t.escalation_level = 1`;
    case 'level2':
      return `${open()} AND t.escalation_level >= 2`;
  }
}

export const FILTER_STATE_LISTS = { open: OPEN_STATES, finished: FINISHED_STATES };

/** Positional SQL parameters handed out as placeholders (PostgreSQL refuses parameters a statement does not use). */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Placeholders by name, each value added on its first use and its placeholder reused after. */
  lazy<K extends string>(values: Record<K, () => unknown>): Record<K, string> {
    const placeholders = {} as Record<K, string>;
    for (const name of Object.keys(values) as K[]) {
      let placeholder: string | undefined;
      Object.defineProperty(placeholders, name, {
        enumerable: true,
        get: () => (placeholder ??= this.add(values[name]())),
      });
    }
    return placeholders;
  }
}
