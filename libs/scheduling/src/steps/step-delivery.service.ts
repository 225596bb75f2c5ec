import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, shanghaiDate } from '@app/common';
import { Metrics } from '@app/metrics';
import { NoticeOutbox } from '@app/notifications';
import { UnitOfWork, type Work } from '@app/queues';
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

/** What one delivery transaction sent: the step asked for and the task's earlier steps delivered with it. */
interface DeliveredStep {
  stepId: string;
  kind: string;
  notices: number;
  latenessSeconds: number;
  late: boolean;
}

export type DeliveryOutcome =
  | { outcome: 'delivered'; notices: number; late: boolean }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'not_due'; dueAt: Date };

/**
 * Delivers one ladder step: re-reads the step and its task, acts only if the step is pending, due,
 * and still called for by the task's current state. Notices have unique keys, so a second delivery
 * of the same step (a retry, a duplicate job, a second worker) writes nothing.
 */
@Injectable()
export class StepDeliveryService {
  private readonly logger = new Logger(StepDeliveryService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly planner: StepPlanner,
    private readonly calendar: WorkingCalendar,
    private readonly calendarDays: CalendarDaysStore,
    private readonly notices: NoticeOutbox,
    private readonly escalation: TaskEscalation,
    private readonly metrics: Metrics,
  ) {}

  async deliver(stepId: string): Promise<DeliveryOutcome> {
    // Another process may have entered calendar days: judge the step with the calendar as it is now.
    await this.calendarDays.refreshIfChanged();
    const started = performance.now();
    const batch: DeliveredStep[] = [];
    const outcome = await this.unitOfWork.run(async (work): Promise<DeliveryOutcome> => {
      const { manager } = work;
      const now = this.clock.now();
      // Lock the task before the step, in the order task actions take them, so the two never deadlock.
      await manager.query(
        'SELECT 1 FROM tasks WHERE id = (SELECT task_id FROM scheduled_steps WHERE id = $1) FOR UPDATE',
        [stepId],
      );
      const step = await manager.findOne(ScheduledStepEntity, {
        where: { id: stepId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!step) return { outcome: 'skipped', reason: 'step no longer exists' };
      if (step.state !== 'pending') return { outcome: 'skipped', reason: `step already ${step.state}` };
      if (step.dueAt > now) return { outcome: 'not_due', dueAt: step.dueAt };
      // After a clock jump or a backlog, the jobs of one task fire together: its earlier steps go first.
      for (const earlier of await this.earlierDueSteps(manager, step))
        await this.deliverLocked(work, earlier, now, batch);
      return this.deliverLocked(work, step, now, batch);
    });
    if (batch.length > 0) this.logBatch(stepId, batch, performance.now() - started);
    return outcome;
  }

  /** One JSON line per committed batch, so the logs tell what the metrics count. */
  private logBatch(stepId: string, batch: readonly DeliveredStep[], durationMs: number): void {
    this.logger.log({
      msg: 'steps delivered',
      event: 'steps.delivered',
      stepId,
      steps: batch.map(({ stepId: id, kind, notices, latenessSeconds, late }) => ({
        id,
        kind,
        notices,
        latenessSeconds,
        late,
      })),
      durationMs: Math.round(durationMs),
    });
  }

  /** The task's other pending steps that come before `step` in the ladder's order (due time, then key), locked. */
  private async earlierDueSteps(manager: EntityManager, step: ScheduledStepEntity): Promise<ScheduledStepEntity[]> {
    const earlier = await manager
      .createQueryBuilder(ScheduledStepEntity, 's')
      .setLock('pessimistic_write')
      .where('s.task_id = :taskId AND s.state = :pending AND s.id <> :id', {
        taskId: step.taskId,
        pending: 'pending',
        id: step.id,
      })
      .andWhere('(s.due_at < :dueAt OR (s.due_at = :dueAt AND s.step_key COLLATE "C" < :key))', {
        dueAt: step.dueAt,
        key: step.stepKey,
      })
      .getMany();
    return earlier.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.stepKey < b.stepKey ? -1 : 1));
  }

  /** Delivers one pending, due step whose task and row the transaction holds, if the task still calls for it. */
  private async deliverLocked(
    work: Work,
    step: ScheduledStepEntity,
    now: Date,
    batch: DeliveredStep[],
  ): Promise<DeliveryOutcome> {
    const { manager } = work;
    const [task]: TaskLadderRow[] = await manager.query(`${LADDER_TASK_SQL} WHERE t.id = $1`, [step.taskId]);
    if (
      !stepApplies(
        task,
        { key: step.stepKey, deadlineVersion: step.deadlineVersion },
        this.planner.ladderFor(task),
        this.calendar,
      )
    ) {
      await manager.update(ScheduledStepEntity, { id: step.id }, { state: 'cancelled' });
      return { outcome: 'skipped', reason: 'no longer called for by the task' };
    }
    const late = now.getTime() - step.dueAt.getTime() > LATE_AFTER_MS;
    const overdueWorkingDays = Math.max(
      0,
      this.calendar.workingDaysBetween(deadlineDueDay(task, this.calendar), shanghaiDate(now)),
    );
    const written = await this.notices.write(
      work,
      stepNotices(step, { ...task, overdueWorkingDays }, LEADERSHIP_UNIT_CODE, late),
      now,
    );
    await manager.update(
      ScheduledStepEntity,
      { id: step.id },
      { state: 'delivered', deliveredAt: now, deliveredLate: late },
    );
    // The task's level counts deadline escalations only: the bulletin's overdue list is about late work.
    if (step.kind === 'escalation' && step.escalationLevel > task.escalationLevel) {
      await this.escalation.raise(manager, {
        taskId: task.id,
        level: step.escalationLevel,
        stepKey: step.stepKey,
        at: now,
      });
    }
    const latenessSeconds = (now.getTime() - step.dueAt.getTime()) / 1000;
    batch.push({ stepId: step.id, kind: step.kind, notices: written.count, latenessSeconds, late });
    work.afterCommit(() => this.metrics.stepDelivered(step.kind, latenessSeconds, late));
    return { outcome: 'delivered', notices: written.count, late };
  }
}
