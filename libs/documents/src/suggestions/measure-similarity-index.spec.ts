import { MeasureSimilarityIndex } from './measure-similarity-index';
import type { SuggestionSourceMeasure } from './suggestion.types';

function measure(
  measureId: string,
  title: string,
  text: string,
  lead: string,
  co: string[] = [],
): SuggestionSourceMeasure {
  return {
    measureId,
    documentLabel: '测试〔2022〕1号',
    path: measureId,
    title,
    text,
    leadUnitCode: lead,
    coUnitCodes: co,
  };
}

const SPORT = measure(
  'sport',
  '大力发展体育赛事',
  '积极举办冰雪运动、山地户外运动、水上运动等新兴赛事,巩固培育自主品牌体育赛事.',
  'SPORT',
  ['TOURISM'],
);
const ELDERLY = measure(
  'elderly',
  '提升养老服务水平',
  '实施城镇社区养老幸福工程,推广社区居家养老模式,加强农村养老机构建设.',
  'CIVIL',
  ['HEALTH'],
);
const FINANCE = measure(
  'finance',
  '加大金融支持',
  '引导银行运用再贷款、再贴现等工具,推广信用贷款,增加首贷户.',
  'BANK',
  ['FINANCE'],
);
const COMMERCE = measure(
  'commerce',
  '打造新型消费商圈',
  '支持各市建设商贸消费集聚区,改造提升高品位步行街.',
  'COMMERCE',
  ['TOURISM'],
);
const CORPUS = [SPORT, ELDERLY, FINANCE, COMMERCE];

describe('MeasureSimilarityIndex.similar', () => {
  const index = new MeasureSimilarityIndex(CORPUS);

  it('ranks an identical measure first with similarity 1', () => {
    const [first, second] = index.similar({ title: ELDERLY.title, text: ELDERLY.text });
    expect(first.source).toBe(ELDERLY);
    expect(first.similarity).toBeCloseTo(1, 9);
    expect(second?.similarity ?? 0).toBeLessThan(0.5);
  });

  it('ignores width, line breaks and page-break spaces', () => {
    const reflowed = {
      title: '提升养老服务水平',
      text: '实施城镇社区养老幸福工程，推广社区\n居家养老模式，加强农村养 老机构建设。',
    };
    expect(index.similar(reflowed, 1)[0].similarity).toBeCloseTo(1, 9);
  });

  it('ranks a reworded measure above the rest, most similar first, within the limit', () => {
    const results = index.similar({ title: '发展冰雪运动赛事', text: '举办山地户外运动和水上运动赛事.' }, 2);
    expect(results.map((result) => result.source.measureId)[0]).toBe('sport');
    expect(results.length).toBeLessThanOrEqual(2);
    expect(results.every((result, i) => i === 0 || result.similarity <= results[i - 1].similarity)).toBe(true);
  });

  it('weighs the title above the text', () => {
    const corpus = [
      measure('title', '养老服务', '推进各项工作.', 'A'),
      measure('text', '推进各项工作', '养老服务.', 'B'),
    ];
    const [first, second] = new MeasureSimilarityIndex(corpus).similar({ title: '养老服务', text: '' });
    expect(first.source.measureId).toBe('title');
    expect(first.similarity).toBeGreaterThan(second.similarity);
  });

  it('finds nothing in an empty corpus or for an empty query', () => {
    expect(new MeasureSimilarityIndex([]).similar({ title: '养老', text: '养老服务' })).toEqual([]);
    expect(index.similar({ title: '', text: '。' })).toEqual([]);
  });
});

describe('MeasureSimilarityIndex.suggestUnits', () => {
  const index = new MeasureSimilarityIndex(CORPUS);

  it('suggests the lead of an identical measure first, then its co-operating units', () => {
    const suggestions = index.suggestUnits({ title: SPORT.title, text: SPORT.text });
    expect(suggestions.map(({ unitCode, role, score }) => ({ unitCode, role, score }))).toEqual([
      { unitCode: 'SPORT', role: 'lead', score: 1 },
      { unitCode: 'TOURISM', role: 'co', score: 0.5 },
    ]);
    expect(suggestions[0].evidence).toEqual([
      { measureId: 'sport', documentLabel: '测试〔2022〕1号', path: 'sport', title: '大力发展体育赛事', similarity: 1 },
    ]);
  });

  it('suggests nothing for an unrelated measure', () => {
    const unrelated = {
      title: '优化消防审查验收备案手续',
      text: '对建筑面积300平方米以下的设施,县级以上政府可简化消防验收.',
    };
    expect(index.suggestUnits(unrelated)).toEqual([]);
  });

  it('scores the lead of the most similar measure above a unit that only co-operates there', () => {
    const corpus = [
      measure('near', '推广社区居家养老模式', '建设社区养老服务网点.', 'CIVIL', ['HEALTH']),
      measure('far', '推进医养结合', '建设社区卫生服务中心,推广居家医养结合.', 'HEALTH', ['CIVIL']),
    ];
    const suggestions = new MeasureSimilarityIndex(corpus).suggestUnits(
      { title: '推广社区居家养老模式', text: '' },
      { minSimilarity: 0 },
    );
    expect(suggestions.map(({ unitCode, role }) => [unitCode, role])).toEqual([
      ['CIVIL', 'lead'],
      ['HEALTH', 'co'],
    ]);
    expect(suggestions[0].score).toBeGreaterThan(suggestions[1].score);
  });

  it('honours limit, neighbours and minSimilarity', () => {
    const query = { title: SPORT.title, text: SPORT.text };
    expect(index.suggestUnits(query, { limit: 1 }).map((s) => s.unitCode)).toEqual(['SPORT']);
    expect(index.suggestUnits(query, { minSimilarity: 1.01 })).toEqual([]);
    const wide = index.suggestUnits(
      { title: '消费', text: '体育赛事,养老服务,金融支持,消费商圈' },
      { neighbours: 1, minSimilarity: 0 },
    );
    expect(new Set(wide.flatMap((s) => s.evidence.map((e) => e.measureId))).size).toBe(1);
  });

  it('orders ties by unit code and answers the same whatever the corpus order', () => {
    const corpus = [measure('m', '强化宣传推广', '加强舆论引导,做好政策解读.', 'LEAD', ['C3', 'C1', 'C2'])];
    const codes = new MeasureSimilarityIndex(corpus)
      .suggestUnits({ title: '强化宣传推广', text: '' })
      .map((s) => s.unitCode);
    expect(codes).toEqual(['LEAD', 'C1', 'C2', 'C3']);
    const query = { title: '支持社区养老和体育赛事', text: '推广居家养老,举办冰雪运动赛事,建设消费商圈.' };
    const reversed = new MeasureSimilarityIndex([...CORPUS].reverse());
    expect(reversed.suggestUnits(query, { minSimilarity: 0 })).toEqual(index.suggestUnits(query, { minSimilarity: 0 }));
  });

  it('rounds every score to 3 decimals within 0..1', () => {
    const suggestions = index.suggestUnits(
      { title: '养老和体育', text: '推广社区居家养老模式,举办冰雪运动赛事.' },
      { minSimilarity: 0 },
    );
    expect(suggestions.length).toBeGreaterThan(0);
    for (const { score } of suggestions) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(Math.round(score * 1000) / 1000).toBe(score);
    }
  });

  it('suggests nothing from an empty corpus', () => {
    expect(new MeasureSimilarityIndex([]).suggestUnits({ title: '养老', text: '养老服务' })).toEqual([]);
  });
});
