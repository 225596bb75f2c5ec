import { WeekdayCalendar } from '@app/calendar';
import { DEFAULT_LADDER } from './ladder-config';
import { deadlineOnly, row, task } from './__fixtures__/ladder-tasks';
import { ackDeadlineFor, byDueAtThenKey, planSteps } from './plan-steps';
import { stepJobId } from './planned-step';
import { resolveLadder } from './resolve-ladder';

const calendar = new WeekdayCalendar();

describe('planSteps under overrides', () => {
  it('uses a per-document reminder list over the global one', () => {
    const ladder = resolveLadder([{ reminderWorkingDaysBefore: [15, 5] }, { reminderWorkingDaysBefore: [5] }]);
    expect(
      planSteps(deadlineOnly(), ladder, calendar)
        .filter((step) => step.kind === 'deadline_reminder')
        .map(row),
    ).toEqual([['deadline_reminder.5d', '2027-03-24T00:30:00.000Z', 'assignee']]);
  });

  it('fires at the configured working hours', () => {
    const ladder = resolveLadder([{ workingHours: { start: '09:00', end: '17:30' } }]);
    expect(planSteps(deadlineOnly(), ladder, calendar).slice(0, 3).map(row)).toEqual([
      ['deadline_reminder.10d', '2027-03-17T01:00:00.000Z', 'assignee'],
      ['deadline_reminder.3d', '2027-03-26T01:00:00.000Z', 'assignee'],
      ['deadline_overdue', '2027-03-31T09:30:00.000Z', 'assignee+assigner'],
    ]);
  });

  it('follows the configured escalations and report due days', () => {
    const ladder = resolveLadder([
      { escalations: [{ afterWorkingDaysOverdue: 2, to: 'assigner', level: 1 }], reportDueWorkingDays: 10 },
    ]);
    const steps = planSteps(
      task({ state: 'in_progress', acknowledged: true, reportedQuarters: ['2027Q1'] }),
      ladder,
      calendar,
    );
    expect(steps.filter((step) => step.kind !== 'deadline_reminder').map(row)).toEqual([
      ['report_reminder.2026Q4.3d', '2027-01-11T00:30:00.000Z', 'assignee'],
      ['report_overdue.2026Q4', '2027-01-14T10:00:00.000Z', 'assignee+assigner'],
      ['report_escalation.2026Q4.L1', '2027-01-18T00:30:00.000Z', 'assigner'],
      ['deadline_overdue', '2027-03-31T10:00:00.000Z', 'assignee+assigner'],
      ['escalation.L1', '2027-04-02T00:30:00.000Z', 'assigner'],
    ]);
  });
});

describe('planSteps at the edges', () => {
  it('sorts steps due at the same instant by key', () => {
    // The deadline and the 2026Q4 report both fall due at the end of 2027-01-07.
    const steps = planSteps(
      task({ state: 'in_progress', acknowledged: true, deadline: '2027-01-07' }),
      DEFAULT_LADDER,
      calendar,
    );
    expect(
      steps.filter((step) => step.dueAt.toISOString() === '2027-01-07T10:00:00.000Z').map((step) => step.key),
    ).toEqual(['deadline_overdue', 'report_overdue.2026Q4']);
  });

  it('orders by dueAt, then by key whatever the input order', () => {
    const at = (key: string, iso: string) => ({
      ...planSteps(task(), DEFAULT_LADDER, calendar)[0],
      key,
      dueAt: new Date(iso),
    });
    const mixed = [
      at('report_overdue.2026Q4', '2027-01-07T10:00:00Z'),
      at('deadline_overdue', '2027-01-07T10:00:00Z'),
      at('ack_reminder', '2027-01-07T09:59:00Z'),
    ];
    expect([...mixed].sort(byDueAtThenKey).map((step) => step.key)).toEqual([
      'ack_reminder',
      'deadline_overdue',
      'report_overdue.2026Q4',
    ]);
  });

  it('leaves out reminders on or before the assignment day', () => {
    const late = task({ assignedOn: '2027-03-26', ackDeadline: '2027-03-31', reportedQuarters: ['2027Q1'] });
    expect(planSteps(late, DEFAULT_LADDER, calendar).map(row)).toEqual([
      ['ack_reminder', '2027-03-30T00:30:00.000Z', 'assignee'],
      ['ack_overdue', '2027-03-31T10:00:00.000Z', 'assigner'],
      ['deadline_overdue', '2027-03-31T10:00:00.000Z', 'assignee+assigner'],
      ['escalation.L1', '2027-04-07T00:30:00.000Z', 'supervisor'],
      ['escalation.L2', '2027-04-21T00:30:00.000Z', 'leadership'],
    ]);
  });

  it('sends no ack reminder after a recorded ack deadline shorter than the reminder', () => {
    const short = task({ ackDeadline: '2026-11-24' });
    expect(
      planSteps(short, DEFAULT_LADDER, calendar)
        .filter((step) => step.kind.startsWith('ack'))
        .map(row),
    ).toEqual([['ack_overdue', '2026-11-24T10:00:00.000Z', 'assigner']]);
  });

  it('counts a weekend deadline as due on the next working day', () => {
    // Saturday 2027-03-27: due Monday 03-29.
    expect(planSteps(deadlineOnly({ deadline: '2027-03-27' }), DEFAULT_LADDER, calendar).map(row)).toEqual([
      ['deadline_reminder.10d', '2027-03-15T00:30:00.000Z', 'assignee'],
      ['deadline_reminder.3d', '2027-03-24T00:30:00.000Z', 'assignee'],
      ['deadline_overdue', '2027-03-29T10:00:00.000Z', 'assignee+assigner'],
      ['escalation.L1', '2027-04-05T00:30:00.000Z', 'supervisor'],
      ['escalation.L2', '2027-04-19T00:30:00.000Z', 'leadership'],
    ]);
  });

  it('gives the ack deadline to record at launch', () => {
    expect(ackDeadlineFor('2026-11-23', DEFAULT_LADDER, calendar)).toBe('2026-11-26');
    expect(ackDeadlineFor('2026-11-27', DEFAULT_LADDER, calendar)).toBe('2026-12-02');
  });
});

describe('stepJobId', () => {
  it('builds task:key:vN', () => {
    expect(stepJobId('7f1c', { key: 'deadline_reminder.10d', deadlineVersion: 2 })).toBe(
      '7f1c:deadline_reminder.10d:v2',
    );
    expect(stepJobId('7f1c', { key: 'report_escalation.2026Q4.L1', deadlineVersion: 0 })).toBe(
      '7f1c:report_escalation.2026Q4.L1:v0',
    );
  });

  it('keeps every planned key free of ":" (BullMQ accepts a ":" id only in exactly three parts)', () => {
    for (const step of planSteps(task(), DEFAULT_LADDER, calendar))
      expect(stepJobId('7f1c', step).split(':')).toHaveLength(3);
  });

  it('refuses a key or task id with ":"', () => {
    expect(() => stepJobId('7f1c', { key: 'deadline_reminder:10d', deadlineVersion: 1 })).toThrow(/cannot contain ':'/);
    expect(() => stepJobId('a:b', { key: 'ack_reminder', deadlineVersion: 0 })).toThrow(/cannot contain ':'/);
  });
});
