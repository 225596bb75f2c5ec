import { WeekdayCalendar } from '@app/calendar';
import { DEFAULT_LADDER } from './ladder-config';
import { deadlineOnly, task } from './__fixtures__/ladder-tasks';
import type { LadderTask } from './ladder-task';
import { resolveLadder } from './resolve-ladder';
import { escalationLevelAt, rollUpColour, statusColour, type StatusColour } from './status-colour';

const calendar = new WeekdayCalendar();

describe('statusColour of a task due Wednesday 2027-03-31', () => {
  const cases: [string, Partial<LadderTask>, string, StatusColour][] = [
    ['11 working days before', {}, '2027-03-16', 'green'],
    ['exactly 10 working days before', {}, '2027-03-17', 'yellow'],
    ['on the deadline', {}, '2027-03-31', 'yellow'],
    ['the day after the deadline', {}, '2027-04-01', 'red'],
    ['approved, after the deadline', { state: 'approved' }, '2027-04-01', 'green'],
    ['cancelled, after the deadline', { state: 'cancelled' }, '2027-04-01', 'green'],
    ['submitted, after the deadline (still open)', { state: 'submitted' }, '2027-04-01', 'red'],
    ['objected, after the deadline', { state: 'objected' }, '2027-04-01', 'red'],
    ['a Saturday deadline, on the Sunday after', { deadline: '2027-03-27' }, '2027-03-28', 'yellow'],
    ['a Saturday deadline, on the Monday it falls due', { deadline: '2027-03-27' }, '2027-03-29', 'yellow'],
    ['a Saturday deadline, on the Tuesday', { deadline: '2027-03-27' }, '2027-03-30', 'red'],
  ];

  it.each(cases)('%s: %s on %s is %s', (_name, overrides, today, expected) => {
    expect(statusColour(deadlineOnly(overrides), today, DEFAULT_LADDER, calendar)).toBe(expected);
  });

  it('uses the largest reminder offset as the yellow window', () => {
    const ladder = resolveLadder([{ reminderWorkingDaysBefore: [5] }]);
    expect(statusColour(deadlineOnly(), '2027-03-23', ladder, calendar)).toBe('green');
    expect(statusColour(deadlineOnly(), '2027-03-24', ladder, calendar)).toBe('yellow');
  });

  it.each([
    ['the report due day itself', {}, '2027-01-07', 'green'],
    ['the day after the 2026Q4 report was due', {}, '2027-01-08', 'yellow'],
    ['2026Q4 reported', { reportedQuarters: ['2026Q4'] }, '2027-01-08', 'green'],
    ['submitted: no report owed', { state: 'submitted' }, '2027-01-08', 'green'],
  ] as [string, Partial<LadderTask>, string, StatusColour][])(
    'report: %s (%s, %s) is %s',
    (_name, overrides, today, expected) => {
      expect(
        statusColour(task({ state: 'in_progress', acknowledged: true, ...overrides }), today, DEFAULT_LADDER, calendar),
      ).toBe(expected);
    },
  );

  it('refuses a malformed day', () => {
    expect(() => statusColour(task(), '2027-3-1', DEFAULT_LADDER, calendar)).toThrow(/YYYY-MM-DD/);
  });
});

describe('rollUpColour', () => {
  it.each([
    ['green', [], 'green'],
    ['green', ['green', 'yellow', 'green'], 'yellow'],
    ['green', ['yellow', 'red'], 'red'],
    ['yellow', ['green'], 'yellow'],
    ['red', ['green', 'yellow'], 'red'],
    ['yellow', ['red'], 'red'],
  ] as [StatusColour, StatusColour[], StatusColour][])('%s with subtasks %j is %s', (own, children, expected) => {
    expect(rollUpColour(own, children)).toBe(expected);
  });
});

describe('escalationLevelAt (deadline 2027-03-31; L1 at 2027-04-07 08:30, L2 at 2027-04-21 08:30)', () => {
  const cases: [string, Partial<LadderTask>, string, number][] = [
    ['on the deadline evening', {}, '2027-03-31T10:00:00.000Z', 0],
    ['a minute before 5 working days overdue', {}, '2027-04-07T00:29:00.000Z', 0],
    ['at 5 working days overdue', {}, '2027-04-07T00:30:00.000Z', 1],
    ['a minute before 15 working days overdue', {}, '2027-04-21T00:29:00.000Z', 1],
    ['at 15 working days overdue', {}, '2027-04-21T00:30:00.000Z', 2],
    ['long after', {}, '2028-01-01T00:00:00.000Z', 2],
    ['objected (escalations continue)', { state: 'objected' }, '2027-04-21T00:30:00.000Z', 2],
    ['submitted', { state: 'submitted' }, '2028-01-01T00:00:00.000Z', 0],
    ['approved', { state: 'approved' }, '2028-01-01T00:00:00.000Z', 0],
    // report_escalation.2026Q4.L2 was due 2027-01-28: report escalations do not count.
    ['with a late report only', { reportedQuarters: [] }, '2027-02-01T00:00:00.000Z', 0],
  ];

  it.each(cases)('%s (%j) at %s: level %i', (_name, overrides, now, expected) => {
    expect(escalationLevelAt(deadlineOnly(overrides), new Date(now), DEFAULT_LADDER, calendar)).toBe(expected);
  });
});
