import { deadlineFromTerm, deadlineFromText, findCompletionTerm } from './deadlines';

describe('deadlineFromText', () => {
  it.each([
    ['2022年底前完成改造', '2022-12-31', '2022年底前'],
    ['到2025年,建成体育公园', '2025-12-31', '到2025年'],
    ['2023年6月底前出台办法', '2023-06-30', '2023年6月底前'],
    ['2024年2月底前', '2024-02-29', '2024年2月底前'],
    ['2023年9月30日前完成', '2023-09-30', '2023年9月30日前'],
    ['截至2023年末,实现全覆盖', '2023-12-31', '截至2023年末'],
    ['2023年上半年前启动', '2023-06-30', '2023年上半年前'],
    ['2023年三季度末前完成', '2023-09-30', '2023年三季度末前'],
    ['到2023年建成一批,到2025年全面建成', '2025-12-31', '到2025年'],
  ])('reads %s', (text, date, words) => {
    expect(deadlineFromText(text)).toEqual({ date, text: words });
  });

  it.each([
    ['2022年,对纳税人继续加计抵减'],
    ['纳入2022年专升本招生专业'],
    ['可享受5年内不改变用地主体的过渡期政策'],
    ['服务业增加值由2015年的5891亿元增加'],
    ['2023年13月底前'],
    ['1800年底前'],
  ])('finds no deadline in %s', (text) => {
    expect(deadlineFromText(text)).toBeNull();
  });
});

describe('completion terms', () => {
  it.each([
    ['(责任单位:省体育局;完成时限:2022年底前)', '2022年底前', '2022-12-31'],
    ['完成时限:2023年6月', '2023年6月', '2023-06-30'],
    ['完成时间:2024年', '2024年', '2024-12-31'],
    ['时间节点:2022年12月31日\n下一段', '2022年12月31日', '2022-12-31'],
    ['完成时限:长期坚持', '长期坚持', null],
  ])('reads %s', (text, term, date) => {
    expect(findCompletionTerm(text)).toBe(term);
    expect(deadlineFromTerm(term)?.date ?? null).toBe(date);
  });

  it('finds none when the measure has no 完成时限', () => {
    expect(findCompletionTerm('(责任单位:省体育局)')).toBeNull();
  });
});
