import type { Actor } from '@app/access';
import { DocumentImporter } from '@app/documents';
import { StepReconciler } from '@app/scheduling';
import { ChainVerifier, LaunchService, TaskActionService } from '@app/workflow';
import { runDueSteps } from '../support/queue-helpers';
import { emptyRedisOf } from '@app/testing';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { startTestWorker, TestWorker } from '../support/worker';

const SUPERVISOR: Actor = {
  userId: null,
  username: 'supervisor',
  unitCode: 'sx-supervision-office',
  roles: ['supervisor'],
};
const SPORT_OFFICER: Actor = { userId: null, username: 'sport-officer', unitCode: 'sx-sport', roles: ['officer'] };
const SPORT_LEADER: Actor = { userId: null, username: 'sport-leader', unitCode: 'sx-sport', roles: ['leader'] };

/** 08:30 on a date in Asia/Shanghai. */
const morning = (date: string) => new Date(`${date}T08:30:00+08:00`);

describe('reminders and escalations on the real queue', () => {
  let worker: TestWorker;
  let taskId: string;

  beforeAll(async () => {
    // Tuesday 2026-09-29, the eve of the National Day holiday (Oct 1-7; Sat Oct 10 is a make-up working day).
    worker = await startTestWorker(new Date('2026-09-29T02:00:00Z'));
    const { documentId } = await worker.context.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const [measure] = await worker.dataSource.query(
      `SELECT id FROM measures WHERE document_id = $1 AND path = '二.(三).2'`,
      [documentId],
    );
    const outcome = await worker.context
      .get(LaunchService)
      .launch({ documentId, measureIds: [measure.id], defaultDeadline: '2026-12-31', actor: SUPERVISOR });
    [{ id: taskId }] = await worker.dataSource.query(`SELECT id FROM tasks WHERE workflow_id = $1`, [
      outcome.launched[0].workflowId,
    ]);
    // The sport bureau connected its own system: ladder notices go there too.
    await worker.dataSource.query(
      `INSERT INTO unit_webhooks (unit_code, url, secret, created_at) VALUES ('sx-sport', 'http://127.0.0.1:9/hook', $1, $2)`,
      ['a-webhook-secret-of-at-least-32-characters', worker.clock.now()],
    );
  });

  afterAll(() => worker.close());

  const notices = (
    kind?: string,
  ): Promise<{ kind: string; unit_code: string; title: string; delivered_late: boolean; due_at: Date }[]> =>
    worker.dataSource.query(
      `SELECT kind, unit_code, title, delivered_late, due_at FROM notices WHERE task_id = $1 ${kind ? 'AND kind = $2' : "AND kind <> 'assignment'"} ORDER BY created_at, id`,
      kind ? [taskId, kind] : [taskId],
    );
  const pending = (): Promise<{ kind: string; step_key: string; due_at: Date; deadline_version: number }[]> =>
    worker.dataSource.query(
      `SELECT kind, step_key, due_at, deadline_version FROM scheduled_steps WHERE task_id = $1 AND state = 'pending' ORDER BY due_at`,
      [taskId],
    );

  it('plans the ladder as pending steps with a delayed wake-up for each moment', async () => {
    const steps = await pending();
    expect(steps.map((step) => step.kind)).toEqual(
      expect.arrayContaining(['ack_reminder', 'ack_overdue', 'deadline_reminder', 'deadline_overdue', 'escalation']),
    );
    const jobs = (await worker.steps.getDelayed()).filter((job) => job.name === 'steps.wake');
    expect(jobs).toHaveLength(new Set(steps.map((step) => step.due_at.getTime())).size);
  });

  it('sends the acknowledgement reminder on the second working day, after the holiday', async () => {
    const ackReminder = (await pending()).find((step) => step.kind === 'ack_reminder')!;
    expect(ackReminder.due_at).toEqual(morning('2026-10-08'));
    worker.clock.set(morning('2026-10-02'));
    await runDueSteps(worker.steps, worker.dataSource, worker.clock.now());
    expect(await notices()).toEqual([]);
    worker.clock.set(morning('2026-10-08'));
    await runDueSteps(worker.steps, worker.dataSource, worker.clock.now());
    const sent = (await notices()).filter((notice) => notice.title.includes('签收提醒'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'reminder', unit_code: 'sx-sport', delivered_late: false });
    const webhooks = await worker.dataSource.query(
      `SELECT d.state, d.not_before FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id WHERE n.task_id = $1 AND n.title LIKE '%签收提醒%'`,
      [taskId],
    );
    expect(webhooks).toEqual([{ state: 'pending', not_before: morning('2026-10-08') }]);
  });

  it('never sends the same step twice, whatever runs again', async () => {
    const before = await notices();
    expect(before.length).toBeGreaterThan(0);
    await runDueSteps(worker.steps, worker.dataSource, worker.clock.now());
    await worker.context.get(StepReconciler).reconcile();
    const completed = await worker.steps.getCompleted();
    expect(completed.length).toBeGreaterThan(0);
    const finishedBefore = new Map(completed.map((job) => [job.id!, job.finishedOn!]));
    await new Promise((settle) => setTimeout(settle, 5)); // a later millisecond, so a re-run shows in finishedOn
    for (const job of completed) await job.retry('completed');
    await runDueSteps(worker.steps, worker.dataSource, worker.clock.now());
    const reran = await Promise.all(completed.map((job) => worker.steps.getJob(job.id!)));
    expect(reran.filter((job) => !(job!.finishedOn! > finishedBefore.get(job!.id!)!))).toEqual([]);
    expect(await notices()).toEqual(before);
  });

  it('drops the acknowledgement steps once the task is acknowledged', async () => {
    await worker.context.get(TaskActionService).execute({ taskId, action: 'acknowledge', actor: SPORT_OFFICER });
    expect((await pending()).some((step) => step.kind.startsWith('ack_'))).toBe(false);
  });

  it('replaces the deadline steps when an extension moves the deadline', async () => {
    const before = await pending();
    await worker.context
      .get(TaskActionService)
      .execute({ taskId, action: 'request_extension', actor: SPORT_OFFICER, until: '2027-01-29', reason: '赛事延期' });
    await worker.context.get(TaskActionService).execute({ taskId, action: 'approve_extension', actor: SUPERVISOR });
    const after = await pending();
    expect(before.filter((step) => step.kind.startsWith('deadline')).every((step) => step.deadline_version === 1)).toBe(
      true,
    );
    expect(
      after
        .filter((step) => step.kind.startsWith('deadline') || step.kind === 'escalation')
        .every((step) => step.deadline_version === 2),
    ).toBe(true);
    const cancelled = await worker.dataSource.query(
      `SELECT count(*)::int AS count FROM scheduled_steps WHERE task_id = $1 AND state = 'cancelled' AND deadline_version = 1 AND kind = 'deadline_overdue'`,
      [taskId],
    );
    expect(cancelled[0].count).toBe(1);
  });

  it('rebuilds every future job after Redis is emptied, and delivers what came due meanwhile exactly once, marked late', async () => {
    await emptyRedisOf(worker.database.queuePrefix);
    expect(await worker.steps.getDelayed()).toHaveLength(0);

    worker.clock.set(morning('2027-01-18'));
    const due = (await pending()).filter((step) => step.due_at <= worker.clock.now());
    expect(due.length).toBeGreaterThan(0);
    const report = await worker.context.get(StepReconciler).reconcile();
    expect(report.deliveredLate).toBe(due.length);
    const late = (await notices()).filter((notice) => notice.delivered_late);
    expect(late.length).toBeGreaterThanOrEqual(due.length);
    expect(late.every((notice) => notice.due_at !== null)).toBe(true);

    const future = await pending();
    expect(report.rewoken).toBe(future.length);
    expect((await worker.steps.getDelayed()).filter((job) => job.name === 'steps.wake').length).toBe(future.length);
    // Run again: nothing is missing, nothing is added or sent; one lost job is all it puts back.
    expect(await worker.context.get(StepReconciler).reconcile()).toEqual({ deliveredLate: 0, rewoken: 0 });
    await (await worker.steps.getDelayed()).find((job) => job.name === 'steps.wake')!.remove();
    expect((await worker.context.get(StepReconciler).reconcile()).rewoken).toBe(1);
    expect((await notices()).filter((notice) => notice.delivered_late)).toHaveLength(late.length);
  });

  it('escalates an overdue task in order, raising its escalation level, and approval stops the rest', async () => {
    worker.clock.set(morning('2027-02-10'));
    await runDueSteps(worker.steps, worker.dataSource, worker.clock.now());
    // Both came due in the same run: the order their notices were written in (notices.seq) is the delivery order.
    const deadlineSteps: { kind: string; step_key: string; due_at: Date }[] = await worker.dataSource.query(
      `SELECT s.kind, s.step_key, s.due_at FROM scheduled_steps s JOIN notices n ON n.step_id = s.id
       WHERE s.task_id = $1 AND s.state = 'delivered' AND s.kind IN ('deadline_overdue', 'escalation')
       GROUP BY s.id ORDER BY min(n.seq)`,
      [taskId],
    );
    expect(deadlineSteps.map((step) => step.step_key)).toEqual(['deadline_overdue', 'escalation.L1']);
    expect(deadlineSteps[0].due_at).toEqual(new Date('2027-01-29T18:00:00+08:00'));
    expect(deadlineSteps[1].due_at).toEqual(morning('2027-02-05'));
    const [task] = await worker.dataSource.query('SELECT escalation_level FROM tasks WHERE id = $1', [taskId]);
    expect(task.escalation_level).toBe(1);
    // The level was raised by an event in the task's chain, written by the engine at delivery.
    const escalations = await worker.dataSource.query(
      `SELECT actor_username, payload, occurred_at FROM task_events WHERE task_id = $1 AND action = 'escalate'`,
      [taskId],
    );
    expect(escalations).toEqual([
      {
        actor_username: 'system',
        payload: { level: 1, stepKey: 'escalation.L1' },
        occurred_at: morning('2027-02-10'),
      },
    ]);
    const [{ workflow_id: workflowId }] = await worker.dataSource.query('SELECT workflow_id FROM tasks WHERE id = $1', [
      taskId,
    ]);
    expect(await worker.context.get(ChainVerifier).verify(workflowId)).toMatchObject({ ok: true });

    await worker.context.get(TaskActionService).execute({ taskId, action: 'start', actor: SPORT_OFFICER });
    await worker.context.get(TaskActionService).execute({ taskId, action: 'submit', actor: SPORT_LEADER });
    await worker.context.get(TaskActionService).execute({ taskId, action: 'approve', actor: SUPERVISOR });
    expect(await pending()).toEqual([]);
    const sent = (await notices()).length;
    worker.clock.set(morning('2027-06-30'));
    await worker.context.get(StepReconciler).reconcile();
    expect(await notices()).toHaveLength(sent);
  });
});
