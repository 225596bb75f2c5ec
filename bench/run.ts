import 'reflect-metadata';
import { exitOnUnsupportedNode, repositoryRoot } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BenchResult, Scale } from './bench-result';
import { documentsBenchmarks } from './documents.bench';
import { importBenchmarks } from './import.bench';
import { parseBenchmarks } from './parse.bench';
import { queueBenchmarks } from './queue.bench';
import { reportBenchmarks } from './report.bench';
import { robustnessBenchmarks } from './robustness.bench';
import { workflowBenchmarks } from './workflow.bench';

const GROUPS: Record<string, (scale: Scale) => Promise<BenchResult[]>> = {
  parse: parseBenchmarks,
  documents: documentsBenchmarks,
  robustness: robustnessBenchmarks,
  import: importBenchmarks,
  workflow: workflowBenchmarks,
  queue: queueBenchmarks,
  report: reportBenchmarks,
};

type StoredResult = BenchResult & { group: string; scale: Scale; machine: string; measuredAt: string };

const RESULTS_FILE = join(repositoryRoot(), 'bench', 'results.json');

function previousResults(): StoredResult[] {
  if (!existsSync(RESULTS_FILE)) return [];
  const stored: unknown = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
  return Array.isArray(stored) ? (stored as StoredResult[]) : [];
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * `npm run bench [-- --scale small|full] [--only report,queue]`: the chosen benchmarks, one table, and
 * bench/results.json, a list of { id, name, value, unit, baseline, ratio } in which each group measured
 * in this run replaces that group's earlier figures.
 */
async function main(): Promise<void> {
  const scale: Scale = argument('--scale') === 'full' || process.argv.includes('--full') ? 'full' : 'small';
  const only = argument('--only')?.split(',') ?? Object.keys(GROUPS);
  const unknown = only.filter((group) => !GROUPS[group]);
  if (unknown.length)
    throw new Error(`unknown benchmark group(s): ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const fresh: StoredResult[] = [];
  for (const group of only) {
    const measuredAt = new Date().toISOString();
    for (const figure of await GROUPS[group](scale)) fresh.push({ ...figure, group, scale, machine, measuredAt });
  }
  const kept = previousResults().filter((stored) => !only.includes(stored.group));
  const order = Object.keys(GROUPS);
  const all = [...kept, ...fresh].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
  console.table(
    fresh.map(({ id, name, value, unit, baseline, ratio }) => ({ id, name, value, unit, baseline, ratio })),
  );
  console.log(`scale ${scale} on ${machine}; bench/results.json updated (${only.join(', ')})`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
