import type { Actor } from '@app/access';
import { DocumentImporter } from '@app/documents';
import { StepReconciler } from '@app/scheduling';
import { LaunchService } from '@app/workflow';
import { emptyRedisOf } from '@app/testing';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { startTestWorker, TestWorker } from '../support/worker';

const SUPERVISOR: Actor = {
  userId: null,
  username: 'supervisor',
  unitCode: 'sx-supervision-office',
  roles: ['supervisor'],
};

/**
 * The periodic reconcile re-queues only the lost wake-ups of moments coming due within its horizon (a
 * wake-up lost far ahead is rebuilt when it comes near); the one at worker start re-queues every future moment.
 */
describe('the reconciler’s horizon', () => {
  let worker: TestWorker;

  const stepJobs = async (): Promise<string[]> =>
    (await worker.steps.getDelayed())
      .filter((job) => job.name === 'steps.wake')
      .map((job) => new Date((job.data as { at: string }).at).toISOString())
      .sort();
  /** The distinct moments of the pending steps (one wake-up each). */
  const pendingStepIds = async (dueBy?: Date): Promise<string[]> =>
    (
      await worker.dataSource.query(
        `SELECT DISTINCT due_at FROM scheduled_steps WHERE state = 'pending' AND ($1::timestamptz IS NULL OR due_at <= $1) ORDER BY due_at`,
        [dueBy ?? null],
      )
    )
      .map((row: { due_at: Date }) => row.due_at.toISOString())
      .sort();

  beforeAll(async () => {
    // Launched on Tuesday 2026-09-29; the acknowledgement reminder falls at 08:30 on Thursday 2026-10-08.
    worker = await startTestWorker(new Date('2026-09-29T02:00:00Z'));
    const { documentId } = await worker.context.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const [measure] = await worker.dataSource.query(
      `SELECT id FROM measures WHERE document_id = $1 AND path = '二.(三).2'`,
      [documentId],
    );
    await worker.context
      .get(LaunchService)
      .launch({ documentId, measureIds: [measure.id], defaultDeadline: '2026-12-31', actor: SUPERVISOR });
  });

  afterAll(() => worker.close());

  it('within its horizon, wakes only the steps coming due soon; without one, every future step', async () => {
    const all = await pendingStepIds();
    expect(all.length).toBeGreaterThan(5);
    await emptyRedisOf(worker.database.queuePrefix);
    worker.clock.set(new Date('2026-10-08T08:25:00+08:00'));

    const tenMinutes = 10 * 60 * 1000;
    const report = await worker.context.get(StepReconciler).reconcile(tenMinutes);
    const soon = await pendingStepIds(new Date('2026-10-08T08:35:00+08:00'));
    // Only the acknowledgement reminder (08:30) falls within the ten minutes.
    expect(soon).toHaveLength(1);
    expect(report).toEqual({ deliveredLate: 0, rewoken: 1 });
    expect(await stepJobs()).toEqual(soon);

    const full = await worker.context.get(StepReconciler).reconcile();
    expect(full).toEqual({ deliveredLate: 0, rewoken: all.length - 1 });
    expect(await stepJobs()).toEqual(all);
  });
});
