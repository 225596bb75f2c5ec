import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MeasureSimilarityIndex } from './measure-similarity-index';
import type { SuggestionSourceMeasure } from './suggestion.types';

const MEASURES = 3000;
const QUERIES = 200;
const CLAUSES_PER_MEASURE = 25;

/** Measures stitched from the 2021 plan's clauses by a seeded generator: realistic vocabulary, repeatable. */
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

/**
 * The least CPU time of a few runs, in milliseconds. CPU time, not wall time: other jobs on a
 * shared machine make the wall clock slow, not the index.
 */
function cpuMs(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(start);
    fastest = Math.min(fastest, (user + system) / 1000);
  }
  return fastest;
}

describe('MeasureSimilarityIndex speed', () => {
  it(`indexes ${MEASURES} measures in well under a second and answers in milliseconds`, () => {
    const corpus = syntheticCorpus();
    const index = new MeasureSimilarityIndex(corpus);
    const queries = corpus.slice(0, QUERIES);

    const buildMs = cpuMs(3, () => new MeasureSimilarityIndex(corpus));
    const queryMs = cpuMs(3, () => queries.forEach((query) => index.suggestUnits(query))) / QUERIES;

    expect(buildMs).toBeLessThan(1000);
    expect(queryMs).toBeLessThan(10);
  });
});
