import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueue, type WakeUp } from './job-queue';

/** A change in progress: its transaction, and the jobs to add once it has committed. */
export interface Work {
  readonly manager: EntityManager;
  wakeAfterCommit(wakeUps: readonly WakeUp[]): void;
  /** Runs `record` once the transaction has committed (metrics count what happened, not what rolled back). */
  afterCommit(record: () => void): void;
}

/**
 * The one way to change rows that schedule jobs: the change runs in one transaction, and the jobs it
 * asked for are added only after the commit (a job never runs for a change that rolled back; a queue
 * that is away loses nothing, the reconcilers add the jobs from the rows).
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async run<T>(change: (work: Work) => Promise<T>): Promise<T> {
    const wakeUps: WakeUp[] = [];
    const committed: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) =>
      change({
        manager,
        wakeAfterCommit: (more) => wakeUps.push(...more),
        afterCommit: (record) => committed.push(record),
      }),
    );
    for (const record of committed) record();
    await this.jobs.wakeAfterCommit(wakeUps);
    return result;
  }
}
