import { findResponsibility, responsibilityFromCells, splitUnitNames } from './responsibility';

describe('findResponsibility', () => {
  it.each([
    ['……景区.(责任单位:省文旅厅、省林草局)', '省文旅厅、省林草局', ['省文旅厅', '省林草局']],
    ['……(责任单位:省财政厅,各市政府)', '省财政厅,各市政府', ['省财政厅', '各市政府']],
    [
      '……(责任单位:省发展改革委;省财政厅/省商务厅)',
      '省发展改革委;省财政厅/省商务厅',
      ['省发展改革委', '省财政厅', '省商务厅'],
    ],
    [
      '……(牵头单位:省卫健委;配合单位:省民政厅、省医保局)',
      '牵头单位:省卫健委;配合单位:省民政厅、省医保局',
      ['省卫健委', '省民政厅', '省医保局'],
    ],
    ['……(责任单位:省体育局;完成时限:2022年底前)', '省体育局', ['省体育局']],
    [
      '……(责任单位:省财政厅、省发展改革委牵头,各市政府)',
      '省财政厅、省发展改革委牵头,各市政府',
      ['省财政厅', '省发展改革委', '各市政府'],
    ],
    ['……(责任单位:省文旅厅等)', '省文旅厅等', ['省文旅厅']],
    ['……提升效率。\n责任单位:省民政厅、省发展改革委', '省民政厅、省发展改革委', ['省民政厅', '省发展改革委']],
    [
      '……培训。\n牵头单位:省人社厅\n配合单位:省民政厅、省教育厅',
      '牵头单位:省人社厅;配合单位:省民政厅、省教育厅',
      ['省人社厅', '省民政厅', '省教育厅'],
    ],
    ['……(责任单位:省文旅厅、省林', '省文旅厅、省林', ['省文旅厅', '省林']],
  ])('reads %s', (text, raw, names) => {
    expect(findResponsibility(text)).toMatchObject({ raw, names });
  });

  it('reports where the clause sits, so it can be cut from the text', () => {
    const text = '推进建设.(责任单位:省文旅厅)后文';
    const clause = findResponsibility(text)!;
    expect(text.slice(clause.start, clause.end)).toBe('(责任单位:省文旅厅)');
  });

  it.each([
    ['没有责任单位的措施.'],
    ['将“食品经营许可”(预包装食品)纳入。'],
    ['明确责任单位职责'],
    ['(由企业负责人签字)。后文'],
  ])('finds none in %s', (text) => {
    expect(findResponsibility(text)).toBeNull();
  });
});

describe('units from task-table cells', () => {
  it('puts the lead cell first and keeps both in raw', () => {
    expect(responsibilityFromCells('省商务厅', '省发展改革委、省住建厅', '')).toMatchObject({
      raw: '牵头单位:省商务厅;配合单位:省发展改革委、省住建厅',
      names: ['省商务厅', '省发展改革委', '省住建厅'],
    });
  });

  it('splits a single 责任单位 column: first named leads', () => {
    expect(responsibilityFromCells('', '', '省审批服务管理局 省发展改革委')?.names).toEqual([
      '省审批服务管理局',
      '省发展改革委',
    ]);
  });

  it('has nothing when the cells are empty', () => {
    expect(responsibilityFromCells('', '', '')).toBeNull();
  });
});

describe('splitUnitNames', () => {
  it('drops empty names and width differences', () => {
    expect(splitUnitNames('省文旅厅、、 省林草局，')).toEqual(['省文旅厅', '省林草局']);
  });
});
