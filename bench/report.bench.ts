import { randomUUID } from 'node:crypto';
import { computeReport, quarterEndMoment, ReportGenerator, ReportInputsLoader } from '@app/reporting';
import { startBenchContext, type BenchContext } from './bench-context';
import { BenchResult, median, result, Scale, timed } from './bench-result';

const UNITS = [
  'sx-sport',
  'sx-health',
  'sx-education',
  'sx-commerce',
  'sx-culture-tourism',
  'sx-civil-affairs',
  'sx-finance',
  'sx-transport',
  'sx-housing-urban-rural',
  'sx-natural-resources',
];
const SECTIONS = ['推动重点领域提档升级', '实施补短板重点工程', '强化营商环境和政策支持', '加强组织实施'];
const Q3 = { year: 2026, quarter: 3 } as const;

/**
 * A launched document of `measures` synthetic measures (one lead and two co-responsible tasks each),
 * written by plain SQL with the launch events the engine would record, then `extraEvents` more:
 * acknowledgements, and submissions with approvals, spread over the quarter.
 */
async function launchedDocument(bench: BenchContext, measures: number, extraEvents: number): Promise<string> {
  const documentId = randomUUID();
  const sql = (text: string, parameters: unknown[] = []) => bench.sql.query(text, parameters);
  await sql(
    `INSERT INTO documents (id, identity_key, doc_number, title, current_revision) VALUES ($1, $2, $2, '报告基准测试文件', 1)`,
    [documentId, `晋基准〔2026〕${documentId.slice(0, 8)}号`],
  );
  await sql(
    `INSERT INTO document_revisions (document_id, revision, content_sha256, source_text, encoding, sections, diagnostics, changes, imported_at)
     VALUES ($1, 1, 'bench', '', 'utf-8', '[]', '[]', '{}', '2026-05-01T00:00:00Z')`,
    [documentId],
  );
  await sql(
    `INSERT INTO measures (document_id, path, position, section_titles, title, text, line, unit_resolution, needs_assignment, assignment_source, deadline, deadline_source, targets, first_revision, last_changed_revision)
     SELECT $1, 'M.' || i, i, ARRAY[($3::text[])[1 + i % 4]], '基准措施' || i, '基准措施正文' || i, i, '[]', false, 'document', '2026-08-31', 'measure_text',
            CASE WHEN i % 10 = 0 THEN '[{"text":"建设100个","comparator":"gte","value":100,"min":null,"max":null,"unit":"个","subject":"基地"}]'::jsonb ELSE '[]'::jsonb END, 1, 1
     FROM generate_series(1, $2) i`,
    [documentId, measures, SECTIONS],
  );
  await sql(
    `INSERT INTO workflows (id, measure_id, document_id, state, launched_by, launched_at, event_count, last_event_hash)
     SELECT gen_random_uuid(), id, document_id, 'active', 'bench', '2026-06-01T02:00:00Z', 3, '' FROM measures WHERE document_id = $1`,
    [documentId],
  );
  await sql(
    `INSERT INTO tasks (workflow_id, kind, unit_code, assigner_unit_code, title, state, deadline, ack_deadline, assigned_at)
     SELECT w.id, CASE WHEN k = 0 THEN 'lead' ELSE 'co' END, ($2::text[])[1 + (m.position + k) % array_length($2::text[], 1)],
            'sx-supervision-office', m.title, 'assigned', m.deadline, '2026-06-04', w.launched_at
     FROM workflows w JOIN measures m ON m.id = w.measure_id CROSS JOIN generate_series(0, 2) k WHERE w.document_id = $1`,
    [documentId, UNITS],
  );
  await sql(
    `INSERT INTO task_events (workflow_id, seq, task_id, action, to_state, payload, actor_username, occurred_at, prev_hash, hash)
     SELECT t.workflow_id, row_number() OVER (PARTITION BY t.workflow_id ORDER BY t.kind DESC, t.id), t.id, 'launch', 'assigned',
            jsonb_build_object('kind', t.kind, 'unitCode', t.unit_code, 'deadline', t.deadline, 'ackDeadline', t.ack_deadline), 'bench', t.assigned_at, '', ''
     FROM tasks t JOIN workflows w ON w.id = t.workflow_id WHERE w.document_id = $1`,
    [documentId],
  );
  // Half the extra events acknowledge tasks; the other half submit and approve a quarter of them.
  const acknowledged = Math.floor(extraEvents / 2);
  const finished = Math.floor(extraEvents / 4);
  await sql(
    `WITH picked AS (
       SELECT t.id, t.workflow_id, row_number() OVER (ORDER BY t.id) AS n FROM tasks t JOIN workflows w ON w.id = t.workflow_id WHERE w.document_id = $1 ORDER BY t.id LIMIT $2
     ), steps AS (
       SELECT p.*, s.action, s.to_state, s.step FROM picked p
       CROSS JOIN (VALUES ('acknowledge', 'acknowledged', 1), ('submit', 'submitted', 2), ('approve', 'approved', 3)) s(action, to_state, step)
       WHERE s.step = 1 OR p.n <= $3
     )
     INSERT INTO task_events (workflow_id, seq, task_id, action, to_state, payload, actor_username, occurred_at, prev_hash, hash)
     SELECT workflow_id, 3 + row_number() OVER (PARTITION BY workflow_id ORDER BY step, id), id, action, to_state, '{}', 'bench',
            TIMESTAMPTZ '2026-06-02T02:00:00Z' + (step * 20 + n % 30) * INTERVAL '1 day', '', ''
     FROM steps`,
    [documentId, acknowledged, finished],
  );
  await sql('ANALYZE');
  return documentId;
}

