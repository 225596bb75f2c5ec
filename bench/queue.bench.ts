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
import { BenchResult, percentile, result, Scale, timed } from './bench-result';

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
const WORKER_COUNTS = [1, 2];
/** The 08:30 burst: this many steps due in the same second. */
const BURST = 20_000;
/** How often the burst's deliveries are counted (the lateness figures are upper bounds by this much). */
const BURST_POLL_MS = 50;
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

/** The engine: StepPlanner.replan in batches of 1,000 tasks (one transaction each), then JobQueue.wake of their moments. */
async function scheduleWithEngine(bench: BenchContext, taskIds: string[]): Promise<{ ms: number; wakeUps: number }> {
  const planner = bench.context.get(StepPlanner);
  const queue = bench.context.get(JobQueue);
  const dataSource = bench.context.get(DataSource);
  const moments = new Set<string>();
  const ms = await timed(async () => {
    for (let start = 0; start < taskIds.length; start += REPLAN_BATCH) {
      const batch = taskIds.slice(start, start + REPLAN_BATCH);
      const wakeUps = await dataSource.transaction((manager) => planner.replan(manager, batch, bench.clock.now()));
      await queue.wake(wakeUps);
      for (const wakeUp of wakeUps) moments.add(wakeUp.jobId);
    }
  });
  return { ms, wakeUps: moments.size };
}

/**
 * The raw baseline of the same work: the same step rows, written by one plain multi-row INSERT per
 * batch of 1,000 tasks into a table shaped like `scheduled_steps` (same columns and indexes), no
 * planning, no queue. Only the INSERTs are timed.
 */
