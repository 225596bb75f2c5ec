import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import {
  DocumentParseError,
  MAX_DOCUMENT_BYTES,
  MeasureSimilarityIndex,
  parseDocument,
  type SuggestionSourceMeasure,
} from '@app/documents';
import { loadSeedUnitDirectory } from '@app/units';
import { BenchResult, result, Scale, timed } from './bench-result';

/** prefix + unit repeated to fill the size limit: the inputs libs/documents/src/parsing/robustness.spec.ts checks for correctness. */
const fill = (prefix: string, unit: string, bytes = MAX_DOCUMENT_BYTES): string =>
  prefix + unit.repeat(Math.floor((bytes - Buffer.byteLength(prefix)) / Buffer.byteLength(unit)));

const WORST_CASES: [string, string][] = [
  ['a million 、 (refused as too large)', '、'.repeat(1_000_000)],
  ['、 up to the size limit', fill('', '、')],
  ['unclosed clauses', fill('一、任务\n', '(责任单位:')],
  ['nested open parentheses', fill('一、任务\n1.做(', '(')],
  ['years with deadline words', fill('1.做', '到2025年底前')],
  ['measures with clauses', fill('一、任务\n', '1.做事.(责任单位:省文旅厅、省林草局)\n', MAX_DOCUMENT_BYTES / 4)],
  ['table rows', fill('序号\t重点任务\t牵头单位\n', '1\t做事\t省文旅厅\n', MAX_DOCUMENT_BYTES / 4)],
];

/**
 * Hostile documents at the size limit (a step worse than linear would take minutes on them) beside a
 * linear pass over the same text, and the unit-suggestion index at 3,000 measures: the speed that the
 * robustness and similarity tests leave to the benchmark.
 */
export async function robustnessBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const resolver = loadSeedUnitDirectory();
  let worst = 0;
  let worstName = '';
  let worstBaseline = 0;
  for (const [name, text] of WORST_CASES) {
    const ms = await timed(() => {
      try {
        parseDocument(text, { resolver, asOf: '2022-07-01' });
      } catch (error) {
        if (!(error instanceof DocumentParseError)) throw error;
      }
    });
    if (ms <= worst) continue;
    worst = ms;
    worstName = name;
    worstBaseline = await timed(() => text.split('\n').map((line) => line.trim()));
  }
  const corpus = syntheticCorpus(scale === 'full' ? 3000 : 1000);
  const buildMs = await timed(() => new MeasureSimilarityIndex(corpus));
  const index = new MeasureSimilarityIndex(corpus);
  const queries = corpus.slice(0, 200);
  const queryMs = (await timed(() => queries.forEach((query) => index.suggestUnits(query)))) / queries.length;
  return [
    result(
      'documents.worst_case_parse_ms',
      `parse the slowest hostile input at the size limit (${worstName})`,
      worst,
      'ms',
      worstBaseline,
      'split and trim its lines',
    ),
    result('suggestions.index_build_ms', `index ${corpus.length} measures for unit suggestions`, buildMs, 'ms'),
    result('suggestions.query_ms', 'suggest units for one measure', queryMs, 'ms'),
  ];
}

/** Measures stitched from the 2021 plan's clauses by a seeded generator: realistic vocabulary, repeatable. */
function syntheticCorpus(size: number): SuggestionSourceMeasure[] {
  const text = readFileSync(join(repositoryRoot(), 'seeds', 'shanxi-modern-services-plan-2021.txt'), 'utf8');
  const clauses = text.split(/[，。；、\n]+/u).filter((clause) => clause.trim().length >= 4);
  let state = 42;
  const pick = (): string => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return clauses[state % clauses.length];
  };
  return Array.from({ length: size }, (_, i) => ({
    measureId: `m${i}`,
    documentLabel: `doc${i % 20}`,
    path: String(i),
    title: pick(),
    text: Array.from({ length: 25 }, pick).join('，'),
    leadUnitCode: `U${i % 40}`,
    coUnitCodes: [`U${(i + 7) % 40}`, `U${(i + 13) % 40}`],
  }));
}
