import { CalendarDay } from './calendar-day';
import { OfficialCalendar } from './official-calendar';
import { readPackageCalendarDays } from './package-calendar';
import { addCalendarDays, SteppingCalendar, WeekdayCalendar } from './working-calendar';

const published = readPackageCalendarDays();

function calendarWith(
  overrides: CalendarDay[] = [],
  onUnknownYear: (year: number) => void = jest.fn(),
): OfficialCalendar {
  return new OfficialCalendar({ published, overrides, onUnknownYear });
}

/** Steps day by day through the same rule: the semantics the fast paths must reproduce. */
class SteppingReference extends SteppingCalendar {
  constructor(private readonly rule: OfficialCalendar) {
    super();
  }

  isWorkingDay(date: string): boolean {
    return this.rule.isWorkingDay(date);
  }
}

describe('OfficialCalendar: the package data', () => {
  const calendar = calendarWith();

  it('knows 2004 to 2026 and not 2027', () => {
    expect(calendar.knownYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendar.isKnownYear(2026)).toBe(true);
    expect(calendar.isKnownYear(2027)).toBe(false);
  });

  it.each(calendar.knownYears())('%i lists New Year and National Day as holidays', (year) => {
    const holidays = new Set(published.filter((day) => day.kind === 'holiday').map((day) => day.date));
    expect(holidays.has(`${year}-01-01`)).toBe(true);
    expect(holidays.has(`${year}-10-01`)).toBe(true);
  });

  it('is built by create() from the installed package', () => {
    const created = OfficialCalendar.create({ onUnknownYear: jest.fn() });
    expect(created.knownYears()).toEqual(calendar.knownYears());
    expect(created.isWorkingDay('2026-09-20')).toBe(true);
  });
});

describe('OfficialCalendar: 2026', () => {
  const calendar = calendarWith();

  it.each([
    ['2026-09-19', false, 'Saturday'],
    ['2026-09-20', true, 'Sunday made a workday for National Day'],
    ['2026-09-25', false, 'Mid-Autumn (a Friday)'],
    ['2026-09-30', true, 'Wednesday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-05', false, 'National Day (a Monday)'],
    ['2026-10-07', false, 'National Day (a Wednesday)'],
    ['2026-10-08', true, 'Thursday after National Day'],
    ['2026-10-10', true, 'Saturday made a workday for National Day'],
    ['2026-10-11', false, 'Sunday'],
    ['2026-02-13', true, 'Friday before Spring Festival'],
    ['2026-02-14', true, 'Saturday made a workday for Spring Festival'],
    ['2026-02-16', false, 'Spring Festival (a Monday)'],
    ['2026-02-23', false, 'Spring Festival (a Monday)'],
    ['2026-02-24', true, 'Tuesday after Spring Festival'],
    ['2026-02-28', true, 'Saturday made a workday for Spring Festival'],
    ['2026-01-02', false, 'New Year (a Friday)'],
    ['2026-01-04', true, 'Sunday made a workday for New Year'],
    ['2026-05-05', false, 'Labour Day (a Tuesday)'],
    ['2026-11-20', true, 'ordinary Friday'],
    ['2026-11-21', false, 'ordinary Saturday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-09-29', 1, '2026-09-30'],
    ['2026-09-29', 2, '2026-10-08'],
    ['2026-09-29', 3, '2026-10-09'],
    ['2026-09-29', 4, '2026-10-10'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-12', 10, '2026-03-04'],
    ['2026-10-12', -3, '2026-10-08'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-03', 0, '2026-10-03'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2026-01-04', -1, '2025-12-31'],
  ])('%s plus %i working days is %s', (date, days, expected) => {
    expect(calendar.addWorkingDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-09-30', '2026-10-12', 4],
    ['2026-10-12', '2026-09-30', -4],
    ['2026-09-28', '2026-10-09', 4],
    ['2026-02-13', '2026-02-28', 6],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-10-07', '2026-10-01', 0],
    ['2026-10-08', '2026-10-08', 0],
    ['2025-12-30', '2026-01-05', 3],
    ['2026-01-01', '2026-12-31', 248], // 261 weekdays - 19 weekday holidays + 6 make-up days
  ])('working days after %s up to %s: %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('differs from Monday–Friday across National Day', () => {
    expect(new WeekdayCalendar().addWorkingDays('2026-09-29', 3)).toBe('2026-10-02');
    expect(new WeekdayCalendar().workingDaysBetween('2026-09-30', '2026-10-12')).toBe(8);
  });

  it('refuses malformed dates and fractional steps', () => {
    expect(() => calendar.isWorkingDay('2026-02-29')).toThrow(/calendar date/);
    expect(() => calendar.addWorkingDays('2026/10/01', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => calendar.workingDaysBetween('2026-10-01', '2026-13-01')).toThrow(/calendar date/);
    expect(() => calendar.addWorkingDays('2026-10-01', 1.5)).toThrow(/whole number/);
  });
});

describe('OfficialCalendar: same results as stepping day by day', () => {
  const calendar = calendarWith();
  const reference = new SteppingReference(calendar);
  const starts = Array.from({ length: 120 }, (_, i) => addCalendarDays('2025-11-01', i * 7 + (i % 7)));

  it.each(starts)('from %s', (start) => {
    for (const days of [-40, -15, -10, -3, -1, 1, 2, 3, 5, 10, 15, 40]) {
      expect(calendar.addWorkingDays(start, days)).toBe(reference.addWorkingDays(start, days));
    }
    for (const span of [-400, -30, -6, 1, 9, 30, 400]) {
      const end = addCalendarDays(start, span);
      // the stepping reference answers -0 for "none, backwards"; the official calendar answers 0
      expect(calendar.workingDaysBetween(start, end)).toBe(reference.workingDaysBetween(start, end) + 0);
    }
  });
});

describe('OfficialCalendar: overrides', () => {
  it('corrects a published day and adds a day', () => {
    const calendar = calendarWith([
      { date: '2026-10-10', kind: 'holiday', note: 'correction' },
      { date: '2026-11-21', kind: 'workday', note: 'added' },
      { date: '2026-11-23', kind: 'holiday' },
    ]);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-21')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-23')).toBe(false);
    expect(calendar.addWorkingDays('2026-09-29', 4)).toBe('2026-10-12');
    expect(calendar.workingDaysBetween('2026-11-20', '2026-11-24')).toBe(2);
  });

  it('makes a year known: no fallback warning, not provisional, its days applied', () => {
    const onUnknownYear = jest.fn();
    const calendar = calendarWith(
      [
        { date: '2027-01-01', kind: 'holiday', note: 'test data' },
        { date: '2027-01-09', kind: 'workday', note: 'test data' },
      ],
      onUnknownYear,
    );
    expect(calendar.isKnownYear(2027)).toBe(true);
    expect(calendar.knownYears()).toContain(2027);
    expect(calendar.isProvisional('2027-03-01')).toBe(false);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    expect(onUnknownYear).not.toHaveBeenCalled();
    expect(calendar.unknownYearsUsed()).toEqual([]);
  });

  it('refuses a date listed twice or an impossible date, naming it', () => {
    expect(() =>
      calendarWith([
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-01', kind: 'workday' },
      ]),
    ).toThrow(/entry 1 \(2027-01-01\).*already listed in entry 0/);
    expect(() => calendarWith([{ date: '2027-02-30', kind: 'holiday' }])).toThrow(/entry 0 \(2027-02-30\)/);
  });
});

