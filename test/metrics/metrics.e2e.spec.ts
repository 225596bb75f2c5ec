import { DataSource } from 'typeorm';
import { Metrics } from '@app/metrics';
import { QUEUES } from '@app/queues';
import { parsePrometheusText, type PrometheusSample, sampleSum } from '@app/testing';
import { runDueSteps, waitForIdle } from '../support/queue-helpers';
import { startTestApi, type TestApi } from '../support/api';
import { until } from '../support/until';
import { fetchWorkerMetrics, idLabels, METRICS_TOKEN, type MetricsWorker, startMetricsWorker } from './support';

const START = new Date('2026-11-22T02:00:00Z');
/** How late the test lets the first steps go out: the lateness histogram must show it. */
const LATENESS_SECONDS = 90;

describe('/metrics on the API and on a worker while a launched measure sends its reminders', () => {
  let api: TestApi;
  let worker: MetricsWorker;
  let dataSource: DataSource;
  let supervisor: string;
  let documentId: string;

  const scrapeApi = async (): Promise<PrometheusSample[]> => {
    const response = await api.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(response.text);
  };
  const scrapeWorker = async (): Promise<PrometheusSample[]> => {
    const response = await fetchWorkerMetrics(worker.port);
    expect(response.status).toBe(200);
    return parsePrometheusText(response.body);
  };
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await dataSource.query(sql, params))[0].n;

  beforeAll(async () => {
    api = await startTestApi(START, { env: { METRICS_TOKEN } });
    dataSource = api.app.get(DataSource);
    worker = await startMetricsWorker(api.database, api.clock);
    ({ supervisor } = await api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]));
    ({ documentId } = await api.launchSeedMeasure('二.(三).2', '2026-12-31', supervisor));
    // The sport bureau connected its own system (nothing listens on port 9): its notices go there too, and fail.
    await dataSource.query(
      `INSERT INTO unit_webhooks (unit_code, url, secret, created_at) VALUES ('sx-sport', 'http://127.0.0.1:9/hook', $1, $2)`,
      ['a-webhook-secret-of-at-least-32-characters', START],
    );
  });

  afterAll(async () => {
    await worker?.context.close();
    await api?.close();
  });

  it('refuses a scrape without the token or with another one, on both', async () => {
    await api.http.get('/metrics').expect(401);
    await api.http.get('/metrics').set('Authorization', 'Bearer not-the-metrics-token').expect(401);
    expect((await fetchWorkerMetrics(worker.port, {})).status).toBe(401);
    expect((await fetchWorkerMetrics(worker.port, { authorization: 'Bearer not-the-metrics-token' })).status).toBe(401);
    expect((await fetchWorkerMetrics(worker.port, undefined, '/other')).status).toBe(404);
  });

  it('shows the ladder pending in PostgreSQL, and the worker-start reconcile', async () => {
    const pending = await count(`SELECT count(*)::int AS n FROM scheduled_steps WHERE state = 'pending'`);
    expect(pending).toBeGreaterThan(0);
    const samples = await scrapeWorker();
    expect(sampleSum(samples, 'supervision_steps_pending')).toBe(pending);
    expect(sampleSum(samples, 'supervision_steps_due_undelivered')).toBe(0);
    expect(sampleSum(samples, 'supervision_reconciler_last_run_timestamp_seconds', { queue: 'steps' })).toBe(
      START.getTime() / 1000,
    );
    expect(sampleSum(samples, 'supervision_calendar_last_official_year')).toBeGreaterThanOrEqual(2026);
    expect(sampleSum(samples, 'supervision_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sampleSum(samples, 'supervision_scrape_source_up')).toBe(5);
  });

  it('counts the assignment notices the launch wrote, in the API process', async () => {
    const assignments = await count(`SELECT count(*)::int AS n FROM notices WHERE kind = 'assignment'`);
    expect(assignments).toBeGreaterThan(0);
    const samples = await scrapeApi();
    expect(sampleSum(samples, 'supervision_notices_total', { kind: 'assignment', channel: 'inbox' })).toBe(assignments);
  });

  it('moves the delivery counters by exactly the steps and notices that went out', async () => {
    const [{ first }] = await dataSource.query(
      `SELECT min(due_at) AS first FROM scheduled_steps WHERE state = 'pending'`,
    );
    api.clock.set(new Date(first.getTime() + LATENESS_SECONDS * 1000));
    expect(sampleSum(await scrapeWorker(), 'supervision_steps_due_undelivered')).toBeGreaterThan(0);
    await runDueSteps(worker.steps, dataSource, api.clock.now());

    const delivered: { kind: string; n: number }[] = await dataSource.query(
      `SELECT kind, count(*)::int AS n FROM scheduled_steps WHERE state = 'delivered' GROUP BY kind`,
    );
    const steps = delivered.reduce((sum, row) => sum + row.n, 0);
    expect(steps).toBeGreaterThan(0);
    const reminders = await count(`SELECT count(*)::int AS n FROM notices WHERE step_id IS NOT NULL`);
    const toWebhook = await count(`SELECT count(*)::int AS n FROM notice_deliveries WHERE channel = 'webhook'`);
    expect(toWebhook).toBeGreaterThan(0);

    const samples = await scrapeWorker();
    for (const { kind, n } of delivered)
      expect(sampleSum(samples, 'supervision_steps_delivered_total', { kind })).toBe(n);
    expect(sampleSum(samples, 'supervision_steps_delivered_late_total')).toBe(0);
    expect(sampleSum(samples, 'supervision_notices_total', { kind: 'reminder', channel: 'inbox' })).toBe(reminders);
    expect(sampleSum(samples, 'supervision_notices_total', { channel: 'webhook' })).toBe(toWebhook);
    expect(sampleSum(samples, 'supervision_step_lateness_seconds_count')).toBe(steps);
    expect(sampleSum(samples, 'supervision_step_lateness_seconds_sum')).toBe(steps * LATENESS_SECONDS);
    expect(sampleSum(samples, 'supervision_step_lateness_seconds_bucket', { le: '60' })).toBe(0);
    expect(sampleSum(samples, 'supervision_step_lateness_seconds_bucket', { le: '120' })).toBe(steps);
    expect(sampleSum(samples, 'supervision_steps_due_undelivered')).toBe(0);
    // One moment came due: its wake-up ran once and fanned the steps out as one delivery batch.
    expect(sampleSum(samples, 'supervision_job_duration_seconds_count', { queue: 'steps', job: 'steps.wake' })).toBe(1);
    expect(sampleSum(samples, 'supervision_job_duration_seconds_count', { queue: 'steps', job: 'steps.deliver' })).toBe(
      1,
    );
  });

  it('counts each failed webhook attempt as a failed delivery and a failed job', async () => {
    const failed = await until('the webhook attempts to fail', 20_000, async () => {
      const samples = await scrapeWorker();
      const attempts = sampleSum(samples, 'supervision_channel_deliveries_total', {
        channel: 'webhook',
        outcome: 'failed',
      });
      return attempts > 0 && samples;
    });
    await waitForIdle(api.queue(QUEUES.webhooks), 20_000);
    const attempts = await count(`SELECT sum(attempts)::int AS n FROM notice_deliveries WHERE channel = 'webhook'`);
    const samples = await scrapeWorker();
    expect(sampleSum(samples, 'supervision_channel_deliveries_total', { channel: 'webhook', outcome: 'failed' })).toBe(
      attempts,
    );
    expect(sampleSum(samples, 'supervision_jobs_failed_total', { queue: 'webhooks', job: 'notice.webhook' })).toBe(
      attempts,
    );
    expect(sampleSum(failed, 'supervision_channel_deliveries_total', { outcome: 'sent' })).toBe(0);
  });

  it('counts HTTP requests by route template and status, and refused logins', async () => {
    await api.http.post('/auth/login').send({ username: 'supervisor', password: 'wrong-password' }).expect(401);
    const samples = await scrapeApi();
    expect(
      sampleSum(samples, 'supervision_http_requests_total', { route: '/documents/:reference/launch', status: '201' }),
    ).toBe(1);
    expect(sampleSum(samples, 'supervision_http_requests_total', { route: '/auth/login', status: '200' })).toBe(1);
    expect(sampleSum(samples, 'supervision_login_failures_total')).toBe(1);
    expect(sampleSum(samples, 'supervision_http_requests_total', { route: '/metrics', status: '401' })).toBe(2);
  });

  it('counts a refused report request in the API, and a generated report with its duration and size in the worker', async () => {
    const post = (quarter: string) =>
      api.http.post('/reports').set('Authorization', `Bearer ${supervisor}`).send({ documentId, quarter });
    await post('2027Q1').expect(400); // not over yet
    const refused = await scrapeApi();
    expect(sampleSum(refused, 'supervision_report_requests_refused_total', { code: 'AS_OF_IN_FUTURE' })).toBe(1);
    const { body } = await post('2026Q3').expect(202);
    await until('the report to be generated', 60_000, async () => {
      const [{ state }] = await dataSource.query('SELECT state FROM reports WHERE id = $1', [body.id]);
      return state === 'done';
    });
    const [{ bytes }] = await dataSource.query(
      'SELECT (octet_length(docx) + octet_length(xlsx))::int AS bytes FROM reports WHERE id = $1',
      [body.id],
    );
    const samples = await scrapeWorker();
    expect(sampleSum(samples, 'supervision_report_generation_duration_seconds_count')).toBe(1);
    expect(sampleSum(samples, 'supervision_report_size_bytes_count')).toBe(1);
    expect(sampleSum(samples, 'supervision_report_size_bytes_sum')).toBe(bytes);
  });

  it('never puts an id in a label, in either process', async () => {
    const samples = [...(await scrapeApi()), ...(await scrapeWorker())];
    expect(samples.length).toBeGreaterThan(100);
    expect(idLabels(samples)).toEqual([]);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(START);
    await api.createUser('officer', 'sx-sport', ['officer']);
  });
  afterAll(() => api?.close());

  it('does not exist, whatever token is sent', async () => {
    await api.http.get('/metrics').expect(404);
    await api.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
  });

  it('still counts refused and throttled logins, by the login route', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1)
      statuses.push((await api.http.post('/auth/login').send({ username: 'officer', password: 'wrong' })).status);
    const refused = statuses.filter((status) => status === 401).length;
    const throttled = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(throttled).toBeGreaterThan(0);
    const samples = parsePrometheusText((await api.app.get(Metrics).scrape()).body);
    expect(sampleSum(samples, 'supervision_login_failures_total')).toBe(refused);
    expect(sampleSum(samples, 'supervision_login_throttled_total')).toBe(throttled);
    expect(sampleSum(samples, 'supervision_http_requests_total', { route: '/auth/login', status: '429' })).toBe(
      throttled,
    );
  });
});
