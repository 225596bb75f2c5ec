import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/metrics';

/** The PostgreSQL pool's connections (total, idle) and the clients waiting for one, read at each scrape. */
@Injectable()
export class PoolMetricsSource implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.provide({
      pool: async () => {
        // TypeORM's Postgres driver keeps its pg Pool as `master` (typed any there).
        const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
        if (!pool) throw new Error('no PostgreSQL pool yet');
        return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
      },
    });
  }
}
