import 'reflect-metadata';
import { exitOnUnsupportedNode, loadConfig, repositoryRoot, SystemClock } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { UserService, type Actor } from '@app/access';
import { DocumentImporter, MeasureAssignmentService } from '@app/documents';
import { QUEUES } from '@app/queues';
import { promoteDueSteps } from '@app/scheduling';
import { ChainVerifier, LaunchService } from '@app/workflow';
import { emptyRedisOf, STEP_FACTS_SQL, type StepFacts } from '@app/testing';
import { startBenchContext, type BenchContext } from './bench-context';
import { latenessOf, LatenessScrapes } from './soak-lateness';

/**
 * `npm run soak -- --minutes N [--fault-every S] [--save]`: the API and two workers as separate
 * processes, mixed API traffic from a separate autocannon process, a stream of ladder steps coming
 * due, and a fault every S seconds (30 by default) in rotation: a worker SIGKILLed, Redis emptied of
 * the engine's keys, PostgreSQL's connections cut, a worker stopped gracefully; a killed or stopped
 * worker is restarted, as a process supervisor would.
 * Then it counts: notices expected, delivered, lost, duplicated, and re-checks every hash chain.
 */
/** Its own database, queue prefix and port, so two runs on one machine cannot meet. */
const NAME = `supervision_soak_${process.pid}`;
const DEFAULT_FAULT_EVERY_S = 30;
const DUE_EVERY_MS = 1_000;
const DUE_PER_TICK = 20;
const PASSWORD = 'soak-password-2026';
const SUPERVISOR: Actor = { userId: null, username: 'soak', unitCode: 'sx-supervision-office', roles: ['supervisor'] };
const root = repositoryRoot();

interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** A worker's /metrics port (WORKER_METRICS_PORT). */
  metricsPort?: number;
}

const METRICS_TOKEN = `soak-metrics-${'m'.repeat(20)}`;

/** A worker process serving /metrics on a port of its own. */
async function startWorker(name: string, env: Record<string, string>): Promise<Proc & { metricsPort: number }> {
  const metricsPort = await freePort();
  return {
    ...start(name, 'dist/apps/worker/src/main.js', { ...env, WORKER_METRICS_PORT: String(metricsPort) }),
    metricsPort,
  };
}

