import { randomUUID } from 'node:crypto';
import type { Actor } from '@app/access';
import { DocumentImporter, MeasureAssignmentService } from '@app/documents';
import { LaunchService, TASK_SUMMARY_COLUMNS, TASK_SUMMARY_FROM, TaskQueries } from '@app/workflow';
import { startBenchContext, type BenchContext } from './bench-context';
import { BenchResult, median, percentile, result, Scale, timed } from './bench-result';
import { seedVariant } from './import.bench';

const SUPERVISOR: Actor = { userId: null, username: 'bench', unitCode: 'sx-supervision-office', roles: ['supervisor'] };
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

/** Imports a variant of the 2022 plan, names units for its three placeholder measures, and returns it ready to launch. */
async function readyActionPlan(bench: BenchContext, index: number): Promise<string> {
  const outcome = await bench.context.get(DocumentImporter).import({ content: seedVariant(index) });
  const waiting: { id: string }[] = await bench.sql
    .query(`SELECT id FROM measures WHERE document_id = $1 AND needs_assignment`, [outcome.documentId])
    .then((r) => r.rows);
  for (const measure of waiting) {
    await bench.context.get(MeasureAssignmentService).assign({
      measureId: measure.id,
      leadUnitCode: 'sx-development-reform',
      coUnitCodes: ['sx-commerce'],
      source: 'manual',
      assignedBy: 'bench',
    });
  }
  return outcome.documentId;
}

/** The same rows a launch writes (workflows, tasks, events), by plain SQL without the engine's checks or hash chain. */
async function plainLaunch(bench: BenchContext, documentId: string): Promise<number> {
  await bench.sql.query('BEGIN');
  await bench.sql.query(
    `INSERT INTO workflows (id, measure_id, document_id, state, launched_by, launched_at, event_count, last_event_hash)
     SELECT gen_random_uuid(), m.id, m.document_id, 'active', 'baseline', now(), 0, '' FROM measures m WHERE m.document_id = $1`,
    [documentId],
  );
  const inserted = await bench.sql.query(
    `INSERT INTO tasks (workflow_id, kind, unit_code, assigner_unit_code, title, description, state, deadline, ack_deadline, assigned_at)
     SELECT w.id, CASE WHEN mu.role = 'lead' THEN 'lead' ELSE 'co' END, mu.unit_code, 'sx-supervision-office', m.title, m.text, 'assigned', '2027-12-31', '2026-11-26', now()
     FROM workflows w JOIN measures m ON m.id = w.measure_id JOIN measure_units mu ON mu.measure_id = m.id WHERE w.document_id = $1 RETURNING id, workflow_id`,
    [documentId],
  );
  await bench.sql.query(
    `INSERT INTO task_events (workflow_id, seq, task_id, action, to_state, payload, actor_username, occurred_at, prev_hash, hash)
     SELECT (t->>'workflow_id')::uuid, row_number() OVER (PARTITION BY t->>'workflow_id'), (t->>'id')::uuid, 'launch', 'assigned', '{}', 'baseline', now(), '', ''
     FROM jsonb_array_elements($1::jsonb) t`,
    [JSON.stringify(inserted.rows)],
  );
  await bench.sql.query('COMMIT');
  return inserted.rowCount ?? 0;
}

async function launchActionPlan(bench: BenchContext, runs: number): Promise<BenchResult[]> {
  const engine: number[] = [];
  const plain: number[] = [];
  let tasks = 0;
  for (let run = 0; run < runs; run += 1) {
    const documentId = await readyActionPlan(bench, 1000 + run);
    engine.push(
      await timed(
        async () =>
          (tasks = (
            await bench.context
              .get(LaunchService)
              .launch({ documentId, defaultDeadline: '2027-12-31', actor: SUPERVISOR })
          ).taskCount),
      ),
    );
    const baselineDocument = await readyActionPlan(bench, 2000 + run);
    plain.push(await timed(() => plainLaunch(bench, baselineDocument)));
  }
  return [
    result(
      'workflow.launch_plan_2022_ms',
      `launch the whole 2022 action plan (46 measures, ${tasks} tasks; median of ${runs})`,
      median(engine),
      'ms',
      median(plain),
      'plain SQL inserts of the same workflows, tasks and events',
    ),
  ];
}

