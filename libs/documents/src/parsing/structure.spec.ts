import { UnitDirectory } from '@app/units';
import { parseDocument, ParseResult } from './index';

const resolver = UnitDirectory.fromData({
  units: [
    {
      code: 'a',
      fullName: '山西省甲厅',
      shortName: '省甲厅',
      aliases: [],
      kind: 'provincial_department',
      parentCode: null,
      successorCode: null,
      successorSince: null,
    },
    {
      code: 'b',
      fullName: '山西省乙局',
      shortName: '省乙局',
      aliases: [],
      kind: 'provincial_department',
      parentCode: null,
      successorCode: null,
      successorSince: null,
    },
  ],
  groups: [],
  placeholders: [{ name: '各有关部门', aliases: ['按职责分工负责'] }],
});

function parse(text: string): ParseResult {
  return parseDocument(text, { resolver, asOf: '2022-07-01' });
}

function paths(result: ParseResult): [string, string][] {
  return result.measures.map((measure) => [measure.path, measure.title]);
}

describe('document structure', () => {
  it('reads a wrapped line that starts with a number as text, not as an item', () => {
    const result = parse(
      '一、任务\n1.做好甲事.新建公园\n3.5万平方米,推进乙事.(责任单位:省甲厅)\n2.做好乙事.(责任单位:省乙局)',
    );
    expect(paths(result)).toEqual([
      ['一.1', '做好甲事'],
      ['一.2', '做好乙事'],
    ]);
    expect(result.measures[0]!.text).toContain('新建公园3.5万平方米');
    expect(result.measures[0]!.targets[0]).toMatchObject({ value: 3.5, unit: '万平方米' });
  });

  it('rejects an item numbered out of sequence and says so', () => {
    const result = parse('一、任务\n1.做好甲事.内容\n7.不是条目的一行\n2.做好乙事.内容');
    expect(paths(result)).toEqual([
      ['一.1', '做好甲事'],
      ['一.2', '做好乙事'],
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'HEADING_OUT_OF_SEQUENCE').map((d) => d.line)).toEqual([3]);
  });

  it('splits a leaf section into one measure per responsibility clause', () => {
    const result = parse(
      '一、保障措施\n加强组织领导,建立机制.(责任单位:省甲厅)\n强化资金保障,统筹资金.(责任单位:省乙局)',
    );
    expect(paths(result)).toEqual([
      ['一#1', '加强组织领导'],
      ['一#2', '强化资金保障'],
    ]);
    expect(result.measures.map((m) => m.units.lead)).toEqual(['省甲厅', '省乙局']);
  });

  it('joins a heading that a PDF wrapped onto the next line', () => {
    const filler = '这是一行被硬换行的正文内容用来确定版心宽度的';
    const heading = '1.推进全省旅游公路沿线服务设施标准化规范化智慧化';
    expect([filler.length, heading.length]).toEqual([22, 25]);
    const text = [filler, filler, '一、任务', heading, '建设.推进内容,完善配套。(责任单位:省甲厅)', filler].join(
      '\n\n',
    );
    const result = parse(text);
    expect(paths(result)).toEqual([['一.1', '推进全省旅游公路沿线服务设施标准化规范化智慧化建设']]);
    expect(result.measures[0]!.units.lead).toBe('省甲厅');
  });

  it('takes a placeholder and an unknown name as needing assignment, with diagnostics', () => {
    const result = parse(
      '一、任务\n1.甲.内容.(责任单位:按职责分工负责)\n2.乙.内容.(责任单位:省丙办)\n3.丙.内容.(责任单位:省甲厅)',
    );
    expect(result.measures.map((m) => m.units.needsAssignment)).toEqual([true, true, false]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.measurePath])).toEqual([
      ['PLACEHOLDER_UNIT', 2, '一.1'],
      ['UNKNOWN_UNIT', 3, '一.2'],
    ]);
  });

  it('reports units it cannot place in a section intro', () => {
    const result = parse('一、任务\n总体推进.(责任单位:省甲厅)\n(一)分项\n1.甲.内容.(责任单位:省乙局)');
    expect(paths(result)).toEqual([['一.(一).1', '甲']]);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['UNPLACED_UNITS', 2]]);
  });

  it('drops the signature and 抄送 block after the body', () => {
    const result = parse(
      '一、任务\n1.甲.内容.(责任单位:省甲厅)\n山西省人民政府\n2022年6月2日\n抄送:省委各部门,\n省法院.\n山西省人民政府办公厅 2022年6月2日印发',
    );
    expect(result.measures[0]!.text).toBe('甲.内容.(责任单位:省甲厅)');
  });

  it('reports the clause line, not the heading line, for a clause on a later line', () => {
    const result = parse('一、任务\n1.甲.内容\n内容\n(责任单位:省丁厅)');
    expect(result.diagnostics.find((d) => d.code === 'UNKNOWN_UNIT')?.line).toBe(4);
  });
});
