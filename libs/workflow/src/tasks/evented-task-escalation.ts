import { Global, Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { TaskEscalation, type DeliveredEscalation } from '@app/scheduling';
import { appendEvents, type EventActor } from '../audit/event-recorder';
import { TaskEventEntity } from '../persistence/task-event.entity';
import { TaskEntity } from '../persistence/task.entity';
import { WorkflowEntity } from '../persistence/workflow.entity';

const ENGINE: EventActor = { userId: null, username: 'system', unitCode: null };

/** An escalation raises the task's level by an `escalate` event in its chain; a level never goes down. */
@Injectable()
export class EventedTaskEscalation extends TaskEscalation {
  async raise(manager: EntityManager, { taskId, level, stepKey, at }: DeliveredEscalation): Promise<void> {
    const task = await manager.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task || task.escalationLevel >= level) return;
    // The version stays: an escalation is not a change a unit could have acted against.
    await manager.update(TaskEntity, { id: taskId }, { escalationLevel: level });
    await appendEvents(manager, task.workflowId, ENGINE, at, [
      { taskId, action: 'escalate', fromState: task.state, toState: task.state, payload: { level, stepKey } },
    ]);
  }

  /**
   * The workflows' rows first, in id order (appending an event locks its workflow); then per task one
   * `escalate` event per level it rises through and one UPDATE of its level. A second UPDATE of a row
   * this transaction already changed would re-check the subtask's key to its lead task (a key-share
   * lock on a lead that another batch may hold), so each task is updated once.
   */
  async raiseAll(manager: EntityManager, escalations: readonly DeliveredEscalation[]): Promise<void> {
    if (escalations.length === 0) return;
    await manager.query(
      `SELECT 1 FROM workflows WHERE id IN (SELECT workflow_id FROM tasks WHERE id = ANY($1)) ORDER BY id FOR UPDATE`,
      [escalations.map((escalation) => escalation.taskId)],
    );
    const byTask = new Map<string, DeliveredEscalation[]>();
    for (const escalation of escalations)
      byTask.set(escalation.taskId, [...(byTask.get(escalation.taskId) ?? []), escalation]);
    for (const [taskId, raised] of byTask) await this.raiseTask(manager, taskId, raised);
  }

  private async raiseTask(manager: EntityManager, taskId: string, raised: DeliveredEscalation[]): Promise<void> {
    const task = await manager.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    if (!task) return;
    let level = task.escalationLevel;
    const events = [];
    for (const escalation of raised) {
      if (escalation.level <= level) continue;
      level = escalation.level;
      events.push({
        taskId,
        action: 'escalate' as const,
        fromState: task.state,
        toState: task.state,
        payload: { level, stepKey: escalation.stepKey },
      });
    }
    if (events.length === 0) return;
    await manager.update(TaskEntity, { id: taskId }, { escalationLevel: level });
    await appendEvents(manager, task.workflowId, ENGINE, raised[0].at, events);
  }
}

/** Every process that delivers ladder steps imports this, so that escalations reach the task's history. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([WorkflowEntity, TaskEntity, TaskEventEntity])],
  providers: [{ provide: TaskEscalation, useClass: EventedTaskEscalation }],
  exports: [TaskEscalation],
})
export class TaskEscalationModule {}
