import type { QuantitativeTarget } from './parse-result.types';
import { extractTargets } from './targets';

type Row = [
  text: string,
  comparator: QuantitativeTarget['comparator'],
  value: number | null,
  min: number | null,
  max: number | null,
  unit: string,
  subject: string,
];

function rows(text: string): Row[] {
  return extractTargets(text).map((t) => [t.text, t.comparator, t.value, t.min, t.max, t.unit, t.subject]);
}

describe('extractTargets', () => {
  it.each<[string, Row[]]>([
    [
      '新创建1-3家国家5A级旅游景区、25家国家4A级旅游景区,培育',
      [
        ['新创建1-3家国家5A级旅游景区', 'range', null, 1, 3, '家', '国家5A级旅游景区'],
        ['25家国家4A级旅游景区', 'eq', 25, null, null, '家', '国家4A级旅游景区'],
      ],
    ],
    ['打造50个省级旅游度假区.', [['打造50个省级旅游度假区', 'eq', 50, null, null, '个', '省级旅游度假区']]],
    ['新建森林康养基地50个,培育', [['新建森林康养基地50个', 'eq', 50, null, null, '个', '森林康养基地']]],
    ['比例不低于10%的要求', [['比例不低于10%', 'gte', 10, null, null, '%', '比例']]],
    ['开辟3条以上低空旅游航线', [['开辟3条以上低空旅游航线', 'gte', 3, null, null, '条', '低空旅游航线']]],
    ['形成50家左右行业领军企业', [['形成50家左右行业领军企业', 'approx', 50, null, null, '家', '行业领军企业']]],
    ['债务率不超过100%', [['债务率不超过100%', 'lte', 100, null, null, '%', '债务率']]],
    [
      '培育5－10家老字号精品旅游餐厅'.replace('－', '-'),
      [['培育5-10家老字号精品旅游餐厅', 'range', null, 5, 10, '家', '老字号精品旅游餐厅']],
    ],
    ['研发经费投入年均增长20%', [['研发经费投入年均增长20%', 'eq', 20, null, null, '%', '研发经费投入年均增长']]],
    [
      '建设1个国家级和11个省级人力资源产业园',
      [
        ['建设1个国家级', 'eq', 1, null, null, '个', '国家级'],
        ['建设1个国家级和11个省级人力资源产业园', 'eq', 11, null, null, '个', '省级人力资源产业园'],
      ],
    ],
  ])('reads %s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it.each([
    ['开设24小时便利店'],
    ['实施“5G+智慧养老”工程'],
    ['支持IPv6应用'],
    ['按10%和15%加计抵减应纳税额'],
    ['对建筑面积300平方米以下或总投资30万元以下的社区服务设施'],
    ['2021-2025年'],
    ['第3批试点'],
  ])('finds no target in %s', (text) => {
    expect(extractTargets(text)).toEqual([]);
  });
});

describe('targets with Chinese numerals', () => {
  it.each([
    ['培育两个国家级旅游度假区', 2, '个'],
    ['建设三大产业集群', 3, '大'],
    ['接待游客十万人次', 10, '万人次'],
    ['新建一百二十个便民服务点', 120, '个'],
  ])('reads %s', (text, value, unit) => {
    expect(extractTargets(text)[0]).toMatchObject({ value, unit, comparator: 'eq' });
  });

  it.each([['建设一批示范项目'], ['推进一体化发展'], ['第二个五年']])('finds none in %s', (text) => {
    expect(extractTargets(text)).toEqual([]);
  });
});
