import { OfficialCalendar } from './official-calendar';
import { readPackageCalendarDays } from './package-calendar';
import { atShanghaiTime, endOfWorkingDay, nextWorkingMoment, shanghaiDateOf, startOfWorkingDay } from './working-hours';

const calendar = new OfficialCalendar({ published: readPackageCalendarDays(), onUnknownYear: jest.fn() });

/** An Asia/Shanghai wall-clock time as an instant: '2026-11-20 08:30'. */
function shanghai(wallClock: string): Date {
  const [date, time] = wallClock.split(' ');
  return atShanghaiTime(date, time);
}

describe('Asia/Shanghai instants', () => {
  it.each([
    ['2026-10-01', '08:30', '2026-10-01T00:30:00.000Z'],
    ['2026-10-01', '00:00', '2026-09-30T16:00:00.000Z'],
    ['2026-10-01', '23:59', '2026-10-01T15:59:00.000Z'],
    ['2026-07-01', '18:00', '2026-07-01T10:00:00.000Z'], // no daylight saving in summer
  ])('%s %s in Shanghai is %s', (date, time, iso) => {
    expect(atShanghaiTime(date, time).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01'],
  ])('%s falls on %s in Shanghai', (iso, date) => {
    expect(shanghaiDateOf(new Date(iso))).toBe(date);
  });

  it('refuses malformed times and dates', () => {
    expect(() => atShanghaiTime('2026-10-01', '8:30')).toThrow(/HH:MM/);
    expect(() => atShanghaiTime('2026-10-01', '24:00')).toThrow(/HH:MM/);
    expect(() => atShanghaiTime('2026-02-30', '08:30')).toThrow(/calendar date/);
  });

  it('gives the start and end of a working day, with default and custom hours', () => {
    expect(startOfWorkingDay('2026-11-20').toISOString()).toBe('2026-11-20T00:30:00.000Z');
    expect(endOfWorkingDay('2026-11-20').toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(endOfWorkingDay('2026-11-20', { start: '09:00', end: '17:00' }).toISOString()).toBe(
      '2026-11-20T09:00:00.000Z',
    );
    expect(() => startOfWorkingDay('2026-11-20', { start: '18:00', end: '08:30' })).toThrow(/not before/);
  });
});

describe('nextWorkingMoment (quiet hours)', () => {
  it.each([
    ['2026-11-20 08:29', '2026-11-20 08:30', 'Friday before opening'],
    ['2026-11-20 08:30', '2026-11-20 08:30', 'Friday at opening'],
    ['2026-11-20 12:00', '2026-11-20 12:00', 'Friday noon'],
    ['2026-11-20 17:59', '2026-11-20 17:59', 'Friday last minute'],
    ['2026-11-20 18:00', '2026-11-23 08:30', 'Friday at closing'],
    ['2026-11-20 22:15', '2026-11-23 08:30', 'Friday evening'],
    ['2026-11-21 10:00', '2026-11-23 08:30', 'Saturday'],
    ['2026-11-23 00:00', '2026-11-23 08:30', 'Monday midnight'],
    ['2026-09-30 18:30', '2026-10-08 08:30', 'eve of National Day'],
    ['2026-10-03 10:00', '2026-10-08 08:30', 'during National Day'],
    ['2026-10-09 19:00', '2026-10-10 08:30', 'Friday before a make-up Saturday'],
    ['2026-09-20 09:00', '2026-09-20 09:00', 'make-up Sunday'],
    ['2026-02-14 18:00', '2026-02-24 08:30', 'eve of Spring Festival'],
  ])('%s → %s (%s)', (at, expected) => {
    expect(nextWorkingMoment(shanghai(at), calendar).toISOString()).toBe(shanghai(expected).toISOString());
  });

  it('keeps the exact instant, seconds included, within working hours', () => {
    const instant = new Date('2026-11-20T02:03:04.005Z');
    expect(nextWorkingMoment(instant, calendar).getTime()).toBe(instant.getTime());
  });

  it('follows custom hours', () => {
    const hours = { start: '09:00', end: '17:00' };
    expect(nextWorkingMoment(shanghai('2026-11-20 08:45'), calendar, hours).toISOString()).toBe(
      shanghai('2026-11-20 09:00').toISOString(),
    );
    expect(nextWorkingMoment(shanghai('2026-11-20 17:00'), calendar, hours).toISOString()).toBe(
      shanghai('2026-11-23 09:00').toISOString(),
    );
  });
});