async function scheduleWithPlainInsert(bench: BenchContext, taskIds: string[]): Promise<number> {
  await bench.sql.query('DROP TABLE IF EXISTS bench_plain_steps');
  await bench.sql.query('CREATE TABLE bench_plain_steps (LIKE scheduled_steps INCLUDING ALL)');
  let ms = 0;
  try {
    for (let start = 0; start < taskIds.length; start += REPLAN_BATCH) {
      const batch = taskIds.slice(start, start + REPLAN_BATCH);
      const rows = (
        await bench.sql.query(
          `SELECT task_id AS "taskId", step_key AS "stepKey", deadline_version AS "deadlineVersion", kind, due_at AS "dueAt",
                  recipients, escalation_level AS "escalationLevel", quarter
           FROM scheduled_steps WHERE task_id = ANY($1) AND state = 'pending'`,
          [batch],
        )
      ).rows;
      ms += await timed(() =>
        bench.sql.query(
          `INSERT INTO bench_plain_steps (task_id, step_key, deadline_version, kind, due_at, recipients, escalation_level, quarter, state)
           SELECT "taskId", "stepKey", "deadlineVersion", kind, "dueAt", recipients, "escalationLevel", quarter, 'pending'
           FROM jsonb_to_recordset($1::jsonb) AS p("taskId" uuid, "stepKey" text, "deadlineVersion" int, kind text, "dueAt" timestamptz,
                recipients text[], "escalationLevel" int, quarter text)`,
          [JSON.stringify(rows)],
        ),
      );
    }
  } finally {
    await bench.sql.query('DROP TABLE IF EXISTS bench_plain_steps');
  }
  return ms;
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
async function until(what: string, timeoutMs: number, done: () => Promise<boolean>, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Nothing waiting, running or delayed (the plain queue has no recurring job). */
async function queueIdle(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
  return Object.values(counts).every((count) => count === 0);
}

/** N parked steps made due a minute ago (one moment), its wake-up added through the engine's queue port, delivered by `workers` worker processes. */
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
    children.push(...(await startEngineWorkers(bench, workers)));
    const moment = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await bench.sql.query(`UPDATE scheduled_steps SET state = 'pending', due_at = $2 WHERE id = ANY($1)`, [
      stepIds,
      moment,
    ]);
    bench.clock.set(new Date());
    const wakeUps = [momentWakeUp(moment)];
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

/** Starts `count` engine worker processes (compiled app), each ready once its start-up reconcile is done. */
async function startEngineWorkers(bench: BenchContext, count: number): Promise<Child[]> {
  const children: Child[] = [];
  for (let index = 0; index < count; index += 1) {
    children.push(
      await startProcess(
        [join(repositoryRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')],
        { DATABASE_URL: bench.url, QUEUE_PREFIX: NAME, LOG_LEVEL: 'info' },
        'worker started',
      ),
    );
  }
  return children;
}

/**
 * BURST parked steps made due at one second a few seconds ahead, its wake-up added now; `workers`
 * processes deliver them. The delivered count is read every BURST_POLL_MS: a step counts as
 * committed at the first read that sees it (an upper bound on its commit time).
 */
async function burstWithEngine(
  bench: BenchContext,
  stepIds: string[],
  workers: number,
  timeoutMs: number,
): Promise<{ p50: number; p99: number; allMs: number }> {
  const children = await startEngineWorkers(bench, workers);
  try {
    const moment = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000);
    await bench.sql.query(`UPDATE scheduled_steps SET state = 'pending', due_at = $2 WHERE id = ANY($1)`, [
      stepIds,
      moment,
    ]);
    bench.clock.set(new Date());
    await bench.context.get(JobQueue).wake([momentWakeUp(moment)]);
    const seen: number[] = [];
    let delivered = 0;
    await until(
      'the burst delivered',
      timeoutMs,
      async () => {
        const [{ n }] = (
          await bench.sql.query(
            `SELECT count(*)::int AS n FROM scheduled_steps WHERE id = ANY($1) AND state = 'delivered'`,
            [stepIds],
          )
        ).rows;
        const at = Date.now() - moment.getTime();
        for (; delivered < n; delivered += 1) seen.push(at);
        return n === stepIds.length;
      },
      BURST_POLL_MS,
    );
    return { p50: percentile(seen, 50), p99: percentile(seen, 99), allMs: seen[seen.length - 1] };
  } finally {
    await stopAll(children);
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
 * Scheduling the reminder ladders of many tasks (time and Redis memory) beside a plain multi-row
 * INSERT of the same step rows; delivering due steps into notices with 1 and 2 worker processes
 * beside plain BullMQ workers doing one INSERT per job; and the 08:30 burst's lateness.
 */
export async function queueBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const taskCount = scale === 'full' ? 100_000 : 10_000;
  const dueCount = scale === 'full' ? 100_000 : 10_000;
  const timeoutMs = scale === 'full' ? 30 * 60_000 : 5 * 60_000;
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
    results.push(...(await scheduling(bench, redis, taskIds)));
    console.log(JSON.stringify(results));
    await emptyRedisOf(NAME, redis);

    // Delivery: park every step (cancelled), then per run bring back N of them.
    await bench.sql.query(`UPDATE scheduled_steps SET state = 'cancelled' WHERE state = 'pending'`);
    const needed = dueCount * WORKER_COUNTS.length + BURST;
    const pool = (
      await bench.sql.query(`SELECT id FROM scheduled_steps ORDER BY md5(id::text) LIMIT $1`, [needed])
    ).rows.map((row: { id: string }) => row.id);
    if (pool.length < needed) throw new Error(`only ${pool.length} steps for ${needed}`);
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
    await bench.sql.query(`UPDATE scheduled_steps SET state = 'cancelled' WHERE state = 'pending'`);
    const burst = await burstWithEngine(bench, pool.slice(-BURST), 2, timeoutMs);
    await emptyRedisOf(NAME, redis);
    results.push(
      result(
        'queue.burst_p99_lateness_ms',
        `${BURST.toLocaleString('en')} steps due in the same second, 2 worker processes: p99 of committed − due`,
        burst.p99,
        'ms',
      ),
      result('queue.burst_p50_lateness_ms', '  the same, p50', burst.p50, 'ms'),
      result('queue.burst_all_ms', '  the same, the last step committed − due', burst.allMs, 'ms'),
    );
    console.log(JSON.stringify(results.slice(-3)));
    return results;
  } finally {
    await emptyRedisOf(NAME, redis).catch(() => undefined);
    await emptyRedisOf(PLAIN_PREFIX, redis).catch(() => undefined);
    await redis.quit();
    await bench.close();
  }
}

/** The engine's scheduling beside the plain INSERT of the same rows, and Redis bytes per open task. */
async function scheduling(bench: BenchContext, redis: Redis, taskIds: string[]): Promise<BenchResult[]> {
  const before = await usedMemory(redis);
  const engine = await scheduleWithEngine(bench, taskIds);
  const bytes = (await usedMemory(redis)) - before;
  const [{ steps }] = (
    await bench.sql.query(`SELECT count(*)::int AS steps FROM scheduled_steps WHERE state = 'pending'`)
  ).rows;
  const plainMs = await scheduleWithPlainInsert(bench, taskIds);
  const label = `${taskIds.length.toLocaleString('en')} tasks, ${steps.toLocaleString('en')} steps`;
  return [
    result(
      'queue.schedule',
      `schedule ladders of ${label}: replan + wake-ups of ${engine.wakeUps.toLocaleString('en')} moments`,
      (steps / engine.ms) * 1000,
      'steps/s',
      (steps / plainMs) * 1000,
      'plain multi-row INSERT of the same step rows (batches of 1,000 tasks)',
    ),
    result(
      'queue.redis_bytes_per_open_task',
      `Redis used_memory growth per open task after scheduling ${label}`,
      bytes / taskIds.length,
      'bytes',
    ),
    result('queue.wake_ups', `  distinct due moments (one delayed job each) for ${label}`, engine.wakeUps, 'jobs'),
  ];
}

if (require.main === module && process.argv[2] === 'plain-worker') {
  plainWorkerMain().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
