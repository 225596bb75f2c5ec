import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument, ParseResult } from './index';

const resolver = loadSeedUnitDirectory();

function parseFixture(name: string): ParseResult {
  return parseDocument(readFileSync(join(__dirname, '__fixtures__', name)), { resolver, asOf: '2022-07-01' });
}

/** What each measure must come out as: path, title, lead, co-responsible units, deadline. */
type Expected = [path: string, title: string, lead: string | null, co: string[], deadline: string];

function summarise(result: ParseResult): Expected[] {
  return result.measures.map((measure) => [
    measure.path,
    measure.title,
    measure.units.lead,
    measure.units.co,
    `${measure.deadline.date ?? '-'} ${measure.deadline.source}`,
  ]);
}

interface Variant {
  variant: string;
  fixture: string;
  measures: Expected[];
  check: (result: ParseResult) => void;
}

const VARIANTS: Variant[] = [
  {
    variant: 'fullwidth and halfwidth digits and punctuation mixed',
    fixture: 'fullwidth-mix.txt',
    measures: [
      ['二.(一).1', '实施景区提质工程', '省文旅厅', ['省林草局'], '2023-06-30 measure_text'],
      ['二.(一).2', '完善旅游交通', '省交通厅', ['省文旅厅'], '- none'],
    ],
    check: (result) => {
      const [first, second] = result.measures;
      expect(first!.deadline.text).toBe('2023年6月底前');
      expect(first!.targets.map((t) => [t.comparator, t.value, t.min, t.max, t.unit, t.subject])).toEqual([
        ['eq', 50, null, null, '个', '森林康养基地'],
        ['range', null, 10, 20, '家', '精品民宿'],
      ]);
      expect(second!.targets[0]).toMatchObject({ comparator: 'gte', value: 100, unit: '个', subject: '旅游驿站' });
      // The clause in 总体要求 is reported, not imported.
      expect(result.diagnostics.filter((d) => d.code === 'UNPLACED_UNITS').map((d) => d.line)).toEqual([4]);
    },
  },
  {
    variant: 'items numbered （1）',
    fixture: 'paren-items.txt',
    measures: [
      ['一.(一).(1)', '支持企业连锁化发展', '省商务厅', [], '- none'],
      ['一.(一).(2)', '加强家政培训', '省人社厅', ['省商务厅'], '- none'],
      ['一.(二).(1)', '建立信用体系', '省市场监管局', [], '- none'],
    ],
    check: (result) => {
      expect(result.measures[1]!.targets[0]).toMatchObject({
        comparator: 'eq',
        value: 1,
        unit: '万人次',
        subject: '家政从业人员',
      });
    },
  },
  {
    variant: 'items numbered 1. with halfwidth punctuation',
    fixture: 'dot-items.txt',
    measures: [
      ['一.1', '压缩企业开办时间', '省市场监管局', [], '- none'],
      ['一.2', '推行“一网通办”', '省审批服务管理局', [], '- none'],
      ['二.1', '加强组织领导', '各市人民政府', [], '- none'],
    ],
    check: (result) => {
      expect(result.measures[0]!.targets[0]).toMatchObject({ comparator: 'lte', value: 1, unit: '个工作日' });
      expect(result.measures[1]!.targets[0]).toMatchObject({
        comparator: 'gte',
        value: 95,
        unit: '%',
        subject: '政务服务事项网上可办率',
      });
      expect(result.measures[2]!.units.resolved[0]).toMatchObject({ kind: 'group' });
      expect(result.measures[2]!.units.resolved[0]!.units).toHaveLength(11);
    },
  },
  {
    variant: 'clause split across lines and a page break',
    fixture: 'split-clause.txt',
    measures: [
      ['一.(一).1', '推进智慧景区建设', '省文旅厅', ['省工信厅'], '- none'],
      ['一.(一).2', '发展智慧旅游服务', '省商务厅', [], '- none'],
    ],
    check: (result) => {
      expect(result.measures[0]!.text).toBe(
        '推进智慧景区建设.推动5A级景区实现智慧化全覆盖,建设一批智慧旅游示范项目.(责任单位:省文旅厅、省工信厅)',
      );
      expect(result.measures[0]!.units.raw).toBe('省文旅厅、省工信厅');
    },
  },
  {
    variant: 'units separated by , ， and ；',
    fixture: 'separators.txt',
    measures: [
      ['一.1', '促进大宗消费', '省发展改革委', ['省财政厅', '省商务厅', '省文旅厅'], '- none'],
      ['一.2', '培育服务消费', '省卫健委', ['省民政厅'], '- none'],
    ],
    check: (result) => {
      expect(result.measures[0]!.units.raw).toBe('省发展改革委,省财政厅,省商务厅;省文旅厅');
      expect(result.measures[0]!.units.resolved.every((r) => r.kind === 'unit')).toBe(true);
    },
  },
  {
    variant: '（牵头单位：A；配合单位：B、C）',
    fixture: 'lead-co.txt',
    measures: [
      ['一.1', '推进医养结合机构建设', '省卫健委', ['省民政厅', '省医保局'], '- none'],
      ['一.2', '加强医养结合人才培养', '省教育厅', [], '- none'],
    ],
    check: (result) => {
      expect(result.measures[0]!.units.raw).toBe('牵头单位:省卫健委;配合单位:省民政厅、省医保局');
    },
  },
  {
    variant: '责任单位：… (and 牵头单位/配合单位) on lines of their own',
    fixture: 'unit-line.txt',
    measures: [
      ['一.(一).1', '推进公办养老机构改革', '省民政厅', ['省发展改革委'], '- none'],
      ['一.(一).2', '发展社区养老服务', '省民政厅', [], '- none'],
      ['一.(一).3', '加强养老护理队伍建设', '省人社厅', ['省民政厅', '省教育厅'], '- none'],
    ],
    check: (result) => {
      expect(result.measures[0]!.text).toBe(
        '推进公办养老机构改革。深化公办养老机构改革,提升运营效率。\n责任单位:省民政厅、省发展改革委',
      );
      expect(result.diagnostics.filter((d) => d.code === 'NO_UNITS')).toEqual([]);
    },
  },
  {
    variant: 'a 完成时限 per measure, and a plan period in the title',
    fixture: 'completion.txt',
    measures: [
      ['一.1', '举办品牌赛事', '省体育局', [], '2022-12-31 completion_column'],
      ['一.2', '建设体育公园', '省住建厅', [], '2023-06-30 completion_column'],
      ['一.3', '培育体育企业', '省体育局', [], '2025-12-31 plan_period'],
    ],
    check: (result) => {
      expect(result.document.planPeriod).toEqual({ startYear: 2022, endYear: 2025 });
      expect(result.measures[0]!.deadline.text).toBe('2022年底前');
      expect(result.measures[0]!.units.raw).toBe('省体育局');
      // 长期坚持 is a term of its own (ongoing), not an unreadable one: it runs to the plan period's end.
      expect(result.diagnostics.filter((d) => d.code === 'UNREADABLE_DEADLINE')).toEqual([]);
      expect(result.measures[2]!.deadline).toEqual({
        date: '2025-12-31',
        source: 'plan_period',
        text: '长期坚持',
        kind: 'ongoing',
      });
    },
  },
  {
    variant: 'a tab-separated task-division table with a wrapped row',
    fixture: 'task-table.txt',
    measures: [
      ['1', '建设一批智慧商圈', '省商务厅', ['省发展改革委', '省住建厅'], '2023-12-31 completion_column'],
      ['2', '推动老字号创新发展', '省商务厅', ['省市场监管局', '省文旅厅'], '2022-12-31 completion_column'],
      ['3', '完善便民服务网点', '各市人民政府', [], '- completion_column'],
    ],
    check: (result) => {
      expect(result.document.title).toBe('山西省商贸流通重点任务分工表');
      expect(result.measures[0]!.targets[0]).toMatchObject({ comparator: 'eq', value: 10, subject: '智慧商圈' });
      expect(result.measures[0]!.units.raw).toBe('牵头单位:省商务厅;配合单位:省发展改革委、省住建厅');
    },
  },
  {
    variant: 'a |-separated task-division table with one 责任单位 column',
    fixture: 'task-table-pipe.txt',
    measures: [
      ['1', '建设政务数据共享平台', '省审批服务管理局', ['省发展改革委'], '2022-12-31 completion_column'],
      ['2', '推进电子证照应用', '省审批服务管理局', [], '2023-06-30 completion_column'],
    ],
    check: (result) => {
      expect(result.measures.map((m) => m.line)).toEqual([5, 6]);
    },
  },
  {
    variant: 'subsections with no items whose bodies carry the units',
    fixture: 'subsection-no-items.txt',
    measures: [
      ['一.(一).1', '开展汽车下乡活动', '省商务厅', [], '- none'],
      ['二.(一)', '加强组织领导', '各市政府', [], '- none'],
      ['二.(二)', '强化资金保障', '省财政厅', [], '- none'],
    ],
    check: (result) => {
      expect(result.measures[1]!.text).toBe(
        '各市政府要建立工作机制,明确责任分工,确保各项措施落地见效。(责任单位:各市政府)',
      );
      expect(result.measures[1]!.sectionTitles).toEqual(['保障措施']);
    },
  },
  {
    variant: 'a table of contents with page numbers',
    fixture: 'toc.txt',
    measures: [
      ['二.(一)#1', '推进质量提升', null, [], '- none'],
      ['二.(一)#2', '建立标准体系', null, [], '- none'],
      ['三', '保障措施', null, [], '- none'],
    ],
    check: (result) => {
      expect(result.sections.map((s) => [s.path, s.line])).toEqual([
        ['一', 9],
        ['二', 11],
        ['三', 15],
      ]);
      expect(result.diagnostics.find((d) => d.code === 'TOC_SKIPPED')).toMatchObject({ line: 3, level: 'info' });
      expect(result.measures.every((m) => m.units.needsAssignment)).toBe(true);
    },
  },
  {
    variant: 'a GBK-encoded file with its 通知 wrapper',
    fixture: 'gbk-action-plan.txt',
    measures: [
      ['一.(一).1', '建设便民生活圈', '省商务厅', ['省住建厅'], '2022-12-31 measure_text'],
      ['一.(一).2', '发展社区便利店', '省商务厅', ['省某某局'], '- none'],
    ],
    check: (result) => {
      expect(result.encoding).toBe('gbk');
      expect(result.document).toEqual({
        docNumber: '晋政办发〔2022〕12号',
        title: '山西省便民生活圈建设行动方案',
        issuer: '山西省人民政府办公厅',
        issuedOn: '2022-03-15',
        planPeriod: null,
      });
      expect(result.measures[1]!.units.needsAssignment).toBe(true);
      expect(result.diagnostics.filter((d) => d.code === 'UNKNOWN_UNIT').map((d) => [d.line, d.measurePath])).toEqual([
        [19, '一.(一).2'],
      ]);
    },
  },
];

describe.each(VARIANTS)('variant: $variant', ({ fixture, measures, check }) => {
  const result = parseFixture(fixture);

  it('finds the measures with their units and deadlines', () => {
    expect(summarise(result)).toEqual(measures);
  });

  it('reads the variant-specific details', () => {
    check(result);
  });
});
