import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument, ParsedMeasure, ParseResult } from './index';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');
const resolver = loadSeedUnitDirectory();
const CITY_CODES = [
  'sx-city-taiyuan',
  'sx-city-datong',
  'sx-city-shuozhou',
  'sx-city-xinzhou',
  'sx-city-lvliang',
  'sx-city-jinzhong',
  'sx-city-yangquan',
  'sx-city-changzhi',
  'sx-city-jincheng',
  'sx-city-linfen',
  'sx-city-yuncheng',
];

function parseSeed(file: string, encode?: (text: string) => Buffer): ParseResult {
  const bytes = readFileSync(join(SEEDS, file));
  return parseDocument(encode === undefined ? bytes : encode(bytes.toString('utf8')), { resolver, asOf: '2022-07-01' });
}

function byTitle(result: ParseResult, title: string): ParsedMeasure {
  const found = result.measures.filter((measure) => measure.title === title);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('seed: shanxi-consumer-services-action-plan-2022 (action plan, PDF text)', () => {
  const result = parseSeed('shanxi-consumer-services-action-plan-2022.txt');

  it('reads the metadata', () => {
    expect(result.document).toEqual({
      docNumber: '晋政办发〔2022〕45号',
      title: '山西省生活性服务业发展行动方案',
      issuer: '山西省人民政府办公厅',
      issuedOn: '2022-06-02',
      planPeriod: null,
    });
    expect(result.encoding).toBe('utf-8');
  });

  it('finds the 46 measures, each with a responsibility clause, and none in 总体要求', () => {
    expect(result.measures).toHaveLength(46);
    expect(result.measures.filter((measure) => measure.units.raw === null)).toEqual([]);
    expect(new Set(result.measures.map((measure) => measure.path)).size).toBe(46);
    expect(result.measures.filter((measure) => measure.path.startsWith('一'))).toEqual([]);
  });

  it('names 37 distinct units, all known to the directory', () => {
    const names = new Set(result.measures.flatMap((measure) => [measure.units.lead!, ...measure.units.co]));
    expect(names.size).toBe(37);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'UNKNOWN_UNIT')).toEqual([]);
  });

  it('reads the first measure: path, title without the stray space, units and targets', () => {
    const first = result.measures[0]!;
    expect(first).toMatchObject({ path: '二.(一).1', title: '实施A级旅游景区倍增计划', line: 68 });
    expect(first.sectionTitles).toEqual(['推动六个重点领域提档升级', '文化旅游']);
    expect(first.units).toMatchObject({
      raw: '省文旅厅、省林草局',
      lead: '省文旅厅',
      co: ['省林草局'],
      needsAssignment: false,
    });
    expect(first.units.resolved.map((resolution) => resolution.units[0]?.code)).toEqual([
      'sx-culture-tourism',
      'sx-forestry-grassland',
    ]);
    expect(first.text).toContain('新创建1-3家国家5A级旅游景区、25家国家4A级旅游景区');
    expect(first.text.endsWith('(责任单位:省文旅厅、省林草局)')).toBe(true);
    expect(first.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ comparator: 'range', min: 1, max: 3, unit: '家', subject: '国家5A级旅游景区' }),
        expect.objectContaining({ comparator: 'eq', value: 50, unit: '个', subject: '省级旅游度假区' }),
      ]),
    );
  });

  it('resolves 各市政府 in 强化投入保障 to the 11 city governments', () => {
    const measure = byTitle(result, '强化投入保障');
    expect(measure.units).toMatchObject({
      raw: '省财政厅,各市政府',
      lead: '省财政厅',
      co: ['各市政府'],
      needsAssignment: false,
    });
    const group = measure.units.resolved[1]!;
    expect(group.kind).toBe('group');
    expect(group.units.map((unit) => unit.code).sort()).toEqual([...CITY_CODES].sort());
  });

  it('takes a subsection with no items as the measure (四.(四))', () => {
    const measure = byTitle(result, '增强市场主体抗风险能力');
    expect(measure.path).toBe('四.(四)');
    expect(measure.units.lead).toBe('省应急厅');
    expect(measure.units.co).toHaveLength(6);
  });

  it('marks the measures that name 各相关部门 as needing assignment', () => {
    const needing = result.measures.filter((measure) => measure.units.needsAssignment).map((measure) => measure.path);
    expect(needing).toEqual(['五.(一)', '五.(二)', '五.(四)']);
    expect(byTitle(result, '完善体制机制').path).toBe('五.(一)');
    const placeholders = result.diagnostics.filter((diagnostic) => diagnostic.code === 'PLACEHOLDER_UNIT');
    expect(placeholders.map((diagnostic) => [diagnostic.measurePath, diagnostic.line])).toEqual([
      ['五.(一)', 884],
      ['五.(二)', 895],
      ['五.(四)', 923],
    ]);
  });

  it('reads the percentage target of 提升社区便民服务供给', () => {
    const measure = byTitle(result, '提升社区便民服务供给');
    expect(measure.targets).toEqual([expect.objectContaining({ comparator: 'gte', value: 10, unit: '%' })]);
  });

  it('sets no deadline: the plan states no period and no measure a date', () => {
    expect(new Set(result.measures.map((measure) => measure.deadline.source))).toEqual(new Set(['none']));
  });

  it('keeps the 抄送/印发 block out of the last measure', () => {
    const last = result.measures[45]!;
    expect(last.path).toBe('五.(四)');
    expect(last.text.endsWith('(责任单位:各相关部门、省总工会)')).toBe(true);
    expect(last.text).not.toContain('抄送');
  });

  it('builds the section tree', () => {
    expect(result.sections.map((section) => [section.path, section.title, section.children.length])).toEqual([
      ['一', '总体要求', 0],
      ['二', '推动六个重点领域提档升级', 6],
      ['三', '实施五个补短板重点工程', 5],
      ['四', '强化营商环境和政策支持', 4],
      ['五', '加强组织实施', 4],
    ]);
    expect(result.sections[1]!.children[0]).toMatchObject({
      path: '二.(一)',
      numbering: '(一)',
      title: '文化旅游',
      level: 2,
      line: 67,
    });
  });

  it('gives the same measures when the file is GBK-encoded', () => {
    const gbk = parseSeed('shanxi-consumer-services-action-plan-2022.txt', (text) => iconv.encode(text, 'gbk'));
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.document).toEqual(result.document);
    expect(gbk.measures.map((measure) => [measure.path, measure.title, measure.units.raw])).toEqual(
      result.measures.map((measure) => [measure.path, measure.title, measure.units.raw]),
    );
  });
});

