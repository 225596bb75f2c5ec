import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock, DomainError, shanghaiDate, OPEN_STATES, TASK_STATE_LABELS } from '@app/common';
import { NoticeOutbox } from '@app/notifications';
import { UnitOfWork } from '@app/queues';
import { StepPlanner } from '@app/scheduling';
import { assertActiveUnit } from '@app/units';
import { appendEvents, type EventActor, type NewEvent } from '../audit/event-recorder';
import { TaskEntity } from '../persistence/task.entity';
import { WorkflowEntity } from '../persistence/workflow.entity';
import { decide, type TaskSnapshot } from '../state-machine';
import { EFFECTS } from './task-effects';
import { refusalOf, visibleTask } from './task-access';
import { REASON_REQUIRED, type TaskActionCommand } from './task-action.types';

export function eventActorOf(actor: TaskActionCommand['actor']): EventActor {
  return { userId: actor.userId, username: actor.username, unitCode: actor.unitCode };
}

/**
 * Every action on a task, one transaction each: the task row is locked, the state machine decides,
 * the change, its event and its notices are written together. Two conflicting actions on one task
 * queue on the lock; the second finds the new state and is refused with 409.
 */
@Injectable()
export class TaskActionService {
  constructor(
    private readonly clock: Clock,
    private readonly planner: StepPlanner,
    private readonly notices: NoticeOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: TaskActionCommand): Promise<TaskEntity> {
    assertArguments(command);
    return this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const now = this.clock.now();
      const { task, standing } = await visibleTask(manager, command.taskId, command.actor, true);
      if (command.expectedVersion !== undefined && command.expectedVersion !== task.version) {
        throw new DomainError(
          'conflict',
          'VERSION_CONFLICT',
          `任务已被他人更新（当前版本 ${task.version}，状态“${TASK_STATE_LABELS[task.state]}”），请刷新后重试`,
          {
            field: 'version',
            currentState: task.state,
            currentVersion: task.version,
          },
        );
      }
      const decision = decide(await snapshotOf(manager, task), command.action, standing);
      if (!decision.allowed) throw await withOpenSubtasks(manager, refusalOf(decision, task), task.id);
      await this.assertActionInput(manager, command, task);
      // Only actions that hand the task (back) to a unit start a new acknowledgement period.
      const reassigning = command.action === 'reassign' || command.action === 'confirm_objection';
      const ackDeadline = reassigning
        ? await this.planner.ackDeadlineForWorkflow(manager, task.workflowId, shanghaiDate(now))
        : task.ackDeadline;
      const effect = EFFECTS[command.action]({
        task,
        command,
        to: decision.to,
        now,
        ackDeadline,
        eventKey: randomUUID(),
      });
      const patch = { ...effect.patch, state: decision.to, version: task.version + 1 };
      await manager.update(TaskEntity, { id: task.id }, patch);
      const events: NewEvent[] = [
        {
          taskId: task.id,
          action: command.action,
          fromState: task.state,
          toState: decision.to,
          reason: command.reason ?? null,
          payload: { ...effect.payload, ...channelOf(command), version: patch.version },
        },
      ];
      events.push(...(await this.followOn(manager, command, task, now)));
      await appendEvents(manager, task.workflowId, eventActorOf(command.actor), now, events);
      await this.notices.write(work, effect.notices, now);
      const touched = [
        task.id,
        ...events.filter((event) => event.taskId && event.taskId !== task.id).map((event) => event.taskId!),
      ];
      work.wakeAfterCommit(await this.planner.replan(manager, touched, now));
      return manager.findOneByOrFail(TaskEntity, { id: task.id });
    });
  }

  /** Checks that depend on the data: the unit taking over exists, a requested deadline fits under the parent's. */
  private async assertActionInput(manager: EntityManager, command: TaskActionCommand, task: TaskEntity): Promise<void> {
    if (command.action === 'reassign')
      await assertActiveUnit(manager, command.unitCode!, shanghaiDate(this.clock.now()));
    if (command.action === 'request_extension') {
      if (command.until! <= task.deadline)
        throw new DomainError('invalid', 'EXTENSION_NOT_LATER', `申请的完成时限须晚于现有时限 ${task.deadline}`, {
          field: 'until',
        });
      const parent = task.parentTaskId ? await manager.findOneByOrFail(TaskEntity, { id: task.parentTaskId }) : null;
      if (parent && command.until! > parent.deadline) {
        throw new DomainError(
          'invalid',
          'DEADLINE_AFTER_PARENT',
          `子任务的完成时限不能晚于上级任务的完成时限 ${parent.deadline}`,
          { field: 'until' },
        );
      }
    }
  }

  /** What an action implies for other rows: 销号 on approving a lead task, subtasks cancelled with their parent, co-tasks following a new lead unit. */
  private async followOn(
    manager: EntityManager,
    command: TaskActionCommand,
    task: TaskEntity,
    now: Date,
  ): Promise<NewEvent[]> {
    if (command.action === 'approve' && task.kind === 'lead') {
      await manager.update(WorkflowEntity, { id: task.workflowId }, { state: 'closed', closedAt: now });
      return [
        { taskId: task.id, action: 'close_measure', fromState: 'active', toState: 'closed', reason: null, payload: {} },
      ];
    }
    if (command.action === 'reassign') {
      await manager.update(
        TaskEntity,
        { parentTaskId: task.id, assignerUnitCode: task.unitCode },
        { assignerUnitCode: command.unitCode! },
      );
      return [];
    }
    if (command.action === 'cancel') return this.cancelDescendants(manager, task, now);
    return [];
  }

  private async cancelDescendants(manager: EntityManager, task: TaskEntity, now: Date): Promise<NewEvent[]> {
    const open: { id: string; state: TaskEntity['state']; version: number }[] = await manager.query(
      `WITH RECURSIVE descendants AS (SELECT id FROM tasks WHERE parent_task_id = $1 UNION ALL SELECT t.id FROM tasks t JOIN descendants d ON t.parent_task_id = d.id)
       SELECT id, state, version FROM tasks WHERE id IN (SELECT id FROM descendants) AND state = ANY($2) FOR UPDATE`,
      [task.id, OPEN_STATES],
    );
    if (open.length === 0) return [];
    await manager.query(
      `UPDATE tasks SET state = 'cancelled', version = version + 1, completed_at = $2, updated_at = now() WHERE id = ANY($1)`,
      [open.map((row) => row.id), now],
    );
    return open.map((row) => ({
      taskId: row.id,
      action: 'cancel',
      fromState: row.state,
      toState: 'cancelled',
      reason: '上级任务已撤销',
      payload: { cascadeFrom: task.id },
    }));
  }
}

