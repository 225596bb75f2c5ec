import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, shanghaiDate } from '@app/common';
import { Metrics } from '@app/metrics';
import { NoticeOutbox, type NewNotice } from '@app/notifications';
import { JobQueue, jobId, UnitOfWork, type WakeUp, type Work } from '@app/queues';
import { CalendarDaysStore, WorkingCalendar } from '@app/calendar';
import { deadlineDueDay, stepApplies } from '../ladder';
import { ScheduledStepEntity } from './scheduled-step.entity';
import { stepNotices } from './step-notices';
import { LADDER_TASK_SQL, StepPlanner, type TaskLadderRow } from './step-planner.service';
import { TaskEscalation } from './task-escalation';

/** A step more than this late went out because no job woke it in time (the reconciler found it). */
const LATE_AFTER_MS = 5 * 60_000;

/** Province-level leadership (挂牌督办 goes here). */
export const LEADERSHIP_UNIT_CODE = 'sx-government';

/** How many due steps one claim looks at to find unlocked tasks (the rest wait for the next claim). */
const WINDOW_PER_TASK = 8;
/** A moment's burst goes out as at most this many batch jobs (each claims batches until none is left). */
const MAX_PARTS = 8;
/** While every due task is held by another batch (or a task action), look again this often… */
const RETRY_LOCKED_MS = 50;
/** …for at most this long; after that the periodic reconcile is the backstop. */
const GIVE_UP_LOCKED_MS = 30_000;

/** What one batch transaction did. */
export interface BatchOutcome {
  /** Tasks the batch claimed (0: none was due and free). */
  tasks: number;
  delivered: number;
  cancelled: number;
  notices: number;
  late: number;
}

/** Due steps of a claimed task, as the batch decides them. */
interface Decision {
  step: ScheduledStepEntity;
  task: TaskLadderRow;
  applies: boolean;
  late: boolean;
}

const STEP_COLUMNS = `id, task_id AS "taskId", step_key AS "stepKey", deadline_version AS "deadlineVersion", kind, due_at AS "dueAt",
  recipients, escalation_level AS "escalationLevel", quarter, state, delivered_at AS "deliveredAt", delivered_late AS "deliveredLate"`;

/**
 * Delivers due ladder steps in batches. A batch claims due tasks with `FOR UPDATE SKIP LOCKED` (so
 * every worker shares a burst, none waits for another), takes all of each task's due pending steps
 * in the ladder's order (due time, then key), decides each against the task's current state and
 * writes them set-based in one transaction: one multi-row insert of notices (their unique keys make
 * a repeat write nothing), one update of the steps. All or nothing: a batch killed mid-way leaves its
 * steps pending for the next claim.
 */