describe('OfficialCalendar: a year nobody has data for', () => {
  it('falls back to Monday–Friday and warns once for 2031, however many calls', () => {
    const onUnknownYear = jest.fn();
    const calendar = calendarWith([], onUnknownYear);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(onUnknownYear).not.toHaveBeenCalled();

    expect(calendar.isWorkingDay('2031-01-01')).toBe(true); // a Wednesday; the real notice will make it a holiday
    expect(calendar.isWorkingDay('2031-01-04')).toBe(false);
    for (let i = 0; i < 50; i += 1) {
      calendar.isWorkingDay(addCalendarDays('2031-03-01', i));
      calendar.addWorkingDays('2031-06-01', i);
      calendar.workingDaysBetween('2031-02-01', addCalendarDays('2031-02-01', i));
    }
    expect(calendar.addWorkingDays('2031-10-01', 3)).toBe('2031-10-06');
    expect(onUnknownYear).toHaveBeenCalledTimes(1);
    expect(onUnknownYear).toHaveBeenCalledWith(2031);
    expect(calendar.unknownYearsUsed()).toEqual([2031]);
  });

  it('warns for the years actually stepped into, as stepping would', () => {
    const onUnknownYear = jest.fn();
    const calendar = calendarWith([], onUnknownYear);
    expect(calendar.workingDaysBetween('2029-12-31', '2030-01-02')).toBe(2);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(onUnknownYear.mock.calls).toEqual([[2030], [2027]]);
    expect(calendar.unknownYearsUsed()).toEqual([2027, 2030]);
  });

  it.each([
    ['2026-12-31', false],
    ['2004-01-01', false],
    ['2027-01-04', true],
    ['2031-06-30', true],
    ['2003-12-31', true],
  ])('%s is provisional: %s', (date, expected) => {
    const onUnknownYear = jest.fn();
    const calendar = calendarWith([], onUnknownYear);
    expect(calendar.isProvisional(date)).toBe(expected);
    expect(onUnknownYear).not.toHaveBeenCalled();
  });
});

describe('OfficialCalendar: speed', () => {
  it('computes 100,000 task ladders without stepping day by day', () => {
    const calendar = calendarWith();
    const isWorkingDay = jest.spyOn(calendar, 'isWorkingDay');
    let last = '';
    for (let task = 0; task < 100_000; task += 1) {
      const assigned = addCalendarDays('2025-01-01', task % 600);
      const deadline = calendar.addWorkingDays(assigned, 60);
      calendar.addWorkingDays(assigned, 3);
      calendar.addWorkingDays(deadline, -10);
      calendar.addWorkingDays(deadline, -3);
      calendar.addWorkingDays(deadline, 5);
      last = calendar.addWorkingDays(deadline, 15);
    }
    expect(isWorkingDay).not.toHaveBeenCalled();
    expect(last).toBe(
      new SteppingReference(calendarWith()).addWorkingDays(
        calendar.addWorkingDays(addCalendarDays('2025-01-01', 99_999 % 600), 60),
        15,
      ),
    );
  });
});

describe('OfficialCalendar.addDays', () => {
  it('makes a year known at once and recomputes it', () => {
    const warned: number[] = [];
    const calendar = OfficialCalendar.create({ onUnknownYear: (year) => warned.push(year) });
    expect(calendar.isWorkingDay('2031-10-01')).toBe(true);
    expect(calendar.unknownYearsUsed()).toEqual([2031]);
    calendar.addDays([
      { date: '2031-10-01', kind: 'holiday' },
      { date: '2031-10-04', kind: 'workday' },
    ]);
    expect(calendar.isWorkingDay('2031-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2031-10-04')).toBe(true);
    expect(calendar.isProvisional('2031-12-31')).toBe(false);
    expect(calendar.unknownYearsUsed()).toEqual([]);
    expect(calendar.addWorkingDays('2031-09-30', 1)).toBe('2031-10-02');
    expect(warned).toEqual([2031]);
  });
});