function channelOf(command: TaskActionCommand): { channel?: string } {
  return command.channel ? { channel: command.channel } : {};
}

function assertArguments(command: TaskActionCommand): void {
  if (REASON_REQUIRED.includes(command.action) && !command.reason?.trim())
    throw new DomainError('invalid', 'REASON_REQUIRED', '此操作须填写理由', { field: 'reason' });
  if (command.action === 'remind' && !command.message?.trim())
    throw new DomainError('invalid', 'MESSAGE_REQUIRED', '催办须填写内容', { field: 'message' });
  if (command.action === 'reassign' && !command.unitCode)
    throw new DomainError('invalid', 'UNIT_REQUIRED', '改派须指定承办单位', { field: 'unitCode' });
  if (command.action === 'request_extension' && !command.until)
    throw new DomainError('invalid', 'UNTIL_REQUIRED', '延期申请须填写申请延至的日期', { field: 'until' });
}

async function snapshotOf(manager: EntityManager, task: TaskEntity): Promise<TaskSnapshot> {
  const openSubtasks = await manager.countBy(TaskEntity, {
    parentTaskId: task.id,
    state: In(OPEN_STATES as TaskEntity['state'][]),
  });
  return {
    state: task.state,
    pendingExtension: task.extensionRequestedUntil !== null,
    openSubtasks,
    isLeadTask: task.kind === 'lead',
  };
}

/** A SUBTASKS_OPEN refusal names the open subtasks, so a client can show which block the move. */
async function withOpenSubtasks(manager: EntityManager, error: DomainError, taskId: string): Promise<DomainError> {
  if (error.code !== 'SUBTASKS_OPEN') return error;
  const openSubtasks: { id: string; title: string; unitCode: string; state: string }[] = await manager.query(
    `SELECT id, title, unit_code AS "unitCode", state FROM tasks WHERE parent_task_id = $1 AND state = ANY($2) ORDER BY created_at, id`,
    [taskId, OPEN_STATES],
  );
  return new DomainError(error.kind, error.code, error.message, { ...error.details, openSubtasks });
}
