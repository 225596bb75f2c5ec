import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, repositoryRoot } from '@app/common';
import { JobQueue, QUEUE_JOB_OPTIONS, QUEUES } from '@app/queues';
import { momentWakeUp, StepPlanner } from '@app/scheduling';
import { emptyRedisOf } from '@app/testing';
import { startBenchContext, type BenchContext } from './bench-context';
import { BenchResult, result, Scale, timed } from './bench-result';

const NAME = 'supervision_bench_queue';
/** The raw baseline's BullMQ prefix: its own keys, never the engine's. */
const PLAIN_PREFIX = `${NAME}_plain`;
const UNITS = [
  'sx-sport',
  'sx-health',
  'sx-education',
  'sx-commerce',
  'sx-culture-tourism',
  'sx-civil-affairs',
  'sx-finance',
  'sx-transport',
];
const REPLAN_BATCH = 1000;
const WORKER_COUNTS = [1, 2, 4];
/** The same concurrency per process as the engine's StepProcessor. */
const CONCURRENCY = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/** `count` open tasks (a lead and nine co tasks per workflow) with deadlines over 2027, by plain SQL. */
async function insertTasks(bench: BenchContext, count: number): Promise<void> {
  const workflows = Math.ceil(count / 10);
  const documentId = randomUUID();
  await bench.sql.query(
    `INSERT INTO documents (id, identity_key, doc_number, title, current_revision) VALUES ($1, $2, $2, '队列基准文件', 1)`,
    [documentId, `晋队列〔2026〕${documentId.slice(0, 8)}号`],
  );
  await bench.sql.query(
    `INSERT INTO measures (document_id, path, position, section_titles, title, text, line, unit_resolution, needs_assignment, assignment_source, deadline, deadline_source, targets, first_revision, last_changed_revision)
     SELECT $1, 'Q.' || i, i, '{}', '队列基准措施' || i, '队列基准措施正文' || i, i, '[]', false, 'document', '2027-12-31', 'measure_text', '[]', 1, 1 FROM generate_series(1, $2) i`,
    [documentId, workflows],
  );
  await bench.sql.query(
    `INSERT INTO workflows (measure_id, document_id, state, launched_by, launched_at, event_count, last_event_hash)
     SELECT id, document_id, 'active', 'bench', now(), 0, '' FROM measures WHERE document_id = $1`,
    [documentId],
  );
  await bench.sql.query(
    `INSERT INTO tasks (workflow_id, kind, unit_code, assigner_unit_code, title, state, deadline, ack_deadline, assigned_at, created_at)
     SELECT w.id, CASE WHEN k = 0 THEN 'lead' ELSE 'co' END, ($2::text[])[1 + (m.position + k) % 8],
            CASE WHEN k = 0 THEN 'sx-supervision-office' ELSE ($2::text[])[1 + m.position % 8] END,
            '队列基准任务' || m.position || '.' || k, 'assigned', DATE '2027-01-15' + ((m.position * 10 + k) % 350), DATE '2026-11-26',
            TIMESTAMPTZ '2026-11-23 09:00+08', now() + k * interval '1 millisecond'
     FROM workflows w JOIN measures m ON m.id = w.measure_id CROSS JOIN generate_series(0, 9) k WHERE w.document_id = $1`,
    [documentId, UNITS],
  );
  await bench.sql.query(`DELETE FROM tasks WHERE id IN (SELECT id FROM tasks ORDER BY id OFFSET $1)`, [count]);
  await bench.sql.query('ANALYZE');
}

/** The engine: StepPlanner.replan in batches of 1,000 tasks (one transaction each), then JobQueue.wake. */
async function scheduleWithEngine(
  bench: BenchContext,
  taskIds: string[],
): Promise<{ ms: number; wakeMs: number; steps: number }> {
  const planner = bench.context.get(StepPlanner);
  const queue = bench.context.get(JobQueue);
  const dataSource = bench.context.get(DataSource);
  let steps = 0;
  let wakeMs = 0;
  const ms = await timed(async () => {
    for (let start = 0; start < taskIds.length; start += REPLAN_BATCH) {
      const batch = taskIds.slice(start, start + REPLAN_BATCH);
      const wakeUps = await dataSource.transaction((manager) => planner.replan(manager, batch, bench.clock.now()));
      wakeMs += await timed(() => queue.wake(wakeUps));
      steps += wakeUps.length;
    }
  });
  return { ms, wakeMs, steps };
}

