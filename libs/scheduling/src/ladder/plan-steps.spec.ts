import { WeekdayCalendar } from '@app/calendar';
import { DEFAULT_LADDER } from './ladder-config';
import { deadlineOnly, row, task } from './__fixtures__/ladder-tasks';
import type { LadderTask } from './ladder-task';
import { planSteps, stepApplies } from './plan-steps';

const calendar = new WeekdayCalendar();
const plan = (overrides: Parameters<typeof task>[0] = {}) => planSteps(task(overrides), DEFAULT_LADDER, calendar);
const keys = (overrides: Parameters<typeof task>[0] = {}) => plan(overrides).map((step) => step.key);

describe('planSteps: the default ladder of a co-task assigned 2026-11-23, due 2027-03-31', () => {
  // 08:30 in Shanghai is 00:30Z, 18:00 is 10:00Z. Key, dueAt, recipients, escalationLevel, deadlineVersion, quarter.
  const expected: [string, string, string, number, number, string | null][] = [
    ['ack_reminder', '2026-11-25T00:30:00.000Z', 'assignee', 0, 0, null],
    ['ack_overdue', '2026-11-26T10:00:00.000Z', 'assigner', 0, 0, null],
    ['report_reminder.2026Q4.3d', '2027-01-04T00:30:00.000Z', 'assignee', 0, 0, '2026Q4'],
    ['report_overdue.2026Q4', '2027-01-07T10:00:00.000Z', 'assignee+assigner', 0, 0, '2026Q4'],
    ['report_escalation.2026Q4.L1', '2027-01-14T00:30:00.000Z', 'supervisor', 1, 0, '2026Q4'],
    ['report_escalation.2026Q4.L2', '2027-01-28T00:30:00.000Z', 'leadership', 2, 0, '2026Q4'],
    ['deadline_reminder.10d', '2027-03-17T00:30:00.000Z', 'assignee', 0, 2, null],
    ['deadline_reminder.3d', '2027-03-26T00:30:00.000Z', 'assignee', 0, 2, null],
    ['deadline_overdue', '2027-03-31T10:00:00.000Z', 'assignee+assigner', 0, 2, null],
    ['report_reminder.2027Q1.3d', '2027-04-02T00:30:00.000Z', 'assignee', 0, 0, '2027Q1'],
    ['escalation.L1', '2027-04-07T00:30:00.000Z', 'supervisor', 1, 2, null],
    ['report_overdue.2027Q1', '2027-04-07T10:00:00.000Z', 'assignee+assigner', 0, 0, '2027Q1'],
    ['report_escalation.2027Q1.L1', '2027-04-14T00:30:00.000Z', 'supervisor', 1, 0, '2027Q1'],
    ['escalation.L2', '2027-04-21T00:30:00.000Z', 'leadership', 2, 2, null],
    ['report_escalation.2027Q1.L2', '2027-04-28T00:30:00.000Z', 'leadership', 2, 0, '2027Q1'],
  ];

  it('has every step, in order of dueAt then key', () => {
    expect(plan().map((step) => [...row(step), step.escalationLevel, step.deadlineVersion, step.quarter])).toEqual(
      expected,
    );
  });

  it('gives each step its kind and its Shanghai working day', () => {
    const steps = plan();
    expect(steps.map((step) => step.kind)).toEqual([
      'ack_reminder',
      'ack_overdue',
      'report_reminder',
      'report_overdue',
      'report_escalation',
      'report_escalation',
      'deadline_reminder',
      'deadline_reminder',
      'deadline_overdue',
      'report_reminder',
      'escalation',
      'report_overdue',
      'report_escalation',
      'escalation',
      'report_escalation',
    ]);
    expect(steps.slice(0, 2).map((step) => step.dueDate)).toEqual(['2026-11-25', '2026-11-26']);
  });

  it('sends the overdue notices of a lead task to its unit only', () => {
    const overdue = plan({ kind: 'lead' }).filter((step) => step.kind.endsWith('_overdue'));
    expect(overdue.map(row)).toEqual([
      ['ack_overdue', '2026-11-26T10:00:00.000Z', 'assigner'],
      ['report_overdue.2026Q4', '2027-01-07T10:00:00.000Z', 'assignee'],
      ['deadline_overdue', '2027-03-31T10:00:00.000Z', 'assignee'],
      ['report_overdue.2027Q1', '2027-04-07T10:00:00.000Z', 'assignee'],
    ]);
  });

  it('sends a subtask’s overdue notice to its lead unit too', () => {
    expect(plan({ kind: 'subtask' }).find((step) => step.key === 'deadline_overdue')?.recipients).toEqual([
      'assignee',
      'assigner',
    ]);
  });
});

