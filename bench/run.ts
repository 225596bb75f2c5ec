import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { BenchResult, Scale } from './bench-result';
import { importBenchmarks } from './import.bench';
import { parseBenchmarks } from './parse.bench';
import { queueBenchmarks } from './queue.bench';
import { workflowBenchmarks } from './workflow.bench';

/** `npm run bench [-- --scale small|full]`: every benchmark, one table, bench/results.json. */
async function main(): Promise<void> {
  const scale: Scale = process.argv.includes('full') || process.argv.includes('--full') ? 'full' : 'small';
  const results: BenchResult[] = [
    ...(await parseBenchmarks(scale)),
    ...(await importBenchmarks(scale)),
    ...(await workflowBenchmarks(scale)),
    ...(await queueBenchmarks(scale)),
  ];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(join(repositoryRoot(), 'bench', 'results.json'), `${JSON.stringify({ scale, machine, measuredAt: new Date().toISOString(), results }, null, 2)}\n`);
  console.table(results.map(({ name, value, unit, baseline, ratio }) => ({ name, value, unit, baseline, ratio })));
  console.log(`scale ${scale} on ${machine}; written to bench/results.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
