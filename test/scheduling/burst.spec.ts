import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { type Actor } from '@app/access';
import { AppConfig, Clock, loadConfig, ManualClock, repositoryRoot } from '@app/common';
import { DocumentImporter, MeasureAssignmentService } from '@app/documents';
import { JobQueue, QUEUES } from '@app/queues';
import { momentWakeUp } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { LaunchService } from '@app/workflow';
import { halfDone, STEP_FACTS_SQL, type StepFacts } from '@app/testing';
// The engine's services with the step queue but no worker (the CLI's module): the workers are the compiled app.
import { CliModule } from '../../apps/cli/src/cli.module';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { until } from '../support/until';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { buildCompiledApp } from '../support/compiled-app';

const SUPERVISOR: Actor = {
  userId: null,
  username: 'supervisor',
  unitCode: 'sx-supervision-office',
  roles: ['supervisor'],
};
const root = repositoryRoot();
const workerMain = join(root, 'dist', 'apps', 'worker', 'src', 'main.js');
/** The step kinds every open task still calls for: all of them must end delivered. */
const DUE_KINDS = ['ack_reminder', 'ack_overdue', 'deadline_reminder', 'escalation'];
/** What a worker logs once per committed batch. */
const BATCH_LOGGED = '"event":"steps.delivered"';

const after = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * The 08:30 burst: every step of a launched plan that comes due at one moment has one wake-up, which
 * fans out delivery batches; two worker processes share them, and one is SIGKILLed mid-batch.
 */
describe('a burst of steps due in the same second, split across two worker processes, one killed', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let dataSource: DataSource;
  let steps: Queue;
  let dueIds: string[] = [];
  const workers: WorkerProcess[] = [];

  function startWorker(): WorkerProcess {
    const child = spawn(process.execPath, [workerMain], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        QUEUE_PREFIX: database.queuePrefix,
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
        // Small batches: the burst goes out in many transactions, so both processes get a share.
        STEP_BATCH_TASKS: '3',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const worker = { child, output, exited };
    workers.push(worker);
    return worker;
  }
  const batchesOf = (worker: WorkerProcess): number => worker.output.join('').split(BATCH_LOGGED).length - 1;
  const delivered = async (): Promise<number> =>
    (
      await dataSource.query(
        `SELECT count(*)::int AS n FROM scheduled_steps WHERE id = ANY($1) AND state = 'delivered'`,
        [dueIds],
      )
    )[0].n;
  const stepFacts = (): Promise<StepFacts[]> => dataSource.query(STEP_FACTS_SQL, [dueIds]);

  beforeAll(async () => {
    buildCompiledApp();
    database = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({ imports: [CliModule] })
      .overrideProvider(AppConfig)
      .useValue(loadConfig({ DATABASE_URL: database.url, QUEUE_PREFIX: database.queuePrefix, NODE_ENV: 'test' }))
      .overrideProvider(Clock)
      .useValue(new ManualClock(new Date()))
      .compile();
    context = await moduleRef.init();
    await context.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
    dataSource = context.get(DataSource);
    steps = context.get<Queue>(getQueueToken(QUEUES.steps));
    const { documentId } = await context.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const waiting: { id: string }[] = await dataSource.query(
      `SELECT id FROM measures WHERE document_id = $1 AND needs_assignment`,
      [documentId],
    );
    for (const measure of waiting) {
      await context.get(MeasureAssignmentService).assign({
        measureId: measure.id,
        leadUnitCode: 'sx-development-reform',
        coUnitCodes: ['sx-commerce'],
        source: 'manual',
        assignedBy: 'test',
      });
    }
    await context.get(LaunchService).launch({ documentId, defaultDeadline: '2027-06-30', actor: SUPERVISOR });
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers)
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => Promise.race([worker.exited, after(5000, null)])));
    await steps?.obliterate({ force: true }).catch(() => undefined);
    await context?.close();
    await database?.drop();
  }, 60_000);

  it('delivers every step exactly once, each task’s in one transaction, with both processes taking batches', async () => {
    const first = startWorker();
    const second = startWorker();
    await until('both workers started', 60_000, async () =>
      [first, second].every((worker) => worker.output.join('').includes('worker started')),
    );
    // The burst: the steps come due in the same second, a moment ago; one wake-up for that moment.
    const moment = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    const due: { id: string }[] = await dataSource.query(
      `SELECT id FROM scheduled_steps WHERE state = 'pending' AND kind = ANY($1)`,
      [DUE_KINDS],
    );
    dueIds = due.map((step) => step.id);
    await dataSource.query(`UPDATE scheduled_steps SET due_at = $2 WHERE id = ANY($1)`, [dueIds, moment]);
    expect(dueIds.length).toBeGreaterThanOrEqual(1000);
    const expectedNotices = (await stepFacts()).reduce((sum, step) => sum + step.expected, 0);
    await context.get(JobQueue).wake([momentWakeUp(moment)]);

    // Kill the first process once both have committed batches and the burst is not done.
    await until('both processes to commit batches', 60_000, async () =>
      batchesOf(first) > 0 && batchesOf(second) > 0 ? true : undefined,
    );
    first.child.kill('SIGKILL');
    expect(await Promise.race([first.exited, after(10_000, 'still running')])).toBeNull();
    const activeAtKill = (await steps.getActive()).map((job) => job.id!);
    const snapshot = await stepFacts();
    expect(halfDone(snapshot)).toEqual([]);
    expect(snapshot.filter((step) => step.state === 'delivered').length).toBeLessThan(dueIds.length);

    // The second process finishes the burst; the batch jobs the first held are re-run once found stalled.
    await until('every due step delivered', 90_000, async () => (await delivered()) === dueIds.length);
    await until('the queue to be idle (stalled jobs re-run)', 100_000, async () => {
      const counts = await steps.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      return Object.values(counts).every((count) => count === 0);
    });

    const facts = await stepFacts();
    expect(facts.filter((step) => step.state !== 'delivered')).toEqual([]);
    expect(halfDone(facts)).toEqual([]);
    expect(facts.filter((step) => step.written !== step.expected || step.writtenUnits !== step.expected)).toEqual([]);
    const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM notices WHERE step_id = ANY($1)`, [
      dueIds,
    ]);
    expect(total).toBe(expectedNotices);
    // Not late: the wake-up came at its moment. Each task's due steps went out in one transaction.
    const [{ late }] = await dataSource.query(
      `SELECT count(*)::int AS late FROM scheduled_steps WHERE id = ANY($1) AND delivered_late`,
      [dueIds],
    );
    expect(late).toBe(0);
    const split = await dataSource.query(
      `SELECT task_id FROM scheduled_steps WHERE id = ANY($1) GROUP BY task_id HAVING count(DISTINCT xmin::text) > 1`,
      [dueIds],
    );
    expect(split).toEqual([]);
    const rerun = (await steps.getCompleted(0, -1)).filter((job) => job.stalledCounter > 0);
    const delivering = ['steps.deliver', 'steps.reconcile'];
    expect(rerun.filter((job) => !activeAtKill.includes(job.id!) || !delivering.includes(job.name))).toEqual([]);
    expect(await steps.getFailedCount()).toBe(0);
  }, 300_000);
});
