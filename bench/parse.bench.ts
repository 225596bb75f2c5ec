import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { decodeDocument, parseDocument } from '@app/documents';
import { loadSeedUnitDirectory } from '@app/units';
import { BenchResult, median, result, Scale, timed } from './bench-result';

const SEEDS = ['shanxi-consumer-services-action-plan-2022.txt', 'shanxi-modern-services-plan-2021.txt'];

/** Parse time of each seed (median of repeated runs), beside merely decoding and splitting it into lines. */
export async function parseBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const runs = scale === 'full' ? 200 : 20;
  const resolver = loadSeedUnitDirectory();
  const results: BenchResult[] = [];
  for (const seed of SEEDS) {
    const bytes = readFileSync(join(repositoryRoot(), 'seeds', seed));
    const parse: number[] = [];
    const split: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      parse.push(await timed(() => parseDocument(bytes, { resolver, asOf: '2026-11-22' })));
      split.push(await timed(() => decodeDocument(bytes).text.split('\n')));
    }
    results.push(
      result(
        `parse.${seed.replace(/\.txt$/, '')}_ms`,
        `parse ${seed} (median of ${runs})`,
        median(parse),
        'ms',
        median(split),
        'decode and split into lines',
      ),
    );
  }
  return results;
}
