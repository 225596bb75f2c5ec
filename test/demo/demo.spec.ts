import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, repositoryRoot } from '@app/common';
import { buildCompiledApp } from '../support/compiled-app';

const root = repositoryRoot();
const JWT_SECRET = `demo-test-secret-${'x'.repeat(24)}-${process.pid}`;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    if (condition()) return true;
    await new Promise((settle) => setTimeout(settle, 200));
  }
  return false;
}

/** What a newcomer does with `--serve`'s last lines: open the console and sign in as the unit named there. */
async function visit(stdout: string): Promise<{ console: string; login: number; tasksAsLeader: number }> {
  const consoleUrl = /控制台：(\S+)/.exec(stdout)![1];
  const password = /密码（本次运行的所有演示用户）：(\S+)/.exec(stdout)![1];
  const username = /\n {2}(\S+-leader) — /.exec(stdout)![1];
  const page = await fetch(consoleUrl);
  const login = await fetch(new URL('/auth/login', consoleUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const tasks = await fetch(new URL('/tasks?scope=mine', consoleUrl), {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return {
    console: await page.text(),
    login: login.status,
    tasksAsLeader: ((await tasks.json()) as { total: number }).total,
  };
}

/** `npm run demo` as a user runs it (the compiled program, its own database and queues), then its outcome read from that database. */
describe('the demo: a quarter and a half of supervision on the seed documents', () => {
  const name = `supervision_demo_test_${process.pid}`;
  const databaseUrl = (() => {
    const url = new URL(loadConfig().DATABASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  })();
  const out = mkdtempSync(join(tmpdir(), 'demo-'));
  let run: { status: number | null; stdout: string; stderr: string };
  let sql: Client;

  let served: { console: string; login: number; tasksAsLeader: number };

  beforeAll(async () => {
    buildCompiledApp();
    const demo = spawn(
      process.execPath,
      [join(root, 'dist', 'apps', 'demo', 'src', 'main.js'), '--out', out, '--serve'],
      {
        cwd: root,
        // Request logs on: the last test searches them for anything secret.
        env: {
          ...process.env,
          DEMO_DATABASE_URL: databaseUrl,
          DEMO_PORT: '0',
          QUEUE_PREFIX: `demo_test_${process.pid}`,
          LOG_LEVEL: 'info',
          JWT_SECRET,
          // The story must not depend on the server's time zone: everything is reckoned in Asia/Shanghai.
          TZ: 'America/New_York',
        },
      },
    );
    run = { status: null, stdout: '', stderr: '' };
    demo.stdout.setEncoding('utf8').on('data', (chunk: string) => (run.stdout += chunk));
    demo.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
    const exited = new Promise<number | null>((settle) => demo.once('exit', (code) => settle(code)));
    // A bound for a hung run, not a speed test: about 35 s on an idle machine, many minutes on a loaded one.
    const serving = await Promise.race([
      waitFor(() => /-leader — .*\n/.test(run.stdout), 900_000),
      exited.then(() => false),
    ]);
    served = serving ? await visit(run.stdout) : { console: '', login: 0, tasksAsLeader: 0 };
    demo.kill('SIGTERM');
    run.status = await exited;
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  }, 960_000);

  afterAll(async () => {
    await sql.end();
    const server = new URL(databaseUrl);
    server.pathname = '/postgres';
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('with --serve, stays up on its data: the console page, and the unit it names signs in and sees its tasks', () => {
    expect(served.console).toContain('<div id="root">');
    expect(served.login).toBe(200);
    expect(served.tasksAsLeader).toBeGreaterThan(0);
  });

  it('ends with its summary, the report files it names, and exit code 0', () => {
    expect(run.stderr).not.toContain('✗');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('完成，用时');
    const files = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('  /'))
      .map((line) => line.trim());
    expect(files.map((file) => file.slice(file.lastIndexOf('.')))).toEqual([
      '.docx',
      '.xlsx',
      '.json',
      '.docx',
      '.xlsx',
      '.json',
    ]);
    for (const file of files) expect(existsSync(file)).toBe(true);
  });

  it('fired reminders, overdue notices and both escalation levels through the queues, each notice once', async () => {
    const { rows } = await sql.query(`SELECT kind, count(*)::int AS count FROM notices GROUP BY kind`);
    const byKind = Object.fromEntries(rows.map((row: { kind: string; count: number }) => [row.kind, row.count]));
    expect(byKind).toEqual(
      expect.objectContaining({
        reminder: expect.any(Number),
        overdue: expect.any(Number),
        escalation: expect.any(Number),
      }),
    );
    // The bulletins of 2022Q2 (on 1 July) and 2022Q3 (on 8 October), each announced once.
    expect(byKind.report_ready).toBe(2);
    const scheduled = await sql.query(`SELECT quarter FROM reports WHERE origin = 'scheduled' ORDER BY quarter`);
    expect(scheduled.rows.map((row: { quarter: string }) => row.quarter)).toEqual(['2022Q2', '2022Q3']);
    const [levels] = (
      await sql.query(
        `SELECT count(*) FILTER (WHERE escalation_level = 1)::int AS one, count(*) FILTER (WHERE escalation_level = 2)::int AS two FROM tasks`,
      )
    ).rows;
    expect(levels.two).toBeGreaterThan(0);
    const [twice] = (
      await sql.query(
        `SELECT count(*)::int AS count FROM (SELECT step_id, unit_code FROM notices WHERE step_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) repeated`,
      )
    ).rows;
    expect(twice.count).toBe(0);
    const [pending] = (
      await sql.query(
        `SELECT count(*)::int AS count FROM scheduled_steps WHERE state = 'pending' AND due_at <= '2022-10-14T10:05:00Z'`,
      )
    ).rows;
    expect(pending.count).toBe(0);
  });

  it('generated the quarter’s report on schedule, with the figures the tasks’ history gives', async () => {
    const [report] = (
      await sql.query(
        `SELECT figures FROM reports WHERE origin = 'scheduled' AND state = 'done' AND quarter = '2022Q3'`,
      )
    ).rows;
    const asOf = '2022-09-30T15:59:59.999Z';
    const [expected] = (
      await sql.query(
        `SELECT count(*)::int AS tasks,
                count(*) FILTER (WHERE approved.at IS NOT NULL)::int AS completed,
                count(*) FILTER (WHERE approved.at IS NULL AND t.deadline < '2022-09-30')::int AS overdue
         FROM tasks t LEFT JOIN LATERAL (SELECT max(occurred_at) AS at FROM task_events e WHERE e.task_id = t.id AND e.action = 'approve' AND e.occurred_at <= $1) approved ON true`,
        [asOf],
      )
    ).rows;
    expect(report.figures.overall).toMatchObject(expected);
    expect(report.figures.overall.overdue).toBeGreaterThan(0);
    expect(report.figures.overall.completed).toBeGreaterThan(0);
  });

  it('plays the same story every run: the figures of the plan, exactly', async () => {
    const { rows } = await sql.query(`SELECT kind, count(*)::int AS count FROM notices GROUP BY kind ORDER BY kind`);
    expect(Object.fromEntries(rows.map((row: { kind: string; count: number }) => [row.kind, row.count]))).toEqual({
      // One per task assigned; submissions and progress reports asking for review, and their answers.
      assignment: 195,
      review_request: 246,
      review_result: 246,
      escalation: 234,
      overdue: 358,
      reminder: 511,
      report_ready: 2,
    });
    const [tasks] = (
      await sql.query(
        `SELECT count(*)::int AS tasks,
                count(*) FILTER (WHERE escalation_level >= 1)::int AS escalated,
                count(*) FILTER (WHERE escalation_level >= 2)::int AS flagged,
                count(*) FILTER (WHERE state = 'approved')::int AS approved,
                (SELECT count(*)::int FROM workflows WHERE state = 'closed') AS closed
         FROM tasks`,
      )
    ).rows;
    expect(tasks).toEqual({ tasks: 195, escalated: 35, flagged: 33, approved: 65, closed: 11 });
    const [report] = (await sql.query(`SELECT figures FROM reports WHERE origin = 'scheduled' AND quarter = '2022Q3'`))
      .rows;
    expect(report.figures.overall).toMatchObject({
      tasks: 195,
      acknowledged: 168,
      completed: 65,
      completedOnTime: 49,
      overdue: 33,
      lateAcknowledgements: 64,
      missingReports: 63,
      completionRate: 0.3333,
      onTimeRate: 0.7538,
    });
  });

  it('logs every request of the run without a token, a password hash or the signing secret', async () => {
    const logs = `${run.stdout}\n${run.stderr}`;
    expect(logs).toContain('"msg":"request completed"');
    expect(logs).toContain('"authorization":"[redacted]"');
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
    expect(logs).not.toContain(JWT_SECRET);
    expect(logs).not.toContain('scrypt$');
    const [{ hash }] = (await sql.query(`SELECT password_hash AS hash FROM users WHERE username = 'supervisor'`)).rows;
    expect(logs).not.toContain(hash.split('$').at(-1));
  });
});
