import { isContextTitle } from './context-sections';
import { isTocEntry, matchHeading } from './headings';
import { headPhrase } from './sentences';
import { removeStraySpaces } from './text-join';

describe('matchHeading', () => {
  it.each([
    ['一、总体要求', 'part', 1, '一', '总体要求'],
    ['十二、附则', 'part', 12, '十二', '附则'],
    ['(三)体育休闲', 'sub', 3, '(三)', '体育休闲'],
    ['(十一) 加强监管', 'sub', 11, '(十一)', '加强监管'],
    ['1.实施A级旅游景区倍增计划.推进', 'item', 1, '1', '实施A级旅游景区倍增计划.推进'],
    ['12、加强宣传', 'item', 12, '12', '加强宣传'],
    ['(2)加强家政培训', 'subitem', 2, '(2)', '加强家政培训'],
    ['②完善制度', 'circled', 2, '②', '完善制度'],
    ['第三章 重点任务', 'chapter', 3, '第三', '重点任务'],
  ])('reads %s', (text, kind, number, numbering, rest) => {
    expect(matchHeading(text)).toMatchObject({ kind, number, numbering, rest });
  });

  it.each([['6.5%的增长'], ['2022年底前'], ['各市、县人民政府'], ['(市、区)'], ['一是加强领导'], ['0.开始']])(
    'is not fooled by %s',
    (text) => {
      expect(matchHeading(text)).toBeNull();
    },
  );
});

describe('isTocEntry', () => {
  it.each([
    ['一、发展基础与面临的形势   4', true, true],
    ['(一)发展基础 ......... 12', true, true],
    ['三、保障措施 3', false, true],
    ['(一)文化旅游', true, false],
    ['1.建设5G基站 100', true, false],
    ['力争达到1000', false, false],
  ])('%s (strict %s) → %s', (text, strict, expected) => {
    expect(isTocEntry(text, strict)).toBe(expected);
  });
});

describe('headPhrase', () => {
  it.each([
    ['推进物流通道建设。以打通国际国内物流关键通道为重点', '推进物流通道建设'],
    ['全力推动黄河、长城、太行三大板块加速崛起。高水平建设', '全力推动黄河、长城、太行三大板块加速崛起'],
    ['加强对全省服务业发展重大问题研究,建立机制。', null],
    ['案.', null],
    ['责任单位:省文旅厅。另', null],
    ['这是一个非常非常非常非常非常非常非常非常非常非常非常非常非常非常非常非常非常非常长的句子而不是标题。后文', null],
  ])('%s → %s', (paragraph, phrase) => {
    expect(headPhrase(paragraph)).toBe(phrase);
  });
});

describe('isContextTitle', () => {
  it.each([
    ['总体要求', true],
    ['发展基础与面临的形势', true],
    ['指导思想和基本原则', true],
    ['主要目标', true],
    ['空间布局', true],
    ['完善发展目标考核制度', false],
    ['加强组织领导', false],
  ])('%s → %s', (title, expected) => {
    expect(isContextTitle(title)).toBe(expected);
  });
});

describe('removeStraySpaces', () => {
  it.each([
    ['实施 A级旅游景区', '实施A级旅游景区'],
    ['国家4A 级旅游景区', '国家4A级旅游景区'],
    ['开拓 RCEP其他国家', '开拓RCEP其他国家'],
    ['支持 5G Wi-Fi 应用', '支持5G Wi-Fi应用'],
    ['  首尾  ', '首尾'],
  ])('%s → %s', (text, expected) => {
    expect(removeStraySpaces(text)).toBe(expected);
  });
});
