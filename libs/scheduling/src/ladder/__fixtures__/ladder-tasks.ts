import { SteppingCalendar } from '@app/calendar';
import type { LadderTask } from '../ladder-task';
import type { PlannedStep } from '../planned-step';

/** Test support only. A co-task assigned Monday 2026-11-23, due Wednesday 2027-03-31. */
export function task(overrides: Partial<LadderTask> = {}): LadderTask {
  return {
    id: 'task-1',
    kind: 'co',
    state: 'assigned',
    assignedOn: '2026-11-23',
    ackDeadline: '2026-11-26',
    deadline: '2027-03-31',
    deadlineVersion: 2,
    acknowledged: false,
    reportedQuarters: [],
    ...overrides,
  };
}

/** An acknowledged task in progress whose quarterly reports are all in: only its deadline steps remain. */
export function deadlineOnly(overrides: Partial<LadderTask> = {}): LadderTask {
  return task({ state: 'in_progress', acknowledged: true, reportedQuarters: ['2026Q4', '2027Q1'], ...overrides });
}

/** A step as a row of a hand-written table: key, dueAt in UTC, recipients. */
export function row(step: PlannedStep): [string, string, string] {
  return [step.key, step.dueAt.toISOString(), step.recipients.join('+')];
}

/**
 * A hand-made official calendar: weekdays work, except a holiday week 2027-03-22 to 03-26;
 * Saturday 2027-03-20 is a make-up working day (调休).
 */
export class HolidayWeekCalendar extends SteppingCalendar {
  private readonly holidays = new Set(['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26']);
  private readonly makeUpDays = new Set(['2027-03-20']);

  isWorkingDay(date: string): boolean {
    if (this.makeUpDays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}
