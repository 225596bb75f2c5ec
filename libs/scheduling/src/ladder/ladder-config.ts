/**
 * The reminder and escalation ladder of DOMAIN.md ("Time"), as data. Every number is in working
 * days of the official calendar; the times of day are Asia/Shanghai.
 */

export type StepKind =
  | 'ack_reminder'
  | 'ack_overdue'
  | 'deadline_reminder'
  | 'deadline_overdue'
  | 'escalation'
  | 'report_reminder'
  | 'report_overdue'
  | 'report_escalation';

/** Roles, not units: the notification layer maps them to the task's units. */
export type Recipient = 'assignee' | 'assigner' | 'supervisor' | 'leadership';

/** An escalation goes above the unit doing the work, never back to it. */
export type EscalationTarget = Exclude<Recipient, 'assignee'>;

export interface EscalationRule {
  /** Fires at the start of the working day that is this many working days after the due day. */
  readonly afterWorkingDaysOverdue: number;
  readonly to: EscalationTarget;
  /** 1 = 督办, 2 = 挂牌督办; strictly increasing along the list. */
  readonly level: number;
}

/** HH:MM, Asia/Shanghai. Reminders and escalations fire at `start`, overdue notices at `end`. */
export interface WorkingHours {
  readonly start: string;
  readonly end: string;
}

export interface LadderConfig {
  /** Used at launch to set a task's ackDeadline (see ackDeadlineFor); the ladder reads the task's own. */
  readonly ackDueWorkingDays: number;
  readonly ackReminderAfterWorkingDays: number;
  /** Deadline reminders, working days before the deadline, strictly decreasing: [10, 3]. */
  readonly reminderWorkingDaysBefore: readonly number[];
  /** Deadline escalations; quarterly report escalations follow the same rules. */
  readonly escalations: readonly EscalationRule[];
  /** A quarter's progress report is due this many working days after the quarter's end. */
  readonly reportDueWorkingDays: number;
  /**
   * Report reminders, working days before the report's due day, strictly decreasing. Separate from
   * the deadline reminders: 10 working days before a report due 5 after the quarter's end would
   * ask for the report while the quarter is still running.
   */
  readonly reportReminderWorkingDaysBefore: readonly number[];
  readonly workingHours: WorkingHours;
}

export const DEFAULT_LADDER: LadderConfig = Object.freeze({
  ackDueWorkingDays: 3,
  ackReminderAfterWorkingDays: 2,
  reminderWorkingDaysBefore: Object.freeze([10, 3]),
  escalations: Object.freeze([
    Object.freeze({ afterWorkingDaysOverdue: 5, to: 'supervisor', level: 1 } as const),
    Object.freeze({ afterWorkingDaysOverdue: 15, to: 'leadership', level: 2 } as const),
  ]),
  reportDueWorkingDays: 5,
  reportReminderWorkingDaysBefore: Object.freeze([3]),
  workingHours: Object.freeze({ start: '08:30', end: '18:00' }),
});
