import { createServer, type Server } from 'node:http';
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { Metrics, metricsAccess } from '@app/metrics';

/**
 * A worker's /metrics on WORKER_METRICS_PORT (127.0.0.1, as the API), with METRICS_TOKEN as for the
 * API: no port, no server; no token, 404.
 */
@Injectable()
export class WorkerMetricsServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /** Before the start-up reconcile (application bootstrap), which can be long: the worker is scraped meanwhile. */
  async onModuleInit(): Promise<void> {
    const port = this.config.WORKER_METRICS_PORT;
    if (port === undefined) return;
    if (!this.config.METRICS_TOKEN)
      this.logger.warn('WORKER_METRICS_PORT is set but METRICS_TOKEN is not: /metrics answers 404');
    const server = createServer((request, response) => {
      const access =
        request.url === '/metrics' && request.method === 'GET'
          ? metricsAccess(this.config.METRICS_TOKEN, request.headers.authorization)
          : 'off';
      if (access !== 'allowed') {
        response.writeHead(access === 'off' ? 404 : 401).end();
        return;
      }
      this.metrics.scrape().then(
        ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
        (error: unknown) => {
          this.logger.error(`metrics scrape failed: ${error instanceof Error ? error.message : String(error)}`);
          response.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.logger.log(`metrics on http://127.0.0.1:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
