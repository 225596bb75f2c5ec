import {
  chineseNumber,
  describeCountChange,
  describeRateChange,
  escalationLabel,
  formatChineseDate,
  formatQuarter,
  formatRate,
  stripHeadingNumber,
  taskKindLabel,
  truncateText,
} from './report-labels';

describe('formatRate', () => {
  it.each([
    [2 / 3, '66.7%'],
    [0, '0.0%'],
    [1, '100.0%'],
    [null, '—'],
  ])('shows %p as %s', (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});

describe('dates and quarters', () => {
  it.each([
    ['2022-09-30', '2022年9月30日'],
    ['2023-01-05', '2023年1月5日'],
  ])('writes %s as %s', (date, expected) => {
    expect(formatChineseDate(date)).toBe(expected);
  });

  it.each([
    ['2022Q3', '2022年第三季度'],
    ['2023Q1', '2023年第一季度'],
    ['not a quarter', 'not a quarter'],
  ])('writes %s as %s', (quarter, expected) => {
    expect(formatQuarter(quarter)).toBe(expected);
  });
});

describe('names', () => {
  it.each([
    [0, '无'],
    [1, '督办'],
    [2, '挂牌督办'],
    [3, '3级'],
  ])('calls escalation level %d %s', (level, expected) => {
    expect(escalationLabel(level)).toBe(expected);
  });

  it('names task kinds', () => {
    expect([taskKindLabel('lead'), taskKindLabel('co'), taskKindLabel('subtask')]).toEqual(['牵头', '配合', '分解']);
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
  ])('counts %d as %s', (value, expected) => {
    expect(chineseNumber(value)).toBe(expected);
  });

  it('drops a heading’s own numbering', () => {
    expect(stripHeadingNumber('十二、推动文旅产业高质量发展')).toBe('推动文旅产业高质量发展');
    expect(stripHeadingNumber('推动文旅产业')).toBe('推动文旅产业');
  });
});

describe('changes against the previous quarter', () => {
  it.each([
    [12, 10, '较上季度增加 2 项'],
    [8, 10, '较上季度减少 2 项'],
    [10, 10, '与上季度持平'],
  ])('%d after %d is %s', (current, previous, expected) => {
    expect(describeCountChange(current, previous, '项')).toBe(expected);
  });

  it.each([
    [0.4, 0.3, '较上季度提高 10.0 个百分点'],
    [0.75, 5 / 6, '较上季度降低 8.3 个百分点'],
    [0.5, 0.5, '与上季度持平'],
    [0.5, null, '上季度无可比数据'],
    [null, 0.5, '上季度无可比数据'],
  ])('%p after %p is %s', (current, previous, expected) => {
    expect(describeRateChange(current, previous)).toBe(expected);
  });
});

describe('truncateText', () => {
  it('keeps a short text', () => {
    expect(truncateText(' 已完成。 ', 10)).toBe('已完成。');
  });

  it('cuts a long text and marks the cut', () => {
    expect(truncateText('一二三四五六', 4)).toBe('一二三四…');
  });

  it('never splits a character outside the basic plane', () => {
    expect(truncateText('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
  });
});
