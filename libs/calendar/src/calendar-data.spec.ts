import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCalendarOverridesPath, parseCalendarOverrides, readCalendarOverrides } from './calendar-data';
import { OfficialCalendar } from './official-calendar';

const folder = mkdtempSync(join(tmpdir(), 'calendar-data-'));

function fileWith(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('readCalendarOverrides', () => {
  it('reads days with and without notes', () => {
    const path = fileWith(
      'good.json',
      JSON.stringify({
        about: 'test',
        days: [
          { date: '2027-01-01', kind: 'holiday', note: 'notice' },
          { date: '2027-02-06', kind: 'workday' },
        ],
      }),
    );
    expect(readCalendarOverrides(path)).toEqual([
      { date: '2027-01-01', kind: 'holiday', note: 'notice' },
      { date: '2027-02-06', kind: 'workday' },
    ]);
  });

  it.each([
    ['not an object', [], /expected an object with a "days" list/],
    ['no days', { about: 'x' }, /"days" must be a list/],
    ['unknown key', { days: [], extra: 1 }, /unexpected key\(s\) extra/],
    ['about not text', { about: 3, days: [] }, /"about" must be a string/],
    ['entry not an object', { days: ['2027-01-01'] }, /days\[0\]: expected an object/],
    [
      'impossible date',
      {
        days: [
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-02-29', kind: 'holiday' },
        ],
      },
      /entry 1 \(2027-02-29\): not a calendar date/,
    ],
    [
      'malformed date',
      { days: [{ date: '2027-1-1', kind: 'holiday' }] },
      /entry 0 \(2027-1-1\): not a YYYY-MM-DD date/,
    ],
    ['date not text', { days: [{ date: 20270101, kind: 'holiday' }] }, /days\[0\]: "date" must be/],
    [
      'unknown kind',
      { days: [{ date: '2027-01-01', kind: 'rest' }] },
      /days\[0\] \(2027-01-01\): "kind" must be "holiday" or "workday", not "rest"/,
    ],
    [
      'note not text',
      { days: [{ date: '2027-01-01', kind: 'holiday', note: 1 }] },
      /days\[0\] \(2027-01-01\): "note" must be a string/,
    ],
    [
      'extra field',
      { days: [{ date: '2027-01-01', kind: 'holiday', name: 'x' }] },
      /days\[0\] \(2027-01-01\): unexpected key\(s\) name/,
    ],
    [
      'date twice',
      {
        days: [
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'workday' },
        ],
      },
      /entry 1 \(2027-01-01\): the date is already listed in entry 0/,
    ],
  ])('refuses %s, naming the file and entry', (_, value, message) => {
    expect(() => parseCalendarOverrides(value, 'calendar.json')).toThrow(message);
    expect(() => readCalendarOverrides(fileWith('bad.json', JSON.stringify(value)))).toThrow(/bad\.json/);
  });

  it('refuses a file that is not JSON or not there', () => {
    expect(() => readCalendarOverrides(fileWith('broken.json', '{ "days": ['))).toThrow(/broken\.json: not valid JSON/);
    expect(() => readCalendarOverrides(join(folder, 'missing.json'))).toThrow(/missing\.json: cannot read/);
  });

  it('reads seeds/calendar.json by default, and its years become known', () => {
    expect(defaultCalendarOverridesPath()).toMatch(/seeds[/\\]calendar\.json$/);
    const days = readCalendarOverrides();
    // The seed holds no days until the State Council's 2027 notice is entered: 2027 then becomes known.
    expect(days).toEqual([]);
    const calendar = OfficialCalendar.create({ overrides: days, onUnknownYear: jest.fn() });
    expect(calendar.isKnownYear(2027)).toBe(false);
    expect(calendar.isKnownYear(2026)).toBe(true);
  });
});
