import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { type Actor, AccessModule } from '@app/access';
import { AppConfig, Clock, ConfigModule, loadConfig, ManualClock, repositoryRoot } from '@app/common';
import { DocumentImporter, DocumentsModule, MeasureAssignmentService } from '@app/documents';
import { NotificationsModule } from '@app/notifications';
import { PersistenceModule } from '@app/persistence';
import { JobQueue, QUEUES, QueuesModule } from '@app/queues';
import { momentWakeUp, SchedulingModule } from '@app/scheduling';
import { readUnitDirectoryData, UnitDirectoryStore, UnitsModule } from '@app/units';
import { LaunchService, TaskEscalationModule, WorkflowModule } from '@app/workflow';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { until } from '../support/until';
import { halfDone, STEP_FACTS_SQL, type StepFacts } from '@app/testing';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { CalendarModule } from '@app/calendar';
import { buildCompiledApp } from '../support/compiled-app';

/** The domain services with the step queue but no worker: the worker processes are the compiled app. */
@Module({
  imports: [
    ConfigModule,
    PersistenceModule.forRoot(),
    CalendarModule,
    QueuesModule,
    SchedulingModule,
    TaskEscalationModule,
    NotificationsModule,
    UnitsModule,
    DocumentsModule,
    AccessModule,
    WorkflowModule,
  ],
})
class LaunchingModule {}

const SUPERVISOR: Actor = {
  userId: null,
  username: 'supervisor',
  unitCode: 'sx-supervision-office',
  roles: ['supervisor'],
};
const root = repositoryRoot();
const workerMain = join(root, 'dist', 'apps', 'worker', 'src', 'main.js');
/** The step kinds made due for the workers: a few hundred steps over the plan's 186 tasks. */
const DUE_KINDS = ['ack_reminder', 'deadline_reminder', 'escalation'];

/** Resolves with `value` after `ms` without keeping the process alive. */
const after = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());

