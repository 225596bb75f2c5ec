import type { WorkingCalendar } from '@app/calendar';
import type { LadderConfig } from './ladder-config';
import { dueWorkingDay, policyOf, type LadderTask, type StatePolicy } from './ladder-task';
import type { PlannedStep } from './planned-step';
import { ackSteps, escalationSteps, noticeSteps, reportSeries, type LadderContext, type Series } from './step-builders';

function deadlineSeries({ task, calendar }: LadderContext, reminders: readonly number[]): Series {
  return {
    kinds: { reminder: 'deadline_reminder', overdue: 'deadline_overdue', escalation: 'escalation' },
    dueDay: dueWorkingDay(task.deadline, calendar),
    reminders,
    followsDeadline: true,
  };
}

function deadlineSteps(ctx: LadderContext, policy: StatePolicy): PlannedStep[] {
  const series = deadlineSeries(ctx, ctx.ladder.reminderWorkingDaysBefore);
  return [
    ...(policy.unitNotices ? noticeSteps(ctx, series) : []),
    ...(policy.escalations ? escalationSteps(ctx, series) : []),
  ];
}

function reportSteps(ctx: LadderContext, policy: StatePolicy): PlannedStep[] {
  if (!policy.unitNotices) return [];
  return reportSeries(ctx).flatMap((series) => [...noticeSteps(ctx, series), ...escalationSteps(ctx, series)]);
}

/**
 * The ladder's order. Exported for its test: planSteps builds the series in an order that already
 * matches the key on every tie the default keys can produce, so only a direct test exercises the key.
 */
export function byDueAtThenKey(a: PlannedStep, b: PlannedStep): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Every step of the task's ladder that its current state calls for, past ones included, sorted by
 * dueAt then key. What each state calls for is STATE_POLICY's; acknowledged tasks get no ack steps,
 * reported quarters no report steps. Reminders falling on or before the assignment day are left out;
 * overdue notices and escalations are kept even if already past, since they state a fact.
 */
export function planSteps(task: LadderTask, ladder: LadderConfig, calendar: WorkingCalendar): PlannedStep[] {
  const policy = policyOf(task);
  const ctx: LadderContext = { task, ladder, calendar };
  return [
    ...(policy.ack && !task.acknowledged ? ackSteps(ctx) : []),
    ...deadlineSteps(ctx, policy),
    ...reportSteps(ctx, policy),
  ].sort(byDueAtThenKey);
}

/** What a fired job checks before it sends anything: the task still calls for this very step. */
export function stepApplies(
  task: LadderTask,
  step: Pick<PlannedStep, 'key' | 'deadlineVersion'>,
  ladder: LadderConfig,
  calendar: WorkingCalendar,
): boolean {
  return planSteps(task, ladder, calendar).some(
    (planned) => planned.key === step.key && planned.deadlineVersion === step.deadlineVersion,
  );
}

/** The ack deadline to record at launch; the ladder then reads the task's recorded one. */
export function ackDeadlineFor(assignedOn: string, ladder: LadderConfig, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(assignedOn, ladder.ackDueWorkingDays);
}

/** The working day on which the deadline falls due (the next working day for a holiday deadline). */
export function deadlineDueDay(task: Pick<LadderTask, 'deadline'>, calendar: WorkingCalendar): string {
  return dueWorkingDay(task.deadline, calendar);
}

/** The quarter whose progress report the task owes next and the day it is due; null when it owes none. */
export function nextReportDue(
  task: LadderTask,
  ladder: LadderConfig,
  calendar: WorkingCalendar,
): { quarter: string; dueDate: string } | null {
  if (!policyOf(task).unitNotices) return null;
  const [next] = reportSeries({ task, ladder, calendar });
  return next ? { quarter: next.quarter!, dueDate: next.dueDay } : null;
}
