import { DEFAULT_LADDER } from './ladder-config';
import { resolveLadder } from './resolve-ladder';

describe('resolveLadder', () => {
  it('is the default ladder of DOMAIN.md without overrides', () => {
    expect(resolveLadder([])).toEqual({
      ackDueWorkingDays: 3,
      ackReminderAfterWorkingDays: 2,
      reminderWorkingDaysBefore: [10, 3],
      escalations: [
        { afterWorkingDaysOverdue: 5, to: 'supervisor', level: 1 },
        { afterWorkingDaysOverdue: 15, to: 'leadership', level: 2 },
      ],
      reportDueWorkingDays: 5,
      reportReminderWorkingDaysBefore: [3],
      workingHours: { start: '08:30', end: '18:00' },
    });
  });

  it('applies the global override, then the document’s, each field replacing the one before', () => {
    const ladder = resolveLadder([
      { reminderWorkingDaysBefore: [15, 5], reportDueWorkingDays: 10 },
      { reminderWorkingDaysBefore: [5], escalations: [] },
    ]);
    expect(ladder.reminderWorkingDaysBefore).toEqual([5]);
    expect(ladder.reportDueWorkingDays).toBe(10);
    expect(ladder.escalations).toEqual([]);
    expect(ladder.ackDueWorkingDays).toBe(3);
  });

  it('merges working hours field by field and skips null overrides', () => {
    expect(resolveLadder([null, { workingHours: { end: '17:30' } }, undefined]).workingHours).toEqual({
      start: '08:30',
      end: '17:30',
    });
  });

  it('leaves the default ladder untouched', () => {
    resolveLadder([{ reminderWorkingDaysBefore: [5], workingHours: { start: '09:00' } }]);
    expect(DEFAULT_LADDER.reminderWorkingDaysBefore).toEqual([10, 3]);
    expect(DEFAULT_LADDER.workingHours.start).toBe('08:30');
    expect(Object.isFrozen(DEFAULT_LADDER.reminderWorkingDaysBefore)).toBe(true);
  });

  it('checks a combination only on the merged ladder', () => {
    expect(
      resolveLadder([{ ackDueWorkingDays: 5, ackReminderAfterWorkingDays: 4 }, { ackDueWorkingDays: 4 }])
        .ackReminderAfterWorkingDays,
    ).toBe(4);
  });

  const escalation = (afterWorkingDaysOverdue: number, level: number) => ({
    afterWorkingDaysOverdue,
    to: 'supervisor',
    level,
  });

  it.each([
    ['not an object', ['fast'], 'overrides[0]: must be an object'],
    ['an unknown field', [{ reminderDays: [5] }], 'overrides[0].reminderDays: unknown setting'],
    [
      'a negative number',
      [{ ackDueWorkingDays: -1 }],
      'overrides[0].ackDueWorkingDays: must be a whole number of at least 1',
    ],
    [
      'zero report days',
      [{}, { reportDueWorkingDays: 0 }],
      'overrides[1].reportDueWorkingDays: must be a whole number of at least 1',
    ],
    [
      'a fraction',
      [{ ackReminderAfterWorkingDays: 1.5 }],
      'overrides[0].ackReminderAfterWorkingDays: must be a whole number',
    ],
    ['a number as text', [{ ackDueWorkingDays: '3' }], 'overrides[0].ackDueWorkingDays: must be a whole number'],
    [
      'unsorted reminders',
      [{ reminderWorkingDaysBefore: [3, 10] }],
      'overrides[0].reminderWorkingDaysBefore: must be in strictly decreasing order',
    ],
    [
      'duplicate reminders',
      [{ reminderWorkingDaysBefore: [10, 10] }],
      'overrides[0].reminderWorkingDaysBefore: must be in strictly decreasing order',
    ],
    [
      'a negative reminder',
      [{ reminderWorkingDaysBefore: [10, -3] }],
      'overrides[0].reminderWorkingDaysBefore[1]: must be a whole number of at least 1',
    ],
    [
      'reminders not a list',
      [{ reminderWorkingDaysBefore: 10 }],
      'overrides[0].reminderWorkingDaysBefore: must be a list',
    ],
    [
      'duplicate report reminders',
      [{ reportReminderWorkingDaysBefore: [3, 3] }],
      'overrides[0].reportReminderWorkingDaysBefore: must be in strictly decreasing',
    ],
    ['escalations not a list', [{ escalations: 'none' }], 'overrides[0].escalations: must be a list'],
    [
      'levels not increasing',
      [{ escalations: [escalation(5, 2), escalation(15, 1)] }],
      'overrides[0].escalations[1].level: must be greater',
    ],
    [
      'equal levels',
      [{ escalations: [escalation(5, 1), escalation(15, 1)] }],
      'overrides[0].escalations[1].level: must be greater',
    ],
    [
      'days not increasing',
      [{ escalations: [escalation(15, 1), escalation(5, 2)] }],
      'overrides[0].escalations[1].afterWorkingDaysOverdue: must be greater',
    ],
    [
      'escalation on the due day',
      [{ escalations: [escalation(0, 1)] }],
      'overrides[0].escalations[0].afterWorkingDaysOverdue: must be a whole number of at least 1',
    ],
    [
      'level 0',
      [{ escalations: [escalation(5, 0)] }],
      'overrides[0].escalations[0].level: must be a whole number of at least 1',
    ],
    [
      'escalation to the assignee',
      [{ escalations: [{ afterWorkingDaysOverdue: 5, to: 'assignee', level: 1 }] }],
      'overrides[0].escalations[0].to: must be one of',
    ],
    [
      'an unknown escalation field',
      [{ escalations: [{ ...escalation(5, 1), delay: 2 }] }],
      'overrides[0].escalations[0].delay: unknown setting',
    ],
    [
      'a bad start time',
      [{ workingHours: { start: '8:30' } }],
      'overrides[0].workingHours.start: must be a time HH:MM',
    ],
    [
      'an end time of 24:00',
      [{ workingHours: { end: '24:00' } }],
      'overrides[0].workingHours.end: must be a time HH:MM',
    ],
    [
      'an unknown working-hours field',
      [{ workingHours: { lunch: '12:00' } }],
      'overrides[0].workingHours.lunch: unknown setting',
    ],
    ['start after end', [{ workingHours: { start: '18:00', end: '08:30' } }], 'workingHours: start must be before end'],
    [
      'ack reminder after the ack deadline',
      [{ ackReminderAfterWorkingDays: 4 }],
      'ackReminderAfterWorkingDays: must not exceed ackDueWorkingDays (3)',
    ],
  ] as [string, unknown[], string][])('refuses %s', (_name, overrides, message) => {
    expect(() => resolveLadder(overrides)).toThrow(`Invalid ladder setting ${message}`);
  });
});