/** Plain BullMQ: addBulk of the same number of delayed jobs (same ids, payload and default options), 1,000 at a time. */
async function scheduleWithPlainBullMQ(
  redisUrl: string,
  jobs: { jobId: string; stepId: string; delay: number }[],
): Promise<number> {
  const queue = new Queue('steps', {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: PLAIN_PREFIX,
    defaultJobOptions: QUEUE_JOB_OPTIONS.steps,
  });
  try {
    await queue.waitUntilReady();
    return await timed(async () => {
      for (let start = 0; start < jobs.length; start += 1000) {
        await queue.addBulk(
          jobs.slice(start, start + 1000).map((job) => ({
            name: 'step.deliver',
            data: { stepId: job.stepId },
            opts: { jobId: job.jobId, delay: job.delay },
          })),
        );
      }
    });
  } finally {
    await queue.close();
  }
}

interface Child {
  child: ChildProcess;
  output: string[];
  exited: Promise<unknown>;
}

/** Starts a process and resolves once its output contains `ready` (hard timeout). */
async function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: string,
  timeoutMs = 180_000,
): Promise<Child> {
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} not ready after ${timeoutMs} ms: ${output.join('')}`)),
      timeoutMs,
    );
    const watch = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before ready: ${output.join('')}`));
    });
  });
  return { child, output, exited };
}

