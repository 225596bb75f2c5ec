/** One figure of `npm run bench`, beside the raw baseline measured in the same run. */
export interface BenchResult {
  /** A stable name for tools that read bench/results.json (`documents.corpus_score`); issues name figures by it. */
  id: string;
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineName: string | null;
  /** value / baseline: above 1 means the engine takes more (time) or does more (throughput) than the baseline. */
  ratio: number | null;
}

export type Scale = 'small' | 'full';

export function result(
  id: string,
  name: string,
  value: number,
  unit: string,
  baseline: number | null = null,
  baselineName: string | null = null,
): BenchResult {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    id,
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    baselineName,
    ratio: baseline ? round(value / baseline) : null,
  };
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile (nearest rank) of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds taken by `work`, measured with the high-resolution clock. */
export async function timed(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
