import { normalizeName, toHalfwidth } from './normalize';

describe('toHalfwidth', () => {
  it.each([
    ['２０２２年', '2022年'],
    ['（责任单位：省文旅厅）', '(责任单位:省文旅厅)'],
    ['国家５Ａ级', '国家5A级'],
    ['\u3000山西', ' 山西'],
    ['、。〔〕', '、。〔〕'],
  ])('folds %s to %s', (input, expected) => {
    expect(toHalfwidth(input)).toBe(expected);
  });
});

describe('normalizeName', () => {
  it('drops every kind of white space and folds width', () => {
    expect(normalizeName(' 省 文旅厅\n')).toBe('省文旅厅');
    expect(normalizeName('人行太原中心\u3000支行')).toBe('人行太原中心支行');
    expect(normalizeName('ＡＢＣ')).toBe('ABC');
  });
});
