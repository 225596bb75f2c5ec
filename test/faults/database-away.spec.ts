import { DataSource } from 'typeorm';
import { QUEUES } from '@app/queues';
import { promoteDueSteps } from '@app/scheduling';
import { waitForIdle } from '../support/queue-helpers';
import { until } from '../support/until';
import { startTestApi, type TestApi } from '../support/api';

/** PostgreSQL goes away mid-run (its connections cut, new ones refused) and comes back. */
describe('faults: the database away and back', () => {
  let api: TestApi;
  let tokens: Record<string, string>;
  let taskId: string;

  const dueSteps = async () =>
    (await api.app
      .get(DataSource)
      .query(
        `SELECT id, state, step_key AS key, deadline_version AS "deadlineVersion" FROM scheduled_steps WHERE task_id = $1 AND due_at <= $2 AND state <> 'cancelled' ORDER BY id`,
        [taskId, api.clock.now()],
      )) as { id: string; state: string; key: string; deadlineVersion: number }[];

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'), { workers: true });
    tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['sport', 'sx-sport', 'leader'],
    ]);
    await api.launchSeedMeasure('二.(三).2', '2027-03-31', tokens.supervisor);
    [{ id: taskId }] = await api.app.get(DataSource).query(`SELECT id FROM tasks`);
  });

  afterAll(async () => {
    await api.database.comeBack();
    await api.close();
  });

  it('answers 503 with a clear error while PostgreSQL is away, writes nothing, and recovers by itself', async () => {
    const before = await api.http.get(`/tasks/${taskId}`).set('Authorization', `Bearer ${tokens.sport}`).expect(200);
    await api.database.goAway();
    for (const request of [
      api.http.get('/tasks').set('Authorization', `Bearer ${tokens.sport}`),
      api.http.post(`/tasks/${taskId}/actions/acknowledge`).set('Authorization', `Bearer ${tokens.sport}`),
    ]) {
      const response = await request;
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: '数据库暂时不可用，请稍后重试',
      });
    }
    expect((await api.http.get('/health')).status).toBe(503);

    await api.database.comeBack();
    const after = await api.http.get(`/tasks/${taskId}`).set('Authorization', `Bearer ${tokens.sport}`).expect(200);
    expect(after.body).toMatchObject({ state: 'assigned', version: before.body.version });
    await api.http
      .post(`/tasks/${taskId}/actions/acknowledge`)
      .set('Authorization', `Bearer ${tokens.sport}`)
      .expect(200);
  });

  it('retries the jobs that failed while it was away, and delivers every due step once', async () => {
    api.clock.set(new Date('2027-04-20T02:00:00Z')); // past the deadline and the first escalation
    const due = await dueSteps();
    expect(due.length).toBeGreaterThan(1);
    const steps = api.queue(QUEUES.steps);
    await api.database.goAway();
    expect(await promoteDueSteps(steps, api.app.get(DataSource), api.clock.now())).toBeGreaterThan(0);
    // The woken jobs fail against the absent database and wait to retry (exponential backoff from 1 s).
    await until('a failed attempt waiting to retry', 10_000, async () =>
      (await steps.getDelayed()).some((job) => job.name === 'steps.wake' && job.attemptsMade > 0),
    );
    await api.database.comeBack();
    await until('every due step handled', 30_000, async () =>
      (await dueSteps()).every((step) => step.state !== 'pending'),
    );
    await waitForIdle(api.queue(QUEUES.steps));
    const notices: { step: string; count: number }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT step_id AS step, count(*)::int AS count FROM notices WHERE step_id = ANY($1) GROUP BY step_id, unit_code`,
        [due.map((step) => step.id)],
      );
    expect(notices.every((row) => row.count === 1)).toBe(true);
    // The task stayed open and overdue, so every step that came due was still called for: all delivered.
    const handled = await dueSteps();
    expect(handled.map((step) => step.state)).toEqual(due.map(() => 'delivered'));
    expect(new Set(notices.map((row) => row.step)).size).toBe(due.length);
  });
});
