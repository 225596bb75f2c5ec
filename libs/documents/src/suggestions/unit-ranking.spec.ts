import { rankUnits } from './unit-ranking';
import type { SimilarMeasure } from './suggestion.types';

function neighbour(
  measureId: string,
  similarity: number,
  leadUnitCode: string,
  coUnitCodes: string[] = [],
): SimilarMeasure {
  const source = {
    measureId,
    documentLabel: 'doc',
    path: measureId,
    title: measureId,
    text: '',
    leadUnitCode,
    coUnitCodes,
  };
  return { source, similarity };
}

describe('rankUnits', () => {
  it('gives nothing without neighbours', () => {
    expect(rankUnits([])).toEqual([]);
  });

  it('scores a lead above its co-operating units', () => {
    const ranked = rankUnits([neighbour('m1', 1, 'LEAD', ['CO'])]);
    expect(ranked.map(({ unitCode, role, score }) => ({ unitCode, role, score }))).toEqual([
      { unitCode: 'LEAD', role: 'lead', score: 1 },
      { unitCode: 'CO', role: 'co', score: 0.5 },
    ]);
  });

  it('lets a near-duplicate outweigh several loose matches', () => {
    const ranked = rankUnits([
      neighbour('close', 0.9, 'A'),
      neighbour('loose1', 0.3, 'B'),
      neighbour('loose2', 0.3, 'B'),
      neighbour('loose3', 0.3, 'B'),
    ]);
    expect(ranked.map(({ unitCode, score }) => [unitCode, score])).toEqual([
      ['A', 0.45],
      ['B', 0.15],
    ]);
  });

  it('takes the role from the best evidence and lists evidence most similar first', () => {
    const ranked = rankUnits([neighbour('m1', 0.8, 'A', ['B']), neighbour('m2', 0.6, 'B', ['A'])]);
    const b = ranked.find((suggestion) => suggestion.unitCode === 'B');
    expect(b?.role).toBe('co');
    expect(b?.evidence.map((evidence) => [evidence.measureId, evidence.similarity])).toEqual([
      ['m1', 0.8],
      ['m2', 0.6],
    ]);
  });

  it('counts a unit named twice in one measure once, as lead', () => {
    const ranked = rankUnits([neighbour('m1', 1, 'A', ['A', 'B', 'B', ''])]);
    expect(ranked.map(({ unitCode, role, score, evidence }) => [unitCode, role, score, evidence.length])).toEqual([
      ['A', 'lead', 1, 1],
      ['B', 'co', 0.5, 1],
    ]);
  });

  it('breaks ties by unit code and rounds scores to 3 decimals', () => {
    const ranked = rankUnits([neighbour('m1', 0.7, 'L', ['C3', 'C1', 'C2'])]);
    expect(ranked.map(({ unitCode, score }) => [unitCode, score])).toEqual([
      ['L', 0.7],
      ['C1', 0.35],
      ['C2', 0.35],
      ['C3', 0.35],
    ]);
  });
});