/** The baseline: the report's main figures as plain SQL aggregates over the same rows, as of the same moment. */
async function plainAggregates(bench: BenchContext, documentId: string, asOf: Date): Promise<void> {
  const stateAsOf = `
    WITH latest AS (
      SELECT DISTINCT ON (e.task_id) e.task_id, e.to_state FROM task_events e JOIN workflows w ON w.id = e.workflow_id
      WHERE w.document_id = $1 AND e.occurred_at <= $2 AND e.to_state IS NOT NULL ORDER BY e.task_id, e.seq DESC
    ), facts AS (
      SELECT t.unit_code, m.section_titles[1] AS section, l.to_state = 'approved' AS completed,
             l.to_state NOT IN ('approved', 'cancelled') AND t.deadline < ($2 AT TIME ZONE 'Asia/Shanghai')::date AS overdue
      FROM latest l JOIN tasks t ON t.id = l.task_id JOIN workflows w ON w.id = t.workflow_id JOIN measures m ON m.id = w.measure_id
    )`;
  const parameters = [documentId, asOf];
  await bench.sql.query(
    `${stateAsOf} SELECT unit_code, count(*), count(*) FILTER (WHERE completed), count(*) FILTER (WHERE overdue) FROM facts GROUP BY unit_code`,
    parameters,
  );
  await bench.sql.query(
    `${stateAsOf} SELECT section, count(*), count(*) FILTER (WHERE completed), count(*) FILTER (WHERE overdue) FROM facts GROUP BY section`,
    parameters,
  );
  await bench.sql.query(`${stateAsOf} SELECT unit_code, section FROM facts WHERE overdue`, parameters);
}

/** Runs `work` while sampling the process's resident memory; returns the time and the peak. */
async function withPeakMemory(work: () => Promise<unknown>): Promise<{ ms: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const ms = await timed(work);
    return { ms, peakMiB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/** The quarterly report of one large document: figures and files, time and peak memory, beside plain SQL aggregates. */
export async function reportBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const bench = await startBenchContext('supervision_bench_report');
  try {
    const measures = scale === 'full' ? 33_334 : 3_334;
    const extraEvents = scale === 'full' ? 20_000 : 2_000;
    const documentId = await launchedDocument(bench, measures, extraEvents);
    const [{ tasks, events }] = (
      await bench.sql.query(
        `SELECT (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM task_events) AS events`,
      )
    ).rows;
    const asOf = quarterEndMoment(Q3);
    const generator = bench.context.get(ReportGenerator);
    const runs = 3;
    const engine: number[] = [];
    const figuresOnly: number[] = [];
    const plain: number[] = [];
    const key = { documentId, quarter: Q3, asOf, scopeUnitCode: null };
    let peakMiB = 0;
    for (let run = 0; run < runs; run += 1) {
      global.gc?.();
      const measured = await withPeakMemory(() =>
        generator.render({ documentId, quarter: '2026Q3', asOf, scopeUnitCode: null }),
      );
      engine.push(measured.ms);
      figuresOnly.push(await timed(async () => computeReport(await bench.context.get(ReportInputsLoader).load(key))));
      peakMiB = Math.max(peakMiB, measured.peakMiB);
      plain.push(await timed(() => plainAggregates(bench, documentId, asOf)));
    }
    const label = `quarterly report of a document with ${tasks} tasks and ${extraEvents} events after launch (${events} in all; figures, docx, xlsx; median of ${runs})`;
    return [
      result(
        'report.whole',
        label,
        median(engine),
        'ms',
        median(plain),
        'plain SQL aggregates per unit and section and the overdue list',
      ),
      result(
        'report.figures',
        `${label}: the figures alone (read as of the moment and counted)`,
        median(figuresOnly),
        'ms',
        median(plain),
        'plain SQL aggregates per unit and section and the overdue list',
      ),
      result('report.peak_mib', `${label}: peak resident memory of the process`, peakMiB, 'MiB'),
    ];
  } finally {
    await bench.close();
  }
}
