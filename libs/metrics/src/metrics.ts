import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { defineMetrics, METRIC_PREFIX, type MetricDefinitions } from './metric-definitions';
import type { ScrapeSourceName, ScrapeSources } from './scrape-sources';

/** A scrape waits at most this long for one source (a query, a PING): a stuck database must not stall Prometheus. */
const SOURCE_TIMEOUT_MS = 2000;

export type ChannelOutcome = 'sent' | 'failed' | 'throttled' | 'read';

/**
 * The one place the engine records metrics: typed methods for what happens, called by the library
 * where it happens (after the transaction commits), and sources read on scrape. One prom-client
 * registry per Nest application (per process in production), never prom-client's global one.
 */
@Injectable()
export class Metrics {
  private readonly registry = new Registry();
  private readonly metrics: MetricDefinitions = defineMetrics(this.registry);
  private readonly sources: Partial<ScrapeSources> = {};
  private readonly logger = new Logger(Metrics.name);

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  /** A library hands over the figures it owns, to be read at each scrape. */
  provide(sources: Partial<ScrapeSources>): void {
    Object.assign(this.sources, sources);
  }

  stepDelivered(kind: string, latenessSeconds: number, late: boolean): void {
    this.metrics.stepsDelivered.inc({ kind });
    if (late) this.metrics.stepsDeliveredLate.inc({ kind });
    this.metrics.stepLateness.observe(Math.max(0, latenessSeconds));
  }

  noticesTaken(channel: string, kinds: readonly string[]): void {
    for (const kind of kinds) this.metrics.notices.inc({ kind, channel });
  }

  channelDelivery(channel: string, outcome: ChannelOutcome): void {
    this.metrics.channelDeliveries.inc({ channel, outcome });
  }

  jobRan(queue: string, job: string, seconds: number, outcome: 'completed' | 'delayed' | 'failed'): void {
    this.metrics.jobDuration.observe({ queue, job, outcome }, seconds);
    if (outcome === 'failed') this.metrics.jobsFailed.inc({ queue, job });
  }

  reconcilerRan(queue: string, run: { at: Date; seconds: number; requeued: number; deliveredLate?: number }): void {
    this.metrics.reconcilerLastRun.set({ queue }, run.at.getTime() / 1000);
    this.metrics.reconcilerDuration.observe({ queue }, run.seconds);
    this.metrics.reconcilerRequeued.inc({ queue }, run.requeued);
    this.metrics.reconcilerDeliveredLate.inc({ queue }, run.deliveredLate ?? 0);
  }

  reportGenerated(seconds: number, bytes: number): void {
    this.metrics.reportDuration.observe(seconds);
    this.metrics.reportSize.observe(bytes);
  }

  reportRefused(code: string): void {
    this.metrics.reportsRefused.inc({ code });
  }

  /** `route` is the route's template (`/tasks/:id`), never the URL the client sent. */
  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.metrics.httpRequests.inc({ method, route, status: String(status) });
    this.metrics.httpDuration.observe({ method, route }, seconds);
  }

  loginFailed(): void {
    this.metrics.loginFailures.inc();
  }

  loginThrottled(): void {
    this.metrics.loginThrottled.inc();
  }

  /** The Prometheus text of every metric, the scrape-time sources read first. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    await Promise.all([
      this.read('steps', (backlog) => {
        this.metrics.stepsPending.set(backlog.pending);
        this.metrics.stepsDue.set(backlog.due);
        this.metrics.oldestDueAge.set(backlog.oldestDueAgeSeconds);
      }),
      this.read('calendar', (coverage) => {
        this.metrics.calendarYears.set({ source: 'official' }, coverage.officialYears.length);
        this.metrics.calendarYears.set({ source: 'fallback' }, coverage.fallbackYears.length);
        this.metrics.calendarLastOfficialYear.set(Math.max(0, ...coverage.officialYears));
      }),
      this.read('queues', (depths) => {
        for (const { queue, counts } of depths)
          for (const [state, count] of Object.entries(counts)) this.metrics.queueJobs.set({ queue, state }, count);
      }),
      this.read('redisRoundTripSeconds', (seconds) => this.metrics.redisRoundTrip.set(seconds)),
      this.read('pool', (pool) => {
        this.metrics.dbPool.set({ state: 'total' }, pool.total);
        this.metrics.dbPool.set({ state: 'idle' }, pool.idle);
        this.metrics.dbPool.set({ state: 'in_use' }, pool.total - pool.idle);
        this.metrics.dbPool.set({ state: 'waiting' }, pool.waiting);
      }),
    ]);
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async read<N extends ScrapeSourceName>(
    name: N,
    apply: (value: Awaited<ReturnType<ScrapeSources[N]>>) => void,
  ): Promise<void> {
    const source = this.sources[name] as (() => Promise<Awaited<ReturnType<ScrapeSources[N]>>>) | undefined;
    if (!source) return;
    try {
      apply(await withTimeout(source(), SOURCE_TIMEOUT_MS));
      this.metrics.scrapeSourceUp.set({ source: name }, 1);
    } catch (error) {
      this.metrics.scrapeSourceUp.set({ source: name }, 0);
      this.logger.warn(`metrics source ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}