function start(name: string, script: string, env: Record<string, string>, args: string[] = []): Proc {
  const child = spawn(process.execPath, [join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return { name, child, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await probe().catch((error: Error) => {
      process.stderr.write(`[soak] waiting for ${what}: ${error.message}\n`);
      return false;
    }))
  ) {
    if (Date.now() > deadline) throw new Error(`soak: ${what} not reached after ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** The whole 2022 action plan, launched, with a leader per unit who can log in. */
async function seed(bench: BenchContext): Promise<void> {
  const { documentId } = await bench.context
    .get(DocumentImporter)
    .import({ content: readFileSync(join(root, 'seeds', 'shanxi-consumer-services-action-plan-2022.txt')) });
  const waiting = (
    await bench.sql.query(`SELECT id FROM measures WHERE document_id = $1 AND needs_assignment`, [documentId])
  ).rows as { id: string }[];
  for (const measure of waiting) {
    await bench.context.get(MeasureAssignmentService).assign({
      measureId: measure.id,
      leadUnitCode: 'sx-development-reform',
      coUnitCodes: ['sx-commerce'],
      source: 'manual',
      assignedBy: 'soak',
    });
  }
  await bench.context.get(LaunchService).launch({ documentId, defaultDeadline: '2027-12-31', actor: SUPERVISOR });
  const users = bench.context.get(UserService);
  await users.create({
    username: 'supervisor',
    unitCode: 'sx-supervision-office',
    roles: ['supervisor'],
    password: PASSWORD,
  });
  for (const unitCode of ['sx-culture-tourism', 'sx-commerce', 'sx-development-reform'])
    await users.create({ username: unitCode, unitCode, roles: ['leader'], password: PASSWORD });
}

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`soak: login ${username} → ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index > 0 ? Number(process.argv[index + 1]) : fallback;
  if (!(value > 0)) throw new Error(`${name} must be a positive number`);
  return value;
}

async function main(): Promise<void> {
  const minutes = numberArgument('--minutes', 1);
  const faultEveryMs = numberArgument('--fault-every', DEFAULT_FAULT_EVERY_S) * 1000;
  const config = loadConfig();
  const apiPort = await freePort();
  const bench = await startBenchContext(NAME, new SystemClock().now());
  const redis = new Redis(config.REDIS_URL);
  const steps = new Queue(QUEUES.steps, {
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: NAME,
  });
  const env = {
    DATABASE_URL: bench.url,
    QUEUE_PREFIX: NAME,
    API_PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    JWT_SECRET: `soak-${'s'.repeat(40)}`,
    METRICS_TOKEN,
  };
  const lateness = new LatenessScrapes(METRICS_TOKEN);
  const liveWorkers = () =>
    procs.flatMap((proc) =>
      proc.metricsPort !== undefined && proc.child.exitCode === null && proc.child.signalCode === null
        ? [{ name: proc.name, metricsPort: proc.metricsPort }]
        : [],
    );
  const procs: Proc[] = [];
  const base = `http://127.0.0.1:${apiPort}`;
  const log = (line: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  try {
    await steps.obliterate({ force: true });
    await seed(bench);
    procs.push(start('api', 'dist/apps/api/src/main.js', env));
    await waitFor('the API', 60_000, async () => (await fetch(`${base}/health`)).ok);
    const workers = [await startWorker('worker-1', env), await startWorker('worker-2', env)];
    procs.push(...workers);
    const callers = [];
    for (const username of ['sx-culture-tourism', 'sx-commerce', 'sx-development-reform', 'supervisor']) {
      const token = await login(base, username);
      const unit = username === 'supervisor' ? 'sx-supervision-office' : username;
      const tasks = (
        await bench.sql.query(`SELECT id FROM tasks WHERE unit_code = $1 OR assigner_unit_code = $1 LIMIT 50`, [unit])
      ).rows as { id: string }[];
      if (tasks.length) callers.push({ token, taskIds: tasks.map((task) => task.id) });
    }
    log(`engine up: API on ${base}, 2 workers; load for ${minutes} min with a fault every ${faultEveryMs / 1000} s`);

    const load = spawn(
      process.execPath,
      [join(root, 'dist/bench/soak-load.js'), base, String(Math.round(minutes * 60)), JSON.stringify(callers)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let loadOutput = '';
    load.stdout!.on('data', (chunk: Buffer) => (loadOutput += chunk.toString()));
    const loadDone = new Promise<void>((resolve) => load.once('exit', () => resolve()));

    const madeDue: string[] = [];
    const faults: string[] = [];
    const endAt = Date.now() + minutes * 60_000;
    let nextFault = Date.now() + faultEveryMs;
    let faultIndex = 0;
    while (Date.now() < endAt) {
      // Steps come due: pending future steps are brought to now and their jobs woken, as time would.
      const due = (
        await bench.sql
          .query(
            `UPDATE scheduled_steps SET due_at = now() WHERE id IN (SELECT id FROM scheduled_steps WHERE state = 'pending' AND due_at > now() ORDER BY random() LIMIT $1) RETURNING id`,
            [DUE_PER_TICK],
          )
          .catch(() => ({ rows: [] }))
      ).rows as { id: string }[];
      madeDue.push(...due.map((row) => row.id));
      await promoteDueSteps(steps, bench.context.get(DataSource), new Date()).catch(() => 0);
      // As Prometheus would, every second: a worker killed next keeps what this scrape saw.
      await lateness.scrape(liveWorkers());
      if (Date.now() >= nextFault) {
        faults.push(await injectFault(faultIndex++, { workers, procs, redis, bench, env, log }));
        nextFault += faultEveryMs;
      }
      await sleep(DUE_EVERY_MS);
    }
    await loadDone;
    const traffic = JSON.parse(loadOutput.trim().split('\n').at(-1) ?? '{}') as {
      requests: number;
      errors: number;
      timeouts: number;
      statuses: Record<string, number>;
      p50: number;
      p95: number;
      p99: number;
    };

    // Recovery: a fresh worker reconciles at start (delivers what came due without a job), then every step must be done.
    log('load over: a fresh worker reconciles, then the count');
    procs.push(await startWorker('worker-final', env));
    await waitFor('every step that came due handled', 10 * 60_000, async () => {
      // A step the engine planned again meanwhile (an action on its task restores its real due time) is no longer due: not counted.
      const [{ pending }] = (
        await bench.sql.query(
          `SELECT count(*)::int AS pending FROM scheduled_steps WHERE id = ANY($1) AND state = 'pending' AND due_at <= now()`,
          [madeDue],
        )
      ).rows;
      return pending === 0;
    });
    await waitFor('every live worker to answer /metrics', 60_000, async () => {
      const live = liveWorkers();
      return (await lateness.scrape(live)) === live.length;
    });
    const fromMetrics = lateness.figures();
    const measured = latenessOf(
      (
        await bench.sql.query(
          `SELECT EXTRACT(EPOCH FROM delivered_at - due_at)::float8 AS seconds FROM scheduled_steps WHERE state = 'delivered'`,
        )
      ).rows.map((row: { seconds: number }) => row.seconds),
    );
    const outcome = await account(bench, madeDue);
    const audit = await verifyChains(bench);
    const summary = {
      minutes,
      requests: traffic.requests,
      errors: (traffic.errors ?? 0) + (traffic.timeouts ?? 0) + (traffic.statuses?.['5xx'] ?? 0),
      error_rate: traffic.requests
        ? ((traffic.errors ?? 0) + (traffic.timeouts ?? 0) + (traffic.statuses?.['5xx'] ?? 0)) / traffic.requests
        : 0,
      p50_ms: Math.round(traffic.p50 * 10) / 10,
      p95_ms: Math.round(traffic.p95 * 10) / 10,
      p99_ms: Math.round(traffic.p99 * 10) / 10,
      steps_due: madeDue.length,
      notices_expected: outcome.expected,
      notices_delivered: outcome.delivered,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
      audit_ok: audit.ok,
      workflows_verified: audit.workflows,
      lateness_metrics: fromMetrics,
      lateness_measured: measured,
      faults,
    };
    log(
      `requests ${summary.requests}, errors ${summary.errors} (${(summary.error_rate * 100).toFixed(2)} %), p50 ${summary.p50_ms} ms, p95 ${summary.p95_ms} ms, p99 ${summary.p99_ms} ms`,
    );
    log(
      `steps due ${summary.steps_due}: notices expected ${summary.notices_expected}, delivered ${summary.notices_delivered}, lost ${summary.lost}, duplicated ${summary.duplicated}; audit chains ${audit.ok ? 'intact' : 'BROKEN'} (${audit.workflows} workflows)`,
    );
    log(
      `lateness (notice committed − step due) from the workers' /metrics: p50 ${fromMetrics.p50_s} s, p99 ${fromMetrics.p99_s} s over ${fromMetrics.count} steps (${JSON.stringify(lateness.perProcess())}); measured in PostgreSQL: p50 ${measured.p50_s} s, p99 ${measured.p99_s} s over ${measured.count}`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (process.argv.includes('--save'))
      writeFileSync(
        join(root, 'bench', 'soak-results.json'),
        `${JSON.stringify({ measuredAt: new Date().toISOString(), ...summary }, null, 2)}\n`,
      );
    process.exitCode = summary.lost === 0 && summary.duplicated === 0 && audit.ok ? 0 : 1;
  } finally {
    for (const proc of procs) if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
    await Promise.all(procs.map((proc) => Promise.race([proc.exited, sleep(15_000)])));
    await steps.obliterate({ force: true }).catch(() => undefined);
    await steps.close();
    await redis.quit();
    await bench.drop();
  }
}

/** A port nobody listens on now: the kernel's choice for a throw-away listener. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface FaultContext {
  workers: Proc[];
  procs: Proc[];
  redis: Redis;
  bench: BenchContext;
  env: Record<string, string>;
  log: (line: string) => void;
}

/** One fault, in rotation, and the restart an operator's process supervisor would do. Returns what it did. */
async function injectFault(index: number, context: FaultContext): Promise<string> {
  const { workers, procs, redis, bench, env, log } = context;
  const slot = index % workers.length;
  const replaceWorker = async (signal: NodeJS.Signals) => {
    workers[slot].child.kill(signal);
    await workers[slot].exited;
    workers[slot] = await startWorker(`worker-${index}`, env);
    procs.push(workers[slot]);
  };
  const kinds = [
    ['worker killed (SIGKILL) and restarted', () => replaceWorker('SIGKILL')],
    // Only the soak's own keys: this Redis may serve others.
    ["Redis emptied of the engine's keys", () => emptyRedisOf(NAME, redis)],
    [
      'PostgreSQL connections cut',
      async () =>
        void (await bench.sql.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [NAME],
        )),
    ],
    ['worker stopped (SIGTERM) and restarted', () => replaceWorker('SIGTERM')],
  ] as const;
  const [label, inject] = kinds[index % kinds.length];
  await inject();
  log(`fault: ${label}`);
  return label;
}

/** Per made-due step still due and called for: the notices its recipients call for, written, and written twice. */
async function account(
  bench: BenchContext,
  stepIds: string[],
): Promise<{ expected: number; delivered: number; lost: number; duplicated: number }> {
  const now = new Date();
  const facts = ((await bench.sql.query(STEP_FACTS_SQL, [stepIds])).rows as StepFacts[]).filter(
    (step) => step.dueAt <= now && !step.cancelledJustly,
  );
  return {
    expected: facts.reduce((sum, step) => sum + step.expected, 0),
    delivered: facts.reduce((sum, step) => sum + step.writtenUnits, 0),
    lost: facts.reduce((sum, step) => sum + Math.max(0, step.expected - step.writtenUnits), 0),
    duplicated: facts.reduce((sum, step) => sum + (step.written - step.writtenUnits), 0),
  };
}

async function verifyChains(bench: BenchContext): Promise<{ ok: boolean; workflows: number }> {
  const workflows = (await bench.sql.query(`SELECT id FROM workflows`)).rows as { id: string }[];
  let ok = true;
  for (const workflow of workflows) ok = (await bench.context.get(ChainVerifier).verify(workflow.id)).ok && ok;
  return { ok, workflows: workflows.length };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
