import { DEFAULT_LADDER } from './ladder-config';
import { deadlineOnly, HolidayWeekCalendar, row } from './__fixtures__/ladder-tasks';
import { planSteps } from './plan-steps';
import { statusColour } from './status-colour';

/** Holidays 2027-03-22 to 03-26, make-up working Saturday 2027-03-20 (see HolidayWeekCalendar). */
const calendar = new HolidayWeekCalendar();

describe('the ladder on an official calendar with a holiday week and a make-up Saturday', () => {
  it('knows its own days', () => {
    expect([
      calendar.isWorkingDay('2027-03-20'),
      calendar.isWorkingDay('2027-03-24'),
      calendar.isWorkingDay('2027-03-27'),
    ]).toEqual([true, false, false]);
  });

  it('moves the reminders back across the holidays, the 3-day one onto the make-up Saturday', () => {
    expect(planSteps(deadlineOnly(), DEFAULT_LADDER, calendar).map(row)).toEqual([
      ['deadline_reminder.10d', '2027-03-11T00:30:00.000Z', 'assignee'],
      ['deadline_reminder.3d', '2027-03-20T00:30:00.000Z', 'assignee'],
      ['deadline_overdue', '2027-03-31T10:00:00.000Z', 'assignee+assigner'],
      ['escalation.L1', '2027-04-07T00:30:00.000Z', 'supervisor'],
      ['escalation.L2', '2027-04-21T00:30:00.000Z', 'leadership'],
    ]);
  });

  it('moves a deadline that falls in the holidays to the first working day after them', () => {
    expect(planSteps(deadlineOnly({ deadline: '2027-03-24' }), DEFAULT_LADDER, calendar).map(row)).toEqual([
      ['deadline_reminder.10d', '2027-03-09T00:30:00.000Z', 'assignee'],
      ['deadline_reminder.3d', '2027-03-18T00:30:00.000Z', 'assignee'],
      ['deadline_overdue', '2027-03-29T10:00:00.000Z', 'assignee+assigner'],
      ['escalation.L1', '2027-04-05T00:30:00.000Z', 'supervisor'],
      ['escalation.L2', '2027-04-19T00:30:00.000Z', 'leadership'],
    ]);
  });

  it.each([
    ['2027-03-24', 'yellow'], // the deadline date, a holiday
    ['2027-03-25', 'yellow'], // after the date, but still in the holidays
    ['2027-03-29', 'yellow'], // the working day it falls due
    ['2027-03-30', 'red'],
  ] as const)('colours a holiday deadline on %s %s', (today, expected) => {
    expect(statusColour(deadlineOnly({ deadline: '2027-03-24' }), today, DEFAULT_LADDER, calendar)).toBe(expected);
  });
});
