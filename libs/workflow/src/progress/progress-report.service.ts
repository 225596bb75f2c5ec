import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@app/access';
import { Clock, DomainError, shanghaiDate } from '@app/common';
import { NoticeOutbox, type NewNotice } from '@app/notifications';
import { UnitOfWork } from '@app/queues';
import { parseQuarter, quarterEnd, quarterOf, quarterStart } from '@app/calendar';
import { StepPlanner } from '@app/scheduling';
import { appendEvents } from '../audit/event-recorder';
import { TaskEntity } from '../persistence/task.entity';
import { decide, type TaskAction } from '../state-machine';
import { refusalOf, visibleTask } from '../tasks/task-access';
import { eventActorOf } from '../tasks/task-action.service';
import { ProgressReportEntity, type TargetActual } from './progress-report.entity';

export interface SubmitProgressCommand {
  taskId: string;
  quarter: string;
  text: string;
  percentDone: number;
  targetActuals: TargetActual[];
  actor: Actor;
}

export interface ReviewProgressCommand {
  taskId: string;
  reportId: string;
  decision: 'approve' | 'return';
  reason?: string;
  actor: Actor;
}

/** Quarterly progress reports: the holding unit reports once per ended quarter; the assigning side approves or returns. */
@Injectable()
export class ProgressReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly planner: StepPlanner,
    private readonly notices: NoticeOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async submit(command: SubmitProgressCommand): Promise<ProgressReportEntity> {
    return this.replanningAfter(async (manager, notify) => {
      const now = this.clock.now();
      const task = await this.taskFor(manager, command.taskId, command.actor, 'report_progress');
      assertReportableQuarter(command.quarter, shanghaiDate(now), shanghaiDate(task.assignedAt));
      await assertTargets(manager, task, command.targetActuals);
      const existing = await manager.findOne(ProgressReportEntity, {
        where: { taskId: task.id, quarter: command.quarter },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing && existing.state !== 'returned') {
        throw new DomainError(
          'conflict',
          'REPORT_EXISTS',
          `${command.quarter} 的进展已报送（状态：${existing.state === 'approved' ? '已审核通过' : '待审核'}），不能重复报送`,
          { field: 'quarter' },
        );
      }
      const fields = {
        text: command.text,
        percentDone: command.percentDone,
        targetActuals: command.targetActuals,
        state: 'submitted' as const,
        submittedBy: command.actor.username,
        submittedAt: now,
        reviewedBy: null,
        reviewedAt: null,
        reviewReason: null,
      };
      const report = existing
        ? await manager.save(ProgressReportEntity, { ...existing, ...fields, version: existing.version + 1 })
        : await manager.save(
            ProgressReportEntity,
            manager.create(ProgressReportEntity, { taskId: task.id, quarter: command.quarter, version: 1, ...fields }),
          );
      const toState = task.state === 'acknowledged' ? 'in_progress' : task.state;
      await manager.update(TaskEntity, { id: task.id }, { state: toState, version: task.version + 1 });
      await appendEvents(manager, task.workflowId, eventActorOf(command.actor), now, [
        {
          taskId: task.id,
          action: 'report_progress',
          fromState: task.state,
          toState,
          payload: {
            reportId: report.id,
            quarter: command.quarter,
            percentDone: command.percentDone,
            resubmission: Boolean(existing),
          },
        },
      ]);
      await notify([
        {
          dedupeKey: `progress:${report.id}:${report.version}`,
          unitCode: task.assignerUnitCode,
          taskId: task.id,
          kind: 'assignment',
          title: `季度进展待审核：${task.title}`,
          body: `${command.quarter} 进展已报送，完成 ${command.percentDone}%。`,
          sentBy: command.actor.username,
        },
      ]);
      return report;
    });
  }

  async review(command: ReviewProgressCommand): Promise<ProgressReportEntity> {
    if (command.decision === 'return' && !command.reason?.trim())
      throw new DomainError('invalid', 'REASON_REQUIRED', '退回进展报告须填写理由', { field: 'reason' });
    return this.replanningAfter(async (manager, notify) => {
      const now = this.clock.now();
      const task = await this.taskFor(manager, command.taskId, command.actor, 'review_progress');
      const report = await manager.findOne(ProgressReportEntity, {
        where: { id: command.reportId, taskId: task.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report)
        throw new DomainError('not_found', 'REPORT_NOT_FOUND', `进展报告 ${command.reportId} 不存在`, {
          field: 'reportId',
        });
      if (report.state !== 'submitted')
        throw new DomainError(
          'conflict',
          'REPORT_NOT_PENDING',
          `该进展报告已${report.state === 'approved' ? '审核通过' : '退回'}，不能再次审核`,
          { currentState: report.state },
        );
      const state = command.decision === 'approve' ? 'approved' : 'returned';
      const reviewed = await manager.save(ProgressReportEntity, {
        ...report,
        state,
        reviewedBy: command.actor.username,
        reviewedAt: now,
        reviewReason: command.reason ?? null,
        version: report.version + 1,
      });
      await appendEvents(manager, task.workflowId, eventActorOf(command.actor), now, [
        {
          taskId: task.id,
          action: 'review_progress',
          fromState: task.state,
          toState: task.state,
          reason: command.reason ?? null,
          payload: { reportId: report.id, quarter: report.quarter, decision: command.decision },
        },
      ]);
      const verdict = command.decision === 'approve' ? '已审核通过' : `被退回：${command.reason}`;
      await notify([
        {
          dedupeKey: `progress-review:${report.id}:${reviewed.version}`,
          unitCode: task.unitCode,
          taskId: task.id,
          kind: 'assignment',
          title: `季度进展${command.decision === 'approve' ? '通过' : '退回'}：${task.title}`,
          body: `${report.quarter} 进展${verdict}`,
          sentBy: command.actor.username,
        },
      ]);
      return reviewed;
    });
  }

  /**
   * A report changes which quarterly steps the task still needs: replan it in the same transaction.
   * `notify` sends the work's notices through the outbox, in that transaction too.
   */
  private async replanningAfter(
    work: (manager: EntityManager, notify: (notices: NewNotice[]) => Promise<void>) => Promise<ProgressReportEntity>,
  ): Promise<ProgressReportEntity> {
    return this.unitOfWork.run(async (unit) => {
      const now = this.clock.now();
      const result = await work(unit.manager, async (notices) => {
        await this.notices.write(unit, notices, now);
      });
      unit.wakeAfterCommit(await this.planner.replan(unit.manager, [result.taskId], now));
      return result;
    });
  }

  async list(taskId: string, actor: Actor): Promise<ProgressReportEntity[]> {
    const { task } = await visibleTask(this.dataSource.manager, taskId, actor);
    return this.dataSource.manager.find(ProgressReportEntity, {
      where: { taskId: task.id },
      order: { quarter: 'ASC' },
    });
  }

  private async taskFor(manager: EntityManager, taskId: string, actor: Actor, action: TaskAction): Promise<TaskEntity> {
    const { task, standing } = await visibleTask(manager, taskId, actor, true);
    const decision = decide(
      {
        state: task.state,
        pendingExtension: task.extensionRequestedUntil !== null,
        openSubtasks: 0,
        isLeadTask: task.kind === 'lead',
      },
      action,
      standing,
    );
    if (!decision.allowed) throw refusalOf(decision, task);
    return task;
  }
}

function assertReportableQuarter(text: string, today: string, assignedOn: string): void {
  const quarter = parseQuarter(text);
  if (!quarter)
    throw new DomainError('invalid', 'INVALID_QUARTER', `季度格式须为 2026Q3 这样的形式`, { field: 'quarter' });
  if (quarterEnd(quarter) >= today)
    throw new DomainError(
      'invalid',
      'QUARTER_NOT_ENDED',
      `${text} 尚未结束（截至 ${quarterEnd(quarter)}），不能报送该季度进展`,
      { field: 'quarter' },
    );
  if (quarterEnd(quarter) < quarterStart(quarterOf(assignedOn))) {
    throw new DomainError('invalid', 'QUARTER_BEFORE_ASSIGNMENT', `任务于 ${assignedOn} 下达，${text} 不在办理期内`, {
      field: 'quarter',
    });
  }
}

async function assertTargets(manager: EntityManager, task: TaskEntity, actuals: TargetActual[]): Promise<void> {
  const [{ count }]: { count: number }[] = await manager.query(
    `SELECT jsonb_array_length(m.targets) AS count FROM workflows w JOIN measures m ON m.id = w.measure_id WHERE w.id = $1`,
    [task.workflowId],
  );
  const seen = new Set<number>();
  for (const [index, actual] of actuals.entries()) {
    if (actual.targetIndex >= count || seen.has(actual.targetIndex)) {
      throw new DomainError(
        'invalid',
        'UNKNOWN_TARGET',
        `指标序号 ${actual.targetIndex} 不存在或重复（该措施共有 ${count} 项指标）`,
        { field: `targetActuals[${index}].targetIndex` },
      );
    }
    seen.add(actual.targetIndex);
  }
}