@Injectable()
export class StepDeliveryService {
  private readonly logger = new Logger(StepDeliveryService.name);
  private readonly batchTasks: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly planner: StepPlanner,
    private readonly calendar: WorkingCalendar,
    private readonly calendarDays: CalendarDaysStore,
    private readonly notices: NoticeOutbox,
    private readonly escalation: TaskEscalation,
    private readonly metrics: Metrics,
    private readonly queue: JobQueue,
    config: AppConfig,
  ) {
    this.batchTasks = config.STEP_BATCH_TASKS;
  }

  /**
   * Claims and delivers batches until no due step is left; while the due tasks left are all held by
   * other transactions, waits for them (bounded). Returns the sum of the batches.
   */
  async deliverDue(): Promise<BatchOutcome> {
    const total: BatchOutcome = { tasks: 0, delivered: 0, cancelled: 0, notices: 0, late: 0 };
    let lockedSince: number | undefined;
    for (;;) {
      const batch = await this.deliverBatch();
      addTo(total, batch);
      if (batch.tasks > 0) {
        lockedSince = undefined;
        continue;
      }
      if (!(await this.anyDue())) return total;
      lockedSince ??= Date.now();
      if (Date.now() - lockedSince > GIVE_UP_LOCKED_MS) return total;
      await new Promise((resolve) => setTimeout(resolve, RETRY_LOCKED_MS));
    }
  }

  /**
   * A due moment's wake-up: hands the steps due by now to the queue as delivery batches (up to
   * MAX_PARTS, so every worker process takes a share), with ids from the moment, so a wake-up run
   * twice adds them once. Returns how many it asked for.
   */
  async fanOut(at: Date): Promise<number> {
    const [{ due }]: { due: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS due FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1`,
      [this.clock.now()],
    );
    const parts = Math.min(MAX_PARTS, Math.ceil(due / this.batchTasks));
    const batches: WakeUp[] = Array.from({ length: parts }, (_, part) => ({
      name: 'steps.deliver',
      data: { at: at.toISOString(), part },
      jobId: jobId('steps.deliver', { at, part }),
    }));
    await this.queue.wake(batches);
    return parts;
  }

  /** One claim, decided and written in one transaction. */
  async deliverBatch(): Promise<BatchOutcome> {
    // Another process may have entered calendar days: judge the batch with the calendar as it is now.
    await this.calendarDays.refreshIfChanged();
    const started = performance.now();
    const outcome = await this.unitOfWork.run(async (work) => {
      const now = this.clock.now();
      const taskIds = await this.claimTasks(work, now);
      if (taskIds.length === 0) return { tasks: 0, delivered: 0, cancelled: 0, notices: 0, late: 0 };
      const decisions = await this.decide(work, taskIds, now);
      return { tasks: taskIds.length, ...(await this.write(work, decisions, now)) };
    });
    if (outcome.tasks > 0) this.logBatch(outcome, performance.now() - started);
    return outcome;
  }

  private async anyDue(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1 LIMIT 1`,
      [this.clock.now()],
    );
    return rows.length > 0;
  }

  /**
   * Locks up to a batch of tasks with due pending steps, earliest due first, skipping tasks another
   * transaction holds (a batch of another worker, a task action). Tasks are locked before their steps,
   * in the order task actions take them, so the two never deadlock.
   */
  private async claimTasks(work: Work, now: Date): Promise<string[]> {
    const rows: { id: string }[] = await work.manager.query(
      `WITH due AS (
         SELECT task_id, min(due_at) AS first FROM (
           SELECT task_id, due_at FROM scheduled_steps WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at, task_id LIMIT $2
         ) w GROUP BY task_id)
       SELECT t.id FROM tasks t JOIN due ON due.task_id = t.id ORDER BY due.first, t.id LIMIT $3 FOR UPDATE OF t SKIP LOCKED`,
      [now, this.batchTasks * WINDOW_PER_TASK, this.batchTasks],
    );
    return rows.map((row) => row.id);
  }

  /** Every due pending step of the claimed tasks, in each task's ladder order, judged against the task now. */
  private async decide(work: Work, taskIds: string[], now: Date): Promise<Decision[]> {
    const { manager } = work;
    const steps: ScheduledStepEntity[] = await manager.query(
      `SELECT ${STEP_COLUMNS} FROM scheduled_steps WHERE task_id = ANY($1) AND state = 'pending' AND due_at <= $2
       ORDER BY task_id, due_at, step_key COLLATE "C" FOR UPDATE`,
      [taskIds, now],
    );
    const tasks: TaskLadderRow[] = await manager.query(`${LADDER_TASK_SQL} WHERE t.id = ANY($1)`, [taskIds]);
    const byId = new Map(tasks.map((task) => [task.id, task]));
    return steps.map((step) => {
      const task = byId.get(step.taskId)!;
      const applies = stepApplies(
        task,
        { key: step.stepKey, deadlineVersion: step.deadlineVersion },
        this.planner.ladderFor(task),
        this.calendar,
      );
      return { step, task, applies, late: now.getTime() - new Date(step.dueAt).getTime() > LATE_AFTER_MS };
    });
  }

  /** The batch's notices in one insert, its steps in one update, escalations in the ladder's order. */
  private async write(work: Work, decisions: Decision[], now: Date): Promise<Omit<BatchOutcome, 'tasks'>> {
    const delivered = decisions.filter((decision) => decision.applies);
    const overdue = new Map<string, number>();
    const notices: NewNotice[] = delivered.flatMap(({ step, task, late }) => {
      const overdueWorkingDays = overdue.get(task.id) ?? this.overdueWorkingDays(task, now);
      overdue.set(task.id, overdueWorkingDays);
      return stepNotices(step, { ...task, overdueWorkingDays }, LEADERSHIP_UNIT_CODE, late);
    });
    const written = await this.notices.write(work, notices, now);
    await work.manager.query(
      `UPDATE scheduled_steps s SET state = u.state, delivered_at = CASE WHEN u.state = 'delivered' THEN $4::timestamptz END,
              delivered_late = u.late
       FROM unnest($1::uuid[], $2::text[], $3::boolean[]) AS u(id, state, late) WHERE s.id = u.id`,
      [
        decisions.map(({ step }) => step.id),
        decisions.map(({ applies }) => (applies ? 'delivered' : 'cancelled')),
        decisions.map(({ applies, late }) => applies && late),
        now,
      ],
    );
    await this.raiseEscalations(work, delivered, now);
    for (const { step, late } of delivered) {
      const latenessSeconds = (now.getTime() - new Date(step.dueAt).getTime()) / 1000;
      work.afterCommit(() => this.metrics.stepDelivered(step.kind, latenessSeconds, late));
    }
    return {
      delivered: delivered.length,
      cancelled: decisions.length - delivered.length,
      notices: written.count,
      late: delivered.filter((decision) => decision.late).length,
    };
  }

  private overdueWorkingDays(task: TaskLadderRow, now: Date): number {
    return Math.max(0, this.calendar.workingDaysBetween(deadlineDueDay(task, this.calendar), shanghaiDate(now)));
  }

  /** The task's level counts deadline escalations only: the bulletin's overdue list is about late work. */
  private async raiseEscalations(work: Work, delivered: Decision[], now: Date): Promise<void> {
    const raised = delivered
      .filter(({ step, task }) => step.kind === 'escalation' && step.escalationLevel > task.escalationLevel)
      .map(({ step, task }) => ({ taskId: task.id, level: step.escalationLevel, stepKey: step.stepKey, at: now }));
    await this.escalation.raiseAll(work.manager, raised);
  }

  /** One JSON line per committed batch, so the logs tell what the metrics count. */
  private logBatch(outcome: BatchOutcome, durationMs: number): void {
    this.logger.log({
      msg: 'steps delivered',
      event: 'steps.delivered',
      ...outcome,
      durationMs: Math.round(durationMs),
    });
  }
}

function addTo(total: BatchOutcome, batch: BatchOutcome): void {
  total.tasks += batch.tasks;
  total.delivered += batch.delivered;
  total.cancelled += batch.cancelled;
  total.notices += batch.notices;
  total.late += batch.late;
}
