import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { createServer } from 'node:net';
import { AppConfig, Clock, loadConfig, type ManualClock } from '@app/common';
import { QUEUES } from '@app/queues';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { TestDatabase } from '../support/test-database';

export const METRICS_TOKEN = 'a-metrics-token-for-the-tests';

/** A port free on 127.0.0.1 now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface MetricsWorker {
  context: INestApplicationContext;
  steps: Queue;
  port: number;
}

/** The worker process's own module (its metrics server included) on the test's database, queues and clock. */
export async function startMetricsWorker(database: TestDatabase, clock: ManualClock): Promise<MetricsWorker> {
  const port = await freePort();
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(AppConfig)
    .useValue(
      loadConfig({
        DATABASE_URL: database.url,
        QUEUE_PREFIX: database.queuePrefix,
        NODE_ENV: 'test',
        METRICS_TOKEN,
        WORKER_METRICS_PORT: String(port),
      }),
    )
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const context = await moduleRef.init();
  return { context, steps: context.get<Queue>(getQueueToken(QUEUES.steps)), port };
}

/** GET the worker's /metrics with these headers. */
export async function fetchWorkerMetrics(
  port: number,
  headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` },
  path = '/metrics',
): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  return { status: response.status, body: await response.text() };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Label values that carry an id (a uuid anywhere in them). */
export function idLabels(samples: readonly { labels: Record<string, string> }[]): string[] {
  return samples.flatMap((sample) => Object.values(sample.labels)).filter((value) => UUID.test(value));
}
