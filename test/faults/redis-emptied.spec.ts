import { DataSource } from 'typeorm';
import { DocumentImporter, MeasureAssignmentService } from '@app/documents';
import { QUEUES } from '@app/queues';
import { promoteDueSteps, StepReconciler } from '@app/scheduling';
import { until } from '../support/until';
import { emptyRedisOf } from '@app/testing';
import { startTestApi, type TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { halfDone, STEP_FACTS_SQL, type StepFacts } from '@app/testing';

/** Redis emptied while the workers are busy with a backlog of due steps; the reconciler, as a restarted worker runs it, repairs the rest. */
describe('faults: Redis emptied while workers are busy', () => {
  let api: TestApi;
  let dueIds: string[];

  const facts = (): Promise<StepFacts[]> => api.app.get(DataSource).query(STEP_FACTS_SQL, [dueIds]);

  beforeAll(async () => {
    // Small delivery batches, so Redis is emptied while most of the backlog is still to go.
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'), { workers: true, env: { STEP_BATCH_TASKS: '1' } });
    const tokens = await api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]);
    const { documentId } = await api.app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const waiting: { id: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT id FROM measures WHERE document_id = $1 AND needs_assignment`, [documentId]);
    for (const measure of waiting) {
      await api.app.get(MeasureAssignmentService).assign({
        measureId: measure.id,
        leadUnitCode: 'sx-development-reform',
        coUnitCodes: ['sx-commerce'],
        source: 'manual',
        assignedBy: 'test',
      });
    }
    await api.http
      .post(`/documents/${documentId}/launch`)
      .set('Authorization', `Bearer ${tokens.supervisor}`)
      .send({ defaultDeadline: '2027-01-29' })
      .expect(201);
  });

  afterAll(() => api.close());

  it('delivers every step that came due exactly once, none half', async () => {
    api.clock.set(new Date('2027-02-26T02:00:00Z')); // acknowledgements, reminders, overdue notices and the first escalations are due
    const due: { id: string }[] = await api.app
      .get(DataSource)
      .query(`SELECT id FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1`, [api.clock.now()]);
    dueIds = due.map((step) => step.id);
    expect(dueIds.length).toBeGreaterThan(500);
    await promoteDueSteps(api.queue(QUEUES.steps), api.app.get(DataSource), api.clock.now());

    // Let the workers get going, then empty Redis under them.
    await until(
      '50 steps delivered',
      30_000,
      // A cheap count (the full facts take longer than a few batches): the flush must land mid-way.
      async () =>
        (
          await api.app
            .get(DataSource)
            .query(`SELECT count(*)::int AS n FROM scheduled_steps WHERE id = ANY($1) AND state = 'delivered'`, [
              dueIds,
            ])
        )[0].n >= 50,
    );
    // Counted as the flush starts: the batch loops already running finish their claims without Redis,
    // and a SCAN over a shared Redis can take longer than the rest of the backlog.
    const deliveredAtFlush = (await facts()).filter((step) => step.state === 'delivered').length;
    await emptyRedisOf(api.database.queuePrefix);
    expect(deliveredAtFlush).toBeLessThan(dueIds.length);

    await api.app.get(StepReconciler).reconcile();
    await until('every due step handled', 60_000, async () =>
      (await facts()).every((step) => step.state !== 'pending'),
    );
    // Nobody acted on the tasks, so every due step is still called for: delivered with every notice once.
    const final = await facts();
    expect(final.filter((step) => step.state !== 'delivered')).toEqual([]);
    expect(halfDone(final)).toEqual([]);
    expect(final.filter((step) => step.written !== step.writtenUnits)).toEqual([]);
    expect(final.filter((step) => step.state === 'delivered').length).toBeGreaterThan(deliveredAtFlush);
  }, 180_000); // room for its own waits (30 s and 60 s) on a loaded machine
});
