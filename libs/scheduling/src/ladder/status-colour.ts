import { parseDate, type WorkingCalendar } from '@app/calendar';
import type { LadderConfig } from './ladder-config';
import { policyOf, type LadderTask } from './ladder-task';
import { deadlineDueDay, planSteps } from './plan-steps';

export type StatusColour = 'green' | 'yellow' | 'red';

const SEVERITY: Readonly<Record<StatusColour, number>> = { green: 0, yellow: 1, red: 2 };

/** A quarter's report is late once its overdue notice's day has passed and it is still called for. */
function reportLate(task: LadderTask, today: string, ladder: LadderConfig, calendar: WorkingCalendar): boolean {
  return planSteps(task, ladder, calendar).some((step) => step.kind === 'report_overdue' && step.dueDate < today);
}

/**
 * The supervisors' colour on `today` (YYYY-MM-DD): red when open and past the deadline's due day;
 * yellow when that day is within the largest deadline reminder offset (10 working days) or a
 * quarterly report is late; green otherwise, and always for finished tasks. Submitted and objected
 * tasks are open: their colour follows the deadline like any other.
 */
export function statusColour(
  task: LadderTask,
  today: string,
  ladder: LadderConfig,
  calendar: WorkingCalendar,
): StatusColour {
  parseDate(today);
  if (policyOf(task).finished) return 'green';
  const dueDay = deadlineDueDay(task, calendar);
  if (today > dueDay) return 'red';
  const window = Math.max(0, ...ladder.reminderWorkingDaysBefore);
  if (calendar.workingDaysBetween(today, dueDay) <= window) return 'yellow';
  return reportLate(task, today, ladder, calendar) ? 'yellow' : 'green';
}

/** A lead task shows the worst colour of itself and its subtasks. */
export function rollUpColour(own: StatusColour, children: StatusColour[]): StatusColour {
  return children.reduce((worst, child) => (SEVERITY[child] > SEVERITY[worst] ? child : worst), own);
}

/**
 * The highest deadline escalation level (1 督办, 2 挂牌督办) whose step is due by `now`, 0 if none.
 * Report escalations do not count: the level describes how overdue the work is, as the bulletin's
 * overdue list shows it. Tasks whose state calls for no escalations (submitted, finished) are at 0.
 */
export function escalationLevelAt(
  task: LadderTask,
  now: Date,
  ladder: LadderConfig,
  calendar: WorkingCalendar,
): number {
  return planSteps(task, ladder, calendar)
    .filter((step) => step.kind === 'escalation' && step.dueAt.getTime() <= now.getTime())
    .reduce((level, step) => Math.max(level, step.escalationLevel), 0);
}
