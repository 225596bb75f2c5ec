import { formatQuarter, parseQuarter, previousQuarter, quarterEnd, quarterOf, quarterStart } from './quarter';

describe('quarters', () => {
  it.each([
    ['2026Q3', { year: 2026, quarter: 3 }],
    ['2022Q1', { year: 2022, quarter: 1 }],
    ['2026Q5', null],
    ['2026q1', null],
    ['26Q1', null],
  ])('parses %s', (text, expected) => {
    expect(parseQuarter(text)).toEqual(expected);
  });

  it.each([
    ['2026-01-01', '2026Q1', '2026-01-01', '2026-03-31'],
    ['2026-06-30', '2026Q2', '2026-04-01', '2026-06-30'],
    ['2026-07-01', '2026Q3', '2026-07-01', '2026-09-30'],
    ['2026-12-31', '2026Q4', '2026-10-01', '2026-12-31'],
  ])('%s is in %s, from %s to %s', (date, quarter, start, end) => {
    const found = quarterOf(date);
    expect(formatQuarter(found)).toBe(quarter);
    expect(quarterStart(found)).toBe(start);
    expect(quarterEnd(found)).toBe(end);
  });

  it('steps back across a year', () => {
    expect(formatQuarter(previousQuarter({ year: 2026, quarter: 1 }))).toBe('2025Q4');
    expect(formatQuarter(previousQuarter({ year: 2026, quarter: 3 }))).toBe('2026Q2');
  });
});