async function stopAll(children: Child[]): Promise<void> {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(
    children.map(({ child, exited }) =>
      Promise.race([
        exited,
        sleep(15_000).then(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')),
      ]),
    ),
  );
}

/** Polls until `done` or fails after the hard timeout. */
async function until(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Nothing waiting, running or delayed (the plain queue has no recurring job). */
async function queueIdle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
  return Object.values(counts).every((count) => count === 0);
}

/** N parked steps made due a minute ago, woken through the engine's queue port, delivered by `workers` worker processes. */
async function processWithEngine(
  bench: BenchContext,
  stepIds: string[],
  workers: number,
  timeoutMs: number,
): Promise<{ ms: number; notices: number }> {
  const config = loadConfig();
  const children: Child[] = [];
  const queue = new Queue(QUEUES.steps, {
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: NAME,
  });
  try {
    for (let index = 0; index < workers; index += 1) {
      children.push(
        await startProcess(
          [join(repositoryRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')],
          { DATABASE_URL: bench.url, QUEUE_PREFIX: NAME, LOG_LEVEL: 'info' },
          'worker started',
        ),
      );
    }
    const rows = (
      await bench.sql.query(
        `UPDATE scheduled_steps SET state = 'pending', due_at = now() - interval '1 minute' WHERE id = ANY($1)
         RETURNING id, task_id AS "taskId", step_key AS "stepKey", deadline_version AS "deadlineVersion", due_at AS "dueAt"`,
        [stepIds],
      )
    ).rows;
    bench.clock.set(new Date());
    const moments = [...new Set(rows.map((row: { dueAt: Date }) => row.dueAt.getTime()))];
    const wakeUps = moments.map((ms) => momentWakeUp(new Date(ms)));
    const ms = await timed(async () => {
      await bench.context.get(JobQueue).wake(wakeUps);
      // Not queueIdle: the workers' recurring reconcile job stays delayed; PostgreSQL says when the steps are delivered.
      await until('every step delivered', timeoutMs, async () => {
        const [{ n }] = (
          await bench.sql.query(
            `SELECT count(*)::int AS n FROM scheduled_steps WHERE id = ANY($1) AND state = 'delivered'`,
            [stepIds],
          )
        ).rows;
        return n === stepIds.length;
      }).catch(async (error: Error) => {
        const outcomes: Record<string, number> = {};
        for (const job of await queue.getCompleted(0, 20_000))
          outcomes[JSON.stringify(job.returnvalue)] = (outcomes[JSON.stringify(job.returnvalue)] ?? 0) + 1;
        throw new Error(
          `${error.message}; queue ${JSON.stringify(await queue.getJobCounts())}; outcomes ${JSON.stringify(outcomes)}; workers ${children.map((c) => c.output.join('').slice(-2000)).join('\n')}`,
        );
      });
    });
    const [{ notices }] = (
      await bench.sql.query(`SELECT count(*)::int AS notices FROM notices WHERE step_id = ANY($1)`, [stepIds])
    ).rows;
    return { ms, notices };
  } finally {
    await stopAll(children);
    await queue.close();
  }
}

/** The same number of jobs, each one plain INSERT of a notice, by `workers` plain BullMQ Worker processes. */
async function processWithPlainBullMQ(
  bench: BenchContext,
  count: number,
  workers: number,
  timeoutMs: number,
): Promise<number> {
  const config = loadConfig();
  const children: Child[] = [];
  const queue = new Queue('plain', {
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: PLAIN_PREFIX,
    defaultJobOptions: QUEUE_JOB_OPTIONS.steps,
  });
  const tasks = (await bench.sql.query(`SELECT id, unit_code FROM tasks ORDER BY id LIMIT 1000`)).rows as {
    id: string;
    unit_code: string;
  }[];
  const run = randomUUID().slice(0, 8);
  try {
    for (let index = 0; index < workers; index += 1) {
      children.push(
        await startProcess(
          [__filename, 'plain-worker'],
          { DATABASE_URL: bench.url, PLAIN_PREFIX },
          'plain worker ready',
        ),
      );
    }
    return await timed(async () => {
      for (let start = 0; start < count; start += 1000) {
        await queue.addBulk(
          Array.from({ length: Math.min(1000, count - start) }, (_, offset) => {
            const task = tasks[(start + offset) % tasks.length];
            return {
              name: 'notice',
              data: { key: `plain:${run}:${start + offset}`, taskId: task.id, unitCode: task.unit_code },
              opts: { jobId: `${run}-${start + offset}` },
            };
          }),
        );
      }
      await until('the plain workers to drain the queue', timeoutMs, () => queueIdle(queue));
      const [{ n }] = (
        await bench.sql.query(`SELECT count(*)::int AS n FROM notices WHERE dedupe_key LIKE $1`, [`plain:${run}:%`])
      ).rows;
      if (n !== count) throw new Error(`plain workers wrote ${n} of ${count} notices`);
    });
  } finally {
    await stopAll(children);
    await queue.close();
  }
}

/** A plain BullMQ worker process: one INSERT per job, nothing else. Started by processWithPlainBullMQ. */
async function plainWorkerMain(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const worker = new Worker(
    'plain',
    async (job) => {
      await pool.query(
        `INSERT INTO notices (dedupe_key, unit_code, task_id, kind, title, body, created_at) VALUES ($1, $2, $3, 'reminder', '基准提醒', '基准提醒正文', now())`,
        [job.data.key, job.data.unitCode, job.data.taskId],
      );
    },
    {
      connection: { url: loadConfig().REDIS_URL, maxRetriesPerRequest: null },
      prefix: process.env.PLAIN_PREFIX,
      concurrency: CONCURRENCY,
    },
  );
  await worker.waitUntilReady();
  console.log('plain worker ready');
  const stop = async () => {
    await worker.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

/**
 * Scheduling the reminder ladders of many tasks (time and Redis memory) beside plain BullMQ addBulk of
 * as many delayed jobs, then processing due steps into notices with 1, 2 and 4 worker processes beside
 * plain BullMQ workers doing one INSERT per job.
 */
export async function queueBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const taskCount = scale === 'full' ? 100_000 : 10_000;
  const dueCount = scale === 'full' ? 100_000 : 10_000;
  const timeoutMs = scale === 'full' ? 30 * 60_000 : 2 * 60_000;
  const config = loadConfig();
  const redis = new Redis(config.REDIS_URL);
  const bench = await startBenchContext(NAME);
  const results: BenchResult[] = [];
  try {
    await emptyRedisOf(NAME, redis);
    await emptyRedisOf(PLAIN_PREFIX, redis);
    await insertTasks(bench, taskCount);
    const taskIds = (await bench.sql.query(`SELECT id FROM tasks ORDER BY id`)).rows.map(
      (row: { id: string }) => row.id,
    );

    // Scheduling: the engine, then plain BullMQ with as many delayed jobs.
    const engineBefore = await usedMemory(redis);
    const engine = await scheduleWithEngine(bench, taskIds);
    const engineBytes = (await usedMemory(redis)) - engineBefore;
    const steps = (
      await bench.sql.query(
        `SELECT id, task_id, step_key, deadline_version, due_at FROM scheduled_steps WHERE state = 'pending'`,
      )
    ).rows as {
      id: string;
      task_id: string;
      step_key: string;
      deadline_version: number;
      due_at: Date;
    }[];
    const now = bench.clock.now().getTime();
    const plainJobs = steps.map((step) => ({
      jobId: `${step.task_id}:${step.step_key}:v${step.deadline_version}`,
      stepId: step.id,
      delay: Math.max(0, step.due_at.getTime() - now),
    }));
    const plainBefore = await usedMemory(redis);
    const plainMs = await scheduleWithPlainBullMQ(config.REDIS_URL, plainJobs);
    const plainBytes = (await usedMemory(redis)) - plainBefore;
    const label = `${taskCount.toLocaleString('en')} tasks, ${engine.steps.toLocaleString('en')} steps`;
    results.push(
      result(
        'queue.schedule',
        `schedule ladders of ${label}: replan + wake`,
        engine.ms / 1000,
        's',
        plainMs / 1000,
        `plain BullMQ addBulk of ${plainJobs.length} delayed jobs`,
      ),
      result(
        'queue.schedule_wake',
        `  of which JobQueue.wake (${label})`,
        engine.wakeMs / 1000,
        's',
        plainMs / 1000,
        'the same addBulk',
      ),
      result(
        'queue.redis_used_mib',
        `Redis used_memory after scheduling ${label}`,
        engineBytes / 2 ** 20,
        'MiB',
        plainBytes / 2 ** 20,
        'the same plain delayed jobs',
      ),
    );
    console.log(JSON.stringify(results));
    await emptyRedisOf(NAME, redis);
    await emptyRedisOf(PLAIN_PREFIX, redis);

    // Processing: park every step (cancelled), then per run bring back N of them, due a minute ago.
    await bench.sql.query(`UPDATE scheduled_steps SET state = 'cancelled' WHERE state = 'pending'`);
    const pool = (
      await bench.sql.query(`SELECT id FROM scheduled_steps ORDER BY md5(id::text) LIMIT $1`, [
        dueCount * WORKER_COUNTS.length,
      ])
    ).rows.map((row: { id: string }) => row.id);
    if (pool.length < dueCount * WORKER_COUNTS.length)
      throw new Error(`only ${pool.length} steps for ${WORKER_COUNTS.length} runs of ${dueCount}`);
    await bench.sql.query('VACUUM ANALYZE scheduled_steps');
    for (const [index, workers] of WORKER_COUNTS.entries()) {
      const run = await processWithEngine(
        bench,
        pool.slice(index * dueCount, (index + 1) * dueCount),
        workers,
        timeoutMs,
      );
      await emptyRedisOf(NAME, redis);
      const plain = await processWithPlainBullMQ(bench, dueCount, workers, timeoutMs);
      await emptyRedisOf(PLAIN_PREFIX, redis);
      results.push(
        result(
          `queue.deliver_${workers}`,
          `deliver ${dueCount.toLocaleString('en')} due steps (${run.notices.toLocaleString('en')} notices), ${workers} worker process${workers > 1 ? 'es' : ''}`,
          (run.notices / run.ms) * 1000,
          'notices/s',
          (dueCount / plain) * 1000,
          `plain BullMQ Worker, one INSERT per job, ${workers} process${workers > 1 ? 'es' : ''}`,
        ),
        result(
          `queue.deliver_${workers}_steps_per_s`,
          `  the same, steps per second (${workers})`,
          (dueCount / run.ms) * 1000,
          'steps/s',
          (dueCount / plain) * 1000,
          'the same plain jobs/s',
        ),
      );
      console.log(JSON.stringify(results.slice(-2)));
    }
    return results;
  } finally {
    await emptyRedisOf(NAME, redis).catch(() => undefined);
    await emptyRedisOf(PLAIN_PREFIX, redis).catch(() => undefined);
    await redis.quit();
    await bench.close();
  }
}

if (require.main === module && process.argv[2] === 'plain-worker') {
  plainWorkerMain().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
