import { WeekdayCalendar } from './working-calendar';

describe('WeekdayCalendar', () => {
  const calendar = new WeekdayCalendar();

  it.each([
    ['2026-11-20', true], // Friday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-11-23', true], // Monday
  ])('%s is a working day: %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-11-20', 1, '2026-11-23'],
    ['2026-11-20', 3, '2026-11-25'],
    ['2026-11-22', 3, '2026-11-25'],
    ['2026-11-23', 5, '2026-11-30'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', -1, '2026-11-20'],
    ['2026-12-30', 3, '2027-01-04'],
  ])('%s plus %i working days is %s', (date, days, expected) => {
    expect(calendar.addWorkingDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-11-20', '2026-11-23', 1],
    ['2026-11-20', '2026-11-27', 5],
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-27', '2026-11-20', -5],
  ])('working days after %s up to %s: %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/calendar date/);
    expect(() => calendar.isWorkingDay('22/11/2026')).toThrow(/YYYY-MM-DD/);
  });
});