describe('planSteps by state', () => {
  const withoutAck = [
    'report_reminder.2026Q4.3d',
    'report_overdue.2026Q4',
    'report_escalation.2026Q4.L1',
    'report_escalation.2026Q4.L2',
    'deadline_reminder.10d',
    'deadline_reminder.3d',
    'deadline_overdue',
    'report_reminder.2027Q1.3d',
    'escalation.L1',
    'report_overdue.2027Q1',
    'report_escalation.2027Q1.L1',
    'escalation.L2',
    'report_escalation.2027Q1.L2',
  ];

  it.each([
    ['acknowledged', { state: 'acknowledged', acknowledged: true }, withoutAck],
    ['in progress', { state: 'in_progress', acknowledged: true }, withoutAck],
    ['assigned but already acknowledged', { state: 'assigned', acknowledged: true }, withoutAck],
    ['submitted', { state: 'submitted', acknowledged: true }, []],
    ['approved', { state: 'approved', acknowledged: true }, []],
    ['cancelled', { state: 'cancelled' }, []],
    ['objected: only the escalations', { state: 'objected' }, ['escalation.L1', 'escalation.L2']],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(keys(overrides)).toEqual(expected);
  });

  it('refuses a state it does not know', () => {
    expect(() => planSteps({ ...task(), state: 'archived' as never }, DEFAULT_LADDER, calendar)).toThrow(
      /unknown state archived/,
    );
  });
});

describe('planSteps: a changed deadline', () => {
  const moved = deadlineOnly({ deadline: '2027-04-30', deadlineVersion: 3 });

  it('moves the deadline steps and stamps them with the new version', () => {
    expect(planSteps(moved, DEFAULT_LADDER, calendar).map((step) => [...row(step), step.deadlineVersion])).toEqual([
      ['deadline_reminder.10d', '2027-04-16T00:30:00.000Z', 'assignee', 3],
      ['deadline_reminder.3d', '2027-04-27T00:30:00.000Z', 'assignee', 3],
      ['deadline_overdue', '2027-04-30T10:00:00.000Z', 'assignee+assigner', 3],
      ['escalation.L1', '2027-05-07T00:30:00.000Z', 'supervisor', 3],
      ['escalation.L2', '2027-05-21T00:30:00.000Z', 'leadership', 3],
    ]);
  });

  it('no longer applies a step of the old version; report steps (version 0) keep applying', () => {
    const before = task({ state: 'in_progress', acknowledged: true });
    const after = { ...before, deadline: '2027-04-30', deadlineVersion: 3 };
    expect(stepApplies(before, { key: 'deadline_reminder.10d', deadlineVersion: 2 }, DEFAULT_LADDER, calendar)).toBe(
      true,
    );
    expect(stepApplies(after, { key: 'deadline_reminder.10d', deadlineVersion: 2 }, DEFAULT_LADDER, calendar)).toBe(
      false,
    );
    expect(stepApplies(after, { key: 'deadline_reminder.10d', deadlineVersion: 3 }, DEFAULT_LADDER, calendar)).toBe(
      true,
    );
    expect(stepApplies(after, { key: 'report_overdue.2026Q4', deadlineVersion: 0 }, DEFAULT_LADDER, calendar)).toBe(
      true,
    );
    expect(
      stepApplies(
        { ...after, state: 'approved' },
        { key: 'deadline_reminder.10d', deadlineVersion: 3 },
        DEFAULT_LADDER,
        calendar,
      ),
    ).toBe(false);
    expect(stepApplies(after, { key: 'ack_reminder', deadlineVersion: 0 }, DEFAULT_LADDER, calendar)).toBe(false);
  });
});

describe('planSteps: quarterly reports', () => {
  const quarters = (overrides: Partial<LadderTask>) => [
    ...new Set(
      plan(overrides)
        .map((step) => step.quarter)
        .filter(Boolean),
    ),
  ];

  const cases: [string, Partial<LadderTask>, string[]][] = [
    ['both quarters, 2027Q1 ending on the deadline day included', {}, ['2026Q4', '2027Q1']],
    ['not a reported quarter', { reportedQuarters: ['2026Q4'] }, ['2027Q1']],
    ['none once both are reported', { reportedQuarters: ['2027Q1', '2026Q4'] }, []],
    ['not a quarter ending after the deadline', { deadline: '2027-03-30' }, ['2026Q4']],
    ['not a quarter ending on the assignment day', { assignedOn: '2026-12-31', ackDeadline: '2027-01-05' }, ['2027Q1']],
    ['one per quarter up to the deadline', { deadline: '2027-07-15' }, ['2026Q4', '2027Q1', '2027Q2']],
  ];

  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(quarters(overrides)).toEqual(expected);
  });
});