interface WorkerProcess {
  name: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

describe('two worker processes delivering due steps, one killed mid-batch', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let dataSource: DataSource;
  let steps: Queue;
  let dueIds: string[] = [];
  const workers: WorkerProcess[] = [];

  function startWorker(name: string): WorkerProcess {
    const child = spawn(process.execPath, [workerMain], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        QUEUE_PREFIX: database.queuePrefix,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        // Small delivery batches: the backlog goes out in many transactions, so the kill lands mid-way.
        STEP_BATCH_TASKS: '4',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const worker = { name, child, output, exited };
    workers.push(worker);
    return worker;
  }

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
    // The launch runs at the real time, so its jobs are delayed relative to the system clock the workers use.
    const moduleRef = await Test.createTestingModule({ imports: [LaunchingModule] })
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

    // Make a few hundred steps due a little while ago (spread over the last hour), then wake their moment now.
    const due: { id: string }[] = await dataSource.query(
      `SELECT id FROM scheduled_steps WHERE state = 'pending' AND kind = ANY($1)`,
      [DUE_KINDS],
    );
    dueIds = due.map((step) => step.id);
    await dataSource.query(
      `UPDATE scheduled_steps SET due_at = now() - (interval '1 second' * (1 + (abs(hashtext(id::text)) % 3600))) WHERE id = ANY($1)`,
      [dueIds],
    );
    const [{ latest }] = await dataSource.query(
      `SELECT max(due_at) AS latest FROM scheduled_steps WHERE id = ANY($1)`,
      [dueIds],
    );
    await context.get(JobQueue).wake([momentWakeUp(latest)]);
    expect(await steps.getWaitingCount()).toBe(1);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers)
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => Promise.race([worker.exited, after(5000, null)])));
    await steps?.obliterate({ force: true }).catch(() => undefined);
    await context?.close();
    await database?.drop();
  }, 60_000);

  it('delivers every due step exactly once although a worker is SIGKILLed mid-batch', async () => {
    expect(dueIds.length).toBeGreaterThanOrEqual(300);
    const expectedNotices: number = (await stepFacts()).reduce((sum, step) => sum + step.expected, 0);
    expect(await delivered()).toBe(0);

    const first = startWorker('A');
    startWorker('B');
    // Kill A once some, but not all, of the batch is delivered.
    const atKill = await until('some steps delivered', 60_000, async () => {
      const count = await delivered();
      return count >= Math.ceil(dueIds.length * 0.1) && count;
    });
    first.child.kill('SIGKILL');
    expect(await Promise.race([first.exited, after(10_000, 'still running')])).toBeNull();
    expect(first.child.signalCode).toBe('SIGKILL');
    const activeAtKill = (await steps.getActive()).map((job) => job.id!);

    // Right after the kill: whatever A was doing is complete or absent, never half.
    const snapshot = await stepFacts();
    expect(halfDone(snapshot)).toEqual([]);
    const deliveredAtKill = snapshot.filter((step) => step.state === 'delivered').length;
    expect(atKill).toBeLessThan(dueIds.length);
    expect(deliveredAtKill).toBeLessThan(dueIds.length);
    if (process.env.WORKERS_SPEC_VERBOSE)
      console.log({ due: dueIds.length, atKill, deliveredAtKill, activeAtKill: activeAtKill.length });

    // B goes on and a restarted A joins (its start-up reconcile delivers what is still due).
    startWorker('A2');
    await until('every due step delivered', 60_000, async () => (await delivered()) === dueIds.length);
    // The job A held when it died is found stalled and re-run by a live worker: it must write nothing more.
    await until('the queue to be idle (stalled jobs re-run)', 100_000, async () => {
      const counts = await steps.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      return Object.values(counts).every((count) => count === 0);
    });

    const facts = await stepFacts();
    expect(facts.filter((step) => step.state !== 'delivered')).toEqual([]);
    expect(halfDone(facts)).toEqual([]);
    // One notice per (step, unit): as many as the recipients call for, none twice.
    expect(facts.filter((step) => step.written !== step.expected || step.writtenUnits !== step.expected)).toEqual([]);
    const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM notices WHERE step_id = ANY($1)`, [
      dueIds,
    ]);
    expect(total).toBe(expectedNotices);
    const duplicates = await dataSource.query(`SELECT dedupe_key FROM notices GROUP BY dedupe_key HAVING count(*) > 1`);
    expect(duplicates).toEqual([]);
    const keys: { bad: number }[] = await dataSource.query(
      `SELECT count(*)::int AS bad FROM notices WHERE step_id = ANY($1) AND dedupe_key <> 'step:' || step_id || ':' || unit_code`,
      [dueIds],
    );
    expect(keys[0].bad).toBe(0);
    // No step that was due is left pending; the steps not made due are untouched (pending, no notices).
    const [{ leftDue }] = await dataSource.query(
      `SELECT count(*)::int AS "leftDue" FROM scheduled_steps WHERE state = 'pending' AND due_at <= now()`,
    );
    expect(leftDue).toBe(0);
    const [{ early }] = await dataSource.query(
      `SELECT count(*)::int AS early FROM notices n JOIN scheduled_steps s ON s.id = n.step_id WHERE s.state <> 'delivered'`,
    );
    expect(early).toBe(0);
    // Escalations raised each task's level to the highest one delivered, once.
    const levels = await dataSource.query(
      `SELECT t.id FROM tasks t JOIN scheduled_steps s ON s.task_id = t.id AND s.kind = 'escalation' AND s.state = 'delivered'
       GROUP BY t.id, t.escalation_level HAVING t.escalation_level <> max(s.escalation_level)`,
    );
    expect(levels).toEqual([]);
    // A held batch jobs when it died: they were found stalled (their lock expired with A) and re-run by a
    // live worker, and their steps ended delivered once like every other (checked above). None failed.
    const rerun = (await steps.getCompleted(0, -1)).filter((job) => job.stalledCounter > 0);
    expect(rerun.length).toBeGreaterThan(0);
    // (A reconcile A was running delivers in batches too: it may be among them.)
    const delivering = ['steps.deliver', 'steps.reconcile'];
    expect(rerun.filter((job) => !activeAtKill.includes(job.id!) || !delivering.includes(job.name))).toEqual([]);
    expect(await steps.getFailedCount()).toBe(0);
  }, 240_000);
});
