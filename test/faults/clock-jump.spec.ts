import { DataSource } from 'typeorm';
import { QUEUES, waitForIdle } from '@app/queues';
import { promoteDueSteps } from '@app/scheduling';
import { startTestApi, type TestApi } from '../support/api';

/**
 * The clock jumps weeks ahead (a machine suspended, a clock corrected): every step of the ladder
 * that came due meanwhile fires at once, on 8 concurrent workers. Each is delivered once, and in
 * the ladder's order per task: a step's row is written by the same transaction as the steps before
 * it, or a later one (its xmin, the writing transaction, never precedes theirs).
 */
describe('faults: the clock jumps ahead', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'), { workers: true });
    const tokens = await api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]);
    await api.launchSeedMeasure('二.(一).3', '2027-01-29', tokens.supervisor);
  });

  afterAll(() => api.close());

  it('delivers every step that came due once, each task’s in the ladder’s order', async () => {
    api.clock.set(new Date('2027-03-15T02:00:00Z'));
    await promoteDueSteps(api.queue(QUEUES.steps), api.app.get(DataSource), api.clock.now());
    await waitForIdle(api.queue(QUEUES.steps), 30_000);

    const steps: { taskId: string; key: string; dueAt: Date; state: string; txid: string; notices: number }[] =
      await api.app.get(DataSource).query(
        `SELECT task_id AS "taskId", step_key AS key, due_at AS "dueAt", state, xmin::text AS txid,
              (SELECT count(*)::int FROM notices n WHERE n.step_id = s.id) AS notices
       FROM scheduled_steps s WHERE due_at <= $1 ORDER BY task_id, due_at, step_key COLLATE "C"`,
        [api.clock.now()],
      );
    const tasks = new Set(steps.map((step) => step.taskId));
    expect(tasks.size).toBe(4);
    expect(steps.length).toBeGreaterThan(4 * 5);
    // Nobody acted on the tasks: every step that came due is still called for, so none may end cancelled.
    expect(steps.filter((step) => step.state !== 'delivered' || step.notices === 0)).toEqual([]);
    const [{ repeated }] = await api.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS repeated FROM (SELECT step_id, unit_code FROM notices WHERE step_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) twice`,
      );
    expect(repeated).toBe(0);
    for (const taskId of tasks) {
      const txids = steps.filter((step) => step.taskId === taskId).map((step) => Number(step.txid));
      expect(txids).toEqual([...txids].sort((a, b) => a - b));
    }
  });
});
