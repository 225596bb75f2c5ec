import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { loadConfig, repositoryRoot } from '@app/common';
import { QUEUES } from '@app/queues';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { until } from '../support/until';
import { buildCompiledApp } from '../support/compiled-app';

const root = repositoryRoot();
const cliMain = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const workerMain = join(root, 'dist', 'apps', 'worker', 'src', 'main.js');

/**
 * A real process commits a launch and dies before its jobs reach Redis: the CLI launches with Redis
 * unreachable, so after the commit it waits on the queue, and is SIGKILLed there. A worker started
 * afterwards must still wake every step, and deliver the ones that came due meanwhile.
 */
describe('faults: a crash between the database commit and the enqueue', () => {
  let database: TestDatabase;
  let sql: Client;
  let queue: Queue;
  const children: ChildProcess[] = [];

  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    DATABASE_URL: database.url,
    QUEUE_PREFIX: database.queuePrefix,
    LOG_LEVEL: 'info',
    ...extra,
  });

  beforeAll(async () => {
    buildCompiledApp();
    database = await createTestDatabase();
    for (const args of [
      ['units:load'],
      ['import', join(root, 'seeds', 'shanxi-consumer-services-action-plan-2022.txt')],
    ]) {
      expect(spawnSync(process.execPath, [cliMain, ...args], { cwd: root, env: env(), encoding: 'utf8' }).status).toBe(
        0,
      );
    }
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    queue = new Queue(QUEUES.steps, { connection: { url: loadConfig().REDIS_URL }, prefix: database.queuePrefix });
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await sql.end();
    await database.drop();
  });

  it('wakes every committed step and delivers the due ones once, after the process that wrote them died', async () => {
    const launch = spawn(
      process.execPath,
      [cliMain, 'launch', '晋政办发〔2022〕45号', '--measure', '二.(一).3', '--deadline', '2099-12-31'],
      {
        cwd: root,
        env: env({ REDIS_URL: 'redis://127.0.0.1:1' }),
        stdio: 'ignore',
      },
    );
    children.push(launch);
    await until(
      'the launch committed',
      60_000,
      async () => (await sql.query(`SELECT count(*)::int AS n FROM scheduled_steps`)).rows[0].n > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(launch.exitCode).toBeNull(); // still waiting to enqueue
    launch.kill('SIGKILL');
    expect(await queue.getJobCounts('delayed', 'waiting')).toEqual({ delayed: 0, waiting: 0 });

    // While no process ran, some steps came due (an hour ago: they go out marked late).
    const { rows: due } = await sql.query(
      `UPDATE scheduled_steps SET due_at = now() - interval '1 hour' WHERE id IN (SELECT id FROM scheduled_steps WHERE kind = 'ack_reminder') RETURNING id`,
    );
    expect(due.length).toBe(4);
    const [{ future }] = (
      await sql.query(
        `SELECT count(DISTINCT due_at)::int AS future FROM scheduled_steps WHERE state = 'pending' AND due_at > now()`,
      )
    ).rows;

    const worker = spawn(process.execPath, [workerMain], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(worker);
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until('the worker started', 60_000, async () => output.includes('worker started'));

    const delivered = await sql.query(
      `SELECT s.state, s.delivered_late AS late, (SELECT count(*)::int FROM notices n WHERE n.step_id = s.id) AS notices FROM scheduled_steps s WHERE s.id = ANY($1)`,
      [due.map((row) => row.id)],
    );
    expect(delivered.rows).toEqual(due.map(() => ({ state: 'delivered', late: true, notices: 1 })));
    const stepJobs = (await queue.getDelayed()).filter((job) => job.name === 'steps.wake');
    expect(stepJobs).toHaveLength(future);
    worker.kill('SIGTERM');
  }, 120_000);
});
