import type { WorkingCalendar } from '@app/calendar';
import { type TaskState } from '@app/common';

export type { TaskState };

/** What the ladder needs to know of a task. Dates are YYYY-MM-DD, Asia/Shanghai. */
export interface LadderTask {
  id: string;
  kind: 'lead' | 'co' | 'subtask';
  state: TaskState;
  assignedOn: string;
  ackDeadline: string;
  deadline: string;
  deadlineVersion: number;
  acknowledged: boolean;
  /** Quarters (2026Q4) with a submitted or approved progress report. */
  reportedQuarters: string[];
}

/** Which groups of steps a state calls for. */
export interface StatePolicy {
  /** Approved or cancelled: no notices at all, and always green. */
  finished: boolean;
  /** Ack reminder and ack overdue (and only while `acknowledged` is false). */
  ack: boolean;
  /** Deadline reminders, the overdue notice, and every quarterly report step. */
  unitNotices: boolean;
  /** Deadline escalations to the supervisor and leadership. */
  escalations: boolean;
}

const NONE = { ack: false, unitNotices: false, escalations: false };
const WORKING = { finished: false, ack: false, unitNotices: true, escalations: true };

/**
 * A Record, so that a new task state does not compile until someone decides its ladder.
 * - submitted: the unit has done its part; the next move is the reviewer's. A return puts the
 *   task back in progress and the ladder with it.
 * - objected: the unit says the task is not its own, so nothing is sent to it; the deadline
 *   escalations still run, since they reach the supervisor who must settle the objection.
 */
export const STATE_POLICY: Readonly<Record<TaskState, StatePolicy>> = {
  assigned: { ...WORKING, ack: true },
  acknowledged: WORKING,
  in_progress: WORKING,
  submitted: { finished: false, ...NONE },
  objected: { finished: false, ...NONE, escalations: true },
  approved: { finished: true, ...NONE },
  cancelled: { finished: true, ...NONE },
};

/** The policy of the task's state; a state this table does not know (bad data) is an error, not silence. */
export function policyOf(task: Pick<LadderTask, 'id' | 'state'>): StatePolicy {
  const policy: StatePolicy | undefined = STATE_POLICY[task.state];
  if (!policy) throw new Error(`task ${task.id}: unknown state ${String(task.state)}`);
  return policy;
}

/**
 * The working day on which something due on `date` falls due: the date itself, or the next working
 * day when it is a holiday or weekend (a period that ends on a holiday ends on the next working day).
 */
export function dueWorkingDay(date: string, calendar: WorkingCalendar): string {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}