/** A document of `count` synthetic measures, each led by one unit with one or two co-responsible units. */
async function syntheticDocument(bench: BenchContext, count: number): Promise<string> {
  const documentId = randomUUID();
  await bench.sql.query(
    `INSERT INTO documents (id, identity_key, doc_number, title, current_revision) VALUES ($1, $2, $2, '基准测试文件', 1)`,
    [documentId, `晋基准〔2026〕${documentId.slice(0, 8)}号`],
  );
  await bench.sql.query(
    `INSERT INTO measures (document_id, path, position, section_titles, title, text, line, unit_resolution, needs_assignment, assignment_source, deadline, deadline_source, targets, first_revision, last_changed_revision)
     SELECT $1, 'M.' || i, i, '{}', '基准措施' || i, '基准措施正文' || i, i, '[]', false, 'document', '2027-12-31', 'measure_text', '[]', 1, 1 FROM generate_series(1, $2) i`,
    [documentId, count],
  );
  await bench.sql.query(
    `INSERT INTO measure_units (measure_id, unit_code, role, position)
     SELECT m.id, ($2::text[])[1 + (m.position + k) % array_length($2::text[], 1)], CASE WHEN k = 0 THEN 'lead' ELSE 'co' END, k
     FROM measures m CROSS JOIN generate_series(0, 1 + m.position % 2) k WHERE m.document_id = $1`,
    [documentId, UNITS],
  );
  return documentId;
}

async function launchSynthetic(bench: BenchContext, count: number): Promise<BenchResult[]> {
  const documentId = await syntheticDocument(bench, count);
  let tasks = 0;
  const engineMs = await timed(
    async () => (tasks = (await bench.context.get(LaunchService).launch({ documentId, actor: SUPERVISOR })).taskCount),
  );
  const baselineDocument = await syntheticDocument(bench, count);
  let plainTasks = 0;
  const plainMs = await timed(async () => (plainTasks = await plainLaunch(bench, baselineDocument)));
  return [
    result(
      'workflow.launch_tasks_per_s',
      `launch ${count} synthetic measures (${tasks} tasks)`,
      (tasks / engineMs) * 1000,
      'tasks/s',
      (plainTasks / plainMs) * 1000,
      'plain SQL inserts of the same rows',
    ),
  ];
}

/** Gives one unit `count` open tasks, spread over the launched workflows, with deadlines over two years. */
async function fillInbox(bench: BenchContext, unitCode: string, count: number): Promise<void> {
  await bench.sql.query(
    `INSERT INTO tasks (workflow_id, kind, unit_code, assigner_unit_code, title, state, deadline, ack_deadline, assigned_at)
     SELECT w.id, 'subtask', $1, 'sx-supervision-office', '收件箱基准任务' || i, (ARRAY['assigned','acknowledged','in_progress','submitted'])[1 + i % 4],
            DATE '2026-01-01' + (i % 730), DATE '2026-01-04', now()
     FROM generate_series(1, $2) i JOIN LATERAL (SELECT id FROM workflows ORDER BY id OFFSET (i % 1000) LIMIT 1) w ON true`,
    [unitCode, count],
  );
  await bench.sql.query('ANALYZE tasks');
}

async function inboxLatency(bench: BenchContext, queries: number): Promise<BenchResult[]> {
  const actor: Actor = { userId: null, username: 'bench', unitCode: 'sx-statistics', roles: ['officer'] };
  const taskQueries = bench.context.get(TaskQueries);
  const plainSql = `SELECT ${TASK_SUMMARY_COLUMNS} FROM ${TASK_SUMMARY_FROM} WHERE t.unit_code = $1 ORDER BY t.deadline ASC, t.id LIMIT 20 OFFSET 0`;
  const plainCount = `SELECT count(*)::int AS total FROM tasks t WHERE t.unit_code = $1`;
  const engine: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < queries; run += 1) {
    engine.push(
      await timed(() => taskQueries.inbox(actor, { scope: 'mine', sort: 'deadline', page: 1, pageSize: 20 })),
    );
    plain.push(
      await timed(async () => {
        await bench.sql.query(plainSql, [actor.unitCode]);
        await bench.sql.query(plainCount, [actor.unitCode]);
      }),
    );
  }
  const [{ total }] = (await bench.sql.query('SELECT count(*)::int AS total FROM tasks')).rows;
  const label = `inbox first page for a unit holding 100,000 tasks (${total} in the database; ${queries} queries)`;
  return [
    result(
      'workflow.inbox_first_page_p50_ms',
      `${label}, p50`,
      percentile(engine, 50),
      'ms',
      percentile(plain, 50),
      'the same SELECT and count in plain SQL',
    ),
    result(
      'workflow.inbox_first_page_p95_ms',
      `${label}, p95`,
      percentile(engine, 95),
      'ms',
      percentile(plain, 95),
      'the same SELECT and count in plain SQL',
    ),
  ];
}

/** Launch (whole plan, 10,000 measures) and the inbox query at 100,000 tasks, beside plain SQL. */
export async function workflowBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const bench = await startBenchContext('supervision_bench_workflow');
  try {
    const results = await launchActionPlan(bench, scale === 'full' ? 5 : 3);
    results.push(...(await launchSynthetic(bench, scale === 'full' ? 10_000 : 2_000)));
    await fillInbox(bench, 'sx-statistics', 100_000);
    results.push(...(await inboxLatency(bench, scale === 'full' ? 500 : 100)));
    return results;
  } finally {
    await bench.close();
  }
}
