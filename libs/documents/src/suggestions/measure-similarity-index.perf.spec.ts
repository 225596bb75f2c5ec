import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MeasureSimilarityIndex } from './measure-similarity-index';
import type { SuggestionSourceMeasure } from './suggestion.types';

const MEASURES = 3000;
const QUERIES = 200;
const CLAUSES_PER_MEASURE = 25;

/** Measures stitched from the seed plans' clauses by a seeded generator: realistic vocabulary, repeatable. */
function syntheticCorpus(): SuggestionSourceMeasure[] {
  const text = readFileSync(join(__dirname, '../../../../seeds/shanxi-modern-services-plan-2021.txt'), 'utf8');
  const clauses = text.split(/[，。；、\n]+/u).filter((clause) => clause.trim().length >= 4);
  let state = 42;
  const pick = (): string => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return clauses[state % clauses.length];
  };
  return Array.from({ length: MEASURES }, (_, i) => ({
    measureId: `m${i}`,
    documentLabel: `doc${i % 20}`,
    path: String(i),
    title: pick(),
    text: Array.from({ length: CLAUSES_PER_MEASURE }, pick).join('，'),
    leadUnitCode: `U${i % 40}`,
    coUnitCodes: [`U${(i + 7) % 40}`, `U${(i + 13) % 40}`],
  }));
}

describe('MeasureSimilarityIndex speed', () => {
  it(`indexes ${MEASURES} measures in well under a second and answers in milliseconds`, () => {
    const corpus = syntheticCorpus();
    const buildStart = performance.now();
    const index = new MeasureSimilarityIndex(corpus);
    const buildMs = performance.now() - buildStart;

    const queryStart = performance.now();
    for (const source of corpus.slice(0, QUERIES)) index.suggestUnits(source);
    const queryMs = (performance.now() - queryStart) / QUERIES;

    expect(buildMs).toBeLessThan(1000);
    expect(queryMs).toBeLessThan(10);
  });
});
