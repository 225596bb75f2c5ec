import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument } from './parse-document';
import { findResponsibility } from './responsibility';

/** The inline forms of the families, as other provinces and cities write them (halfwidth, as the parser sees them). */
describe('responsibility written inline, in every form', () => {
  it.each<[string, string, string[], number]>([
    ['(牵头单位:省商务厅;配合单位:省财政厅、省税务局)', '牵头;配合', ['省商务厅', '省财政厅', '省税务局'], 1],
    ['(省商务厅牵头,省财政厅、省税务局配合)', 'A牵头,B、C配合', ['省商务厅', '省财政厅', '省税务局'], 1],
    ['\n牵头部门:市商务局 协办部门:市财政局', '牵头部门/协办部门', ['市商务局', '市财政局'], 1],
    ['(主办单位:市商务局;协办单位:市财政局、市税务局)', '主办/协办', ['市商务局', '市财政局', '市税务局'], 1],
    ['\n责任部门:市住房城乡建设局', '责任部门', ['市住房城乡建设局'], 1],
    ['\n责任单位:市商务局,市财政局', '责任单位 with a comma', ['市商务局', '市财政局'], 1],
    ['(主责单位:区发改局 协同单位:各街道)', '主责/协同', ['区发改局', '各街道'], 1],
    [
      '\n牵头单位:区发改局\n责任单位:立山经济开发区,各街道',
      '牵头 then 责任 on the next line',
      ['区发改局', '立山经济开发区', '各街道'],
      1,
    ],
    ['(市人力资源社会保障局、市医保局负责)', 'X、Y负责', ['市人力资源社会保障局', '市医保局'], 1],
    [
      '(市政府办公室、市审改办牵头,市级各有关部门及各县市区政府按职责分工负责)',
      'A、B牵头, C及D按职责分工负责',
      ['市政府办公室', '市审改办', '市级各有关部门', '各县市区政府'],
      2,
    ],
    [
      '〔责任单位:省发展改革委、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕',
      '〔…〕 with a sentence after the units',
      ['省发展改革委', '商务厅'],
      1,
    ],
    [
      '(责任单位:省住房城乡建设厅,各市、县人民政府)',
      'a group written with 、',
      ['省住房城乡建设厅', '各市、县人民政府'],
      1,
    ],
    [
      '\n责任单位:市卫生健康委等,各县(市、区)政府(管委会)',
      'brackets inside a group, 等',
      ['市卫生健康委', '各县(市、区)政府(管委会)'],
      1,
    ],
    ['(责任单位:各市、县(区)人民政府,省直各有关部门)', '各市、县(区)', ['各市、县(区)人民政府', '省直各有关部门'], 1],
    ['(责任单位:各设区的市人民政府)', '各设区的市', ['各设区的市人民政府'], 1],
  ])('reads %s (%s)', (clause, _family, names, leadCount) => {
    const found = findResponsibility(`推进建设。${clause}`);
    expect(found).toMatchObject({ names, leadCount });
    for (const name of names) expect(name).not.toMatch(/单位|部门:|牵头|负责|配合/u);
  });

  it('takes a lead followed by its own divisions as the lead, with the divisions recorded', () => {
    expect(findResponsibility('推进。(责任单位:省交通运输厅综合规划处、财务处,省财政厅)')).toMatchObject({
      names: ['省交通运输厅', '省财政厅'],
      divisions: ['综合规划处', '财务处'],
      leadCount: 1,
    });
  });

  it('splits two units a table cell ran together, but not a name with 市场 in it', () => {
    expect(findResponsibility('(责任单位:市行政审批局市司法局)')?.names).toEqual(['市行政审批局', '市司法局']);
    expect(findResponsibility('(责任单位:市商务局市场建设处)')?.names).toEqual(['市商务局市场建设处']);
  });
});

describe('group names and placeholders of every government level', () => {
  const resolver = loadSeedUnitDirectory();

  it.each([
    ['各县(市、区)人民政府', 'placeholder'],
    ['各市、县(区)人民政府', 'placeholder'],
    ['市直各有关单位', 'placeholder'],
    ['省直各有关部门', 'placeholder'],
    ['各设区的市', 'group'],
  ])('resolves %s as a %s and keeps it one entry', (name, kind) => {
    const result = parseDocument(`一、任务\n1.推进建设。(责任单位:省商务厅,${name})`, { resolver, asOf: '2023-01-01' });
    expect(result.measures[0]!.units.co).toEqual([name]);
    expect(result.measures[0]!.units.resolved[1]!.kind).toBe(kind);
  });

  it('gives a lead group every lead, in the order written', () => {
    const result = parseDocument('一、任务\n1.推进建设。(省商务厅、省财政厅牵头,省税务局配合)', {
      resolver,
      asOf: '2023-01-01',
    });
    expect(result.measures[0]!.units).toMatchObject({
      lead: '省商务厅',
      co: ['省财政厅', '省税务局'],
      leadGroup: ['省商务厅', '省财政厅'],
    });
  });
});

describe('deadlines in every common form', () => {
  const resolver = loadSeedUnitDirectory();
  it.each([
    ['完成时限:2025年底前', '2025-12-31', 'date'],
    ['完成时限:2023年6月底', '2023-06-30', 'date'],
    ['完成时限:长期坚持', null, 'ongoing'],
    ['完成时限:持续推进', null, 'ongoing'],
    ['时间节点:每季度', null, 'recurring'],
  ])('reads %s', (term, date, kind) => {
    const result = parseDocument(`一、任务\n1.推进建设。(责任单位:省商务厅;${term})`, { resolver, asOf: '2023-01-01' });
    expect(result.measures[0]!.deadline).toMatchObject({ date, kind });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'UNREADABLE_DEADLINE')).toEqual([]);
  });
});

describe('task tables', () => {
  const resolver = loadSeedUnitDirectory();
  it('keeps the units of a row whose lead cell was left empty, and asks for a lead', () => {
    const result = parseDocument(
      '序号\t重点任务\t牵头单位\t配合单位\n1\t建设商圈\t\t省商务厅、省财政厅\n2\t发展夜经济\t省商务厅\t',
      {
        resolver,
        asOf: '2023-01-01',
      },
    );
    expect(result.measures.map((measure) => [measure.units.co, measure.units.needsAssignment])).toEqual([
      [['省财政厅'], true],
      [[], false],
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'LEAD_MISSING').map((d) => d.measurePath)).toEqual(['1']);
  });
});
