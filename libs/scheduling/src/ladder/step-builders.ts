import {
  atShanghaiTime as atShanghai,
  formatQuarter,
  quarterEnd,
  quarterOf,
  type Quarter,
  type WorkingCalendar,
} from '@app/calendar';
import type { LadderConfig, Recipient, StepKind } from './ladder-config';
import { dueWorkingDay, type LadderTask } from './ladder-task';
import type { PlannedStep } from './planned-step';

export interface LadderContext {
  task: LadderTask;
  ladder: LadderConfig;
  calendar: WorkingCalendar;
}

interface StepSpec {
  key: string;
  kind: StepKind;
  day: string;
  /** Reminders and escalations open the working day; overdue notices close it. */
  at: 'start' | 'end';
  recipients: Recipient[];
  escalationLevel?: number;
  quarter?: string;
  followsDeadline: boolean;
}

function step({ task, ladder }: LadderContext, spec: StepSpec): PlannedStep {
  const { start, end } = ladder.workingHours;
  return {
    key: spec.key,
    kind: spec.kind,
    dueAt: atShanghai(spec.day, spec.at === 'start' ? start : end),
    dueDate: spec.day,
    recipients: spec.recipients,
    escalationLevel: spec.escalationLevel ?? 0,
    deadlineVersion: spec.followsDeadline ? task.deadlineVersion : 0,
    quarter: spec.quarter ?? null,
  };
}

/** The unit, and for a co-task or subtask also the unit that assigned it (the lead unit). */
function overdueRecipients(task: LadderTask): Recipient[] {
  return task.kind === 'lead' ? ['assignee'] : ['assignee', 'assigner'];
}

export function ackSteps(ctx: LadderContext): PlannedStep[] {
  const { task, ladder, calendar } = ctx;
  const dueDay = dueWorkingDay(task.ackDeadline, calendar);
  const reminderDay = calendar.addWorkingDays(task.assignedOn, ladder.ackReminderAfterWorkingDays);
  const overdue = step(ctx, {
    key: 'ack_overdue',
    kind: 'ack_overdue',
    day: dueDay,
    at: 'end',
    recipients: ['assigner'],
    followsDeadline: false,
  });
  // A task recorded with a shorter ack deadline than the ladder's reminder gets no reminder after the fact.
  if (reminderDay > dueDay) return [overdue];
  return [
    step(ctx, {
      key: 'ack_reminder',
      kind: 'ack_reminder',
      day: reminderDay,
      at: 'start',
      recipients: ['assignee'],
      followsDeadline: false,
    }),
    overdue,
  ];
}

/** One due day with its reminders before, overdue notice on it and escalations after. */
export interface Series {
  kinds: { reminder: StepKind; overdue: StepKind; escalation: StepKind };
  dueDay: string;
  reminders: readonly number[];
  /** The quarter of a report series, which also goes into its keys. */
  quarter?: string;
  followsDeadline: boolean;
}

function keyOf(kind: StepKind, series: Series, suffix?: string): string {
  return [kind, series.quarter, suffix].filter((part) => part !== undefined).join('.');
}

export function noticeSteps(ctx: LadderContext, series: Series): PlannedStep[] {
  const { task, calendar } = ctx;
  const common = { quarter: series.quarter, followsDeadline: series.followsDeadline };
  const reminders = series.reminders
    .map((days) => ({ days, day: calendar.addWorkingDays(series.dueDay, -days) }))
    // The assignment notice already states the due day: no reminder on or before it.
    .filter(({ day }) => day > task.assignedOn)
    .map(({ days, day }) =>
      step(ctx, {
        ...common,
        key: keyOf(series.kinds.reminder, series, `${days}d`),
        kind: series.kinds.reminder,
        day,
        at: 'start',
        recipients: ['assignee'],
      }),
    );
  const overdue = step(ctx, {
    ...common,
    key: keyOf(series.kinds.overdue, series),
    kind: series.kinds.overdue,
    day: series.dueDay,
    at: 'end',
    recipients: overdueRecipients(task),
  });
  return [...reminders, overdue];
}

export function escalationSteps(ctx: LadderContext, series: Series): PlannedStep[] {
  return ctx.ladder.escalations.map((rule) =>
    step(ctx, {
      key: keyOf(series.kinds.escalation, series, `L${rule.level}`),
      kind: series.kinds.escalation,
      day: ctx.calendar.addWorkingDays(series.dueDay, rule.afterWorkingDaysOverdue),
      at: 'start',
      recipients: [rule.to],
      escalationLevel: rule.level,
      quarter: series.quarter,
      followsDeadline: series.followsDeadline,
    }),
  );
}

function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter['quarter'] };
}

/**
 * The quarters a task owes a progress report for: those ending after its assignment day and on or
 * before its deadline (a quarter ending on the deadline day included: the task was open all of it).
 * Later quarters are left to the deadline's own overdue notice and escalations.
 */
export function reportQuarters(task: LadderTask): Quarter[] {
  const quarters: Quarter[] = [];
  for (let quarter = quarterOf(task.assignedOn); quarterEnd(quarter) <= task.deadline; quarter = nextQuarter(quarter)) {
    if (quarterEnd(quarter) > task.assignedOn) quarters.push(quarter);
  }
  return quarters;
}

export function reportSeries({ task, ladder, calendar }: LadderContext): Series[] {
  return reportQuarters(task)
    .filter((quarter) => !task.reportedQuarters.includes(formatQuarter(quarter)))
    .map((quarter) => ({
      kinds: { reminder: 'report_reminder', overdue: 'report_overdue', escalation: 'report_escalation' },
      dueDay: calendar.addWorkingDays(quarterEnd(quarter), ladder.reportDueWorkingDays),
      reminders: ladder.reportReminderWorkingDaysBefore,
      quarter: formatQuarter(quarter),
      followsDeadline: false,
    }));
}
