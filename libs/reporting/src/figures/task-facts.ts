import { shanghaiDate } from '@app/common';
import {
  formatQuarter,
  previousQuarter,
  quarterEnd,
  quarterOf,
  type Quarter,
  type WorkingCalendar,
} from '@app/calendar';
import { deadlineDueDay, STATE_POLICY, type LadderConfig } from '@app/scheduling';
import type { HistoryEvent, TaskAsOf } from './task-history';

/** What the report says of one task at one moment. */
export interface TaskFacts {
  task: TaskAsOf;
  cancelled: boolean;
  acknowledged: boolean;
  completed: boolean;
  completedOnTime: boolean;
  /** The deadline's due day has passed, or the task is completed: work that has come due. */
  due: boolean;
  overdue: boolean;
  /** Working days past the due day; 0 when not overdue. */
  workingDaysOverdue: number;
  /** Working days left to the due day for open work that is not overdue. */
  workingDaysLeft: number | null;
  lateAcknowledgement: boolean;
  missingReport: boolean;
  escalationLevel: number;
}

export interface FactsContext {
  /** The Shanghai date of the moment. */
  today: string;
  ladder: LadderConfig;
  calendar: WorkingCalendar;
  /** The quarter whose progress report was last due (its due day before today); null if none yet. */
  reportQuarter: Quarter | null;
  /** Quarters (2022Q2) each task had reported by the moment. */
  reportedQuarters: ReadonlyMap<string, ReadonlySet<string>>;
  escalationLevels: ReadonlyMap<string, number>;
}

/** The latest quarter whose progress report fell due before `today` (DOMAIN: within N working days of the quarter's end). */
export function lastDueReportQuarter(today: string, ladder: LadderConfig, calendar: WorkingCalendar): Quarter {
  const previous = previousQuarter(quarterOf(today));
  const dueDay = calendar.addWorkingDays(quarterEnd(previous), ladder.reportDueWorkingDays);
  return dueDay < today ? previous : previousQuarter(previous);
}

/** Quarters each task had sent a progress report for (reviewed or not) among the given events. */
export function reportedQuartersOf(events: readonly HistoryEvent[]): Map<string, Set<string>> {
  const reported = new Map<string, Set<string>>();
  for (const event of events) {
    if (event.action !== 'report_progress' || typeof event.payload.quarter !== 'string') continue;
    const quarters = reported.get(event.taskId) ?? new Set<string>();
    quarters.add(event.payload.quarter);
    reported.set(event.taskId, quarters);
  }
  return reported;
}

/** Whether the task owed the report quarter's progress report and has not sent it; the ladder's rule (reportQuarters) for one quarter. */
function owesReport(task: TaskAsOf, context: FactsContext): boolean {
  if (!context.reportQuarter || !STATE_POLICY[task.state].unitNotices) return false;
  if (context.reportedQuarters.get(task.id)?.has(formatQuarter(context.reportQuarter))) return false;
  const end = quarterEnd(context.reportQuarter);
  return shanghaiDate(task.assignedAt) < end && end <= task.deadline;
}

function lateAcknowledgement(task: TaskAsOf, today: string): boolean {
  if (task.acknowledgedAt) return shanghaiDate(task.acknowledgedAt) > task.ackDeadline;
  return task.state === 'assigned' && today > task.ackDeadline;
}

export function factsOf(task: TaskAsOf, context: FactsContext): TaskFacts {
  const { today, calendar } = context;
  const dueDay = deadlineDueDay(task, calendar);
  const cancelled = task.state === 'cancelled';
  const completed = task.state === 'approved';
  const open = !cancelled && !completed;
  const overdue = open && today > dueDay;
  return {
    task,
    cancelled,
    acknowledged: task.acknowledgedAt !== null || completed,
    completed,
    completedOnTime: completed && task.submittedAt !== null && shanghaiDate(task.submittedAt) <= dueDay,
    due: !cancelled && (completed || today > dueDay),
    overdue,
    workingDaysOverdue: overdue ? calendar.workingDaysBetween(dueDay, today) : 0,
    workingDaysLeft: open && !overdue ? calendar.workingDaysBetween(today, dueDay) : null,
    lateAcknowledgement: !cancelled && lateAcknowledgement(task, today),
    missingReport: open && owesReport(task, context),
    escalationLevel: context.escalationLevels.get(task.id) ?? 0,
  };
}
