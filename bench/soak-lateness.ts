import { histogramQuantile, parsePrometheusText, type PrometheusSample, sampleSum } from '@app/testing';

const LATENESS = 'supervision_step_lateness_seconds';

export interface LatenessFigures {
  count: number;
  p50_s: number;
  p99_s: number;
}

/**
 * What Prometheus would hold of the workers' lateness histograms: each worker process is scraped
 * every tick and its last scrape is kept after it dies (a SIGKILLed worker's last second is lost,
 * as it would be for Prometheus). The sum over every process's last scrape gives p50 and p99 as
 * histogram_quantile() estimates them.
 */
export class LatenessScrapes {
  private readonly lastSeen = new Map<string, PrometheusSample[]>();

  constructor(private readonly token: string) {}

  /** Returns how many of `workers` answered. */
  async scrape(workers: readonly { name: string; metricsPort: number }[]): Promise<number> {
    const answered = await Promise.all(
      workers.map(async (worker) => {
        const response = await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`, {
          headers: { authorization: `Bearer ${this.token}` },
        }).catch(() => null);
        if (!response?.ok) return false;
        const samples = parsePrometheusText(await response.text()).filter((sample) => sample.name.startsWith(LATENESS));
        this.lastSeen.set(worker.name, samples);
        return true;
      }),
    );
    return answered.filter(Boolean).length;
  }

  /** Steps each worker process reported at its last scrape. */
  perProcess(): Record<string, number> {
    return Object.fromEntries(
      [...this.lastSeen].map(([name, samples]) => [name, sampleSum(samples, `${LATENESS}_count`)]),
    );
  }

  figures(): LatenessFigures {
    const byBucket = new Map<string, number>();
    let count = 0;
    for (const samples of this.lastSeen.values()) {
      count += sampleSum(samples, `${LATENESS}_count`);
      for (const sample of samples.filter((one) => one.name === `${LATENESS}_bucket`))
        byBucket.set(sample.labels.le, (byBucket.get(sample.labels.le) ?? 0) + sample.value);
    }
    const merged: PrometheusSample[] = [...byBucket].map(([le, value]) => ({
      name: `${LATENESS}_bucket`,
      labels: { le },
      value,
    }));
    return {
      count,
      p50_s: round(histogramQuantile(merged, LATENESS, 0.5)),
      p99_s: round(histogramQuantile(merged, LATENESS, 0.99)),
    };
  }
}

/** The same figures measured directly: delivered − due of every delivered step (nearest rank). */
export function latenessOf(seconds: readonly number[]): LatenessFigures {
  const sorted = [...seconds].sort((a, b) => a - b);
  const rank = (quantile: number) => sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, p50_s: round(rank(0.5)), p99_s: round(rank(0.99)) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