describe('seed: shanxi-modern-services-plan-2021 (plan with a table of contents)', () => {
  const result = parseSeed('shanxi-modern-services-plan-2021.txt');

  it('reads the metadata, with the 2021–2025 plan period', () => {
    expect(result.document).toEqual({
      docNumber: '晋政发〔2021〕21号',
      title: '山西省“十四五”现代服务业发展规划',
      issuer: '山西省人民政府',
      issuedOn: '2021-06-29',
      planPeriod: { startYear: 2021, endYear: 2025 },
    });
  });

  it('finds 75 headed paragraphs in parts 三 to 五 and the four subsections of part 六', () => {
    expect(result.measures).toHaveLength(79);
    const headed = result.measures.filter((measure) => /^[三四五]\./u.test(measure.path));
    expect(headed).toHaveLength(75);
    expect(headed.every((measure) => measure.path.includes('#'))).toBe(true);
    const partSix = result.measures.filter((measure) => measure.path.startsWith('六'));
    expect(partSix.map((measure) => [measure.path, measure.title])).toEqual([
      ['六.(一)', '加强组织领导'],
      ['六.(二)', '优化营商环境'],
      ['六.(三)', '强化要素保障'],
      ['六.(四)', '完善监管体系'],
    ]);
  });

  it('reads the first headed paragraph as a measure of 1.现代物流业', () => {
    const first = result.measures[0]!;
    expect(first).toMatchObject({ path: '三.(一).1#1', title: '推进物流通道建设', line: 86 });
    expect(first.sectionTitles).toEqual([
      '围绕转型发展,促进生产性服务业高端化发展',
      '培育优势,构筑三大生产性服务业新支柱',
      '现代物流业',
    ]);
    expect(first.text.startsWith('推进物流通道建设。以打通国际国内物流关键通道')).toBe(true);
  });

  it('takes nothing from the table of contents or from parts 一 and 二', () => {
    expect(result.measures.filter((measure) => measure.line <= 44)).toEqual([]);
    expect(result.measures.filter((measure) => /^[一二]/u.test(measure.path))).toEqual([]);
    expect(result.sections.map((section) => [section.path, section.line])).toEqual([
      ['一', 45],
      ['二', 56],
      ['三', 81],
      ['四', 139],
      ['五', 188],
      ['六', 211],
    ]);
    expect(
      result.diagnostics.filter((diagnostic) => diagnostic.code === 'TOC_SKIPPED').map((diagnostic) => diagnostic.line),
    ).toEqual([14]);
  });

  it('marks every measure unassigned, with a diagnostic each', () => {
    expect(result.measures.every((measure) => measure.units.raw === null && measure.units.needsAssignment)).toBe(true);
    const noUnits = result.diagnostics.filter((diagnostic) => diagnostic.code === 'NO_UNITS');
    expect(noUnits.map((diagnostic) => diagnostic.measurePath)).toEqual(result.measures.map((measure) => measure.path));
  });

  it('gives every measure the plan period end as its deadline', () => {
    const deadlines = new Set(result.measures.map((measure) => `${measure.deadline.date} ${measure.deadline.source}`));
    expect(deadlines).toEqual(new Set(['2025-12-31 plan_period']));
  });
});
