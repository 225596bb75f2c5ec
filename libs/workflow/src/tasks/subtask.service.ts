import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/access';
import { Clock, DomainError, shanghaiDate } from '@app/common';
import { NoticeOutbox } from '@app/notifications';
import { UnitOfWork } from '@app/queues';
import { StepPlanner } from '@app/scheduling';
import { assertActiveUnit } from '@app/units';
import { appendEvents } from '../audit/event-recorder';
import { TaskEntity } from '../persistence/task.entity';
import { decide } from '../state-machine';
import { refusalOf, visibleTask } from './task-access';
import { eventActorOf } from './task-action.service';

export interface NewSubtask {
  /** A co-responsible unit, a city, or the holding unit itself (then `division` names its 处室). */
  unitCode: string;
  division?: string;
  title: string;
  description?: string;
  deadline: string;
}

/** 任务分解: the holder of a task splits it into subtasks it assigns and reviews. */
@Injectable()
export class SubtaskService {
  constructor(
    private readonly clock: Clock,
    private readonly planner: StepPlanner,
    private readonly notices: NoticeOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async split(parentTaskId: string, subtasks: NewSubtask[], actor: Actor): Promise<TaskEntity[]> {
    if (subtasks.length === 0)
      throw new DomainError('invalid', 'NO_SUBTASKS', '请至少填写一项子任务', { field: 'subtasks' });
    return this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const now = this.clock.now();
      const today = shanghaiDate(now);
      const { task: parent, standing } = await visibleTask(manager, parentTaskId, actor, true);
      const decision = decide(
        { state: parent.state, pendingExtension: false, openSubtasks: 0, isLeadTask: parent.kind === 'lead' },
        'split',
        standing,
      );
      if (!decision.allowed) throw refusalOf(decision, parent);
      for (const [index, subtask] of subtasks.entries()) {
        await assertActiveUnit(manager, subtask.unitCode, today, `subtasks[${index}].unitCode`);
        if (subtask.deadline > parent.deadline) {
          throw new DomainError(
            'invalid',
            'DEADLINE_AFTER_PARENT',
            `子任务“${subtask.title}”的完成时限 ${subtask.deadline} 晚于上级任务的完成时限 ${parent.deadline}`,
            { field: `subtasks[${index}].deadline` },
          );
        }
        if (subtask.deadline < today)
          throw new DomainError(
            'invalid',
            'DEADLINE_PASSED',
            `子任务“${subtask.title}”的完成时限 ${subtask.deadline} 已过`,
            { field: `subtasks[${index}].deadline` },
          );
      }
      const ackDeadline = await this.planner.ackDeadlineForWorkflow(manager, parent.workflowId, today);
      const rows = subtasks.map((subtask) => ({
        id: randomUUID(),
        workflowId: parent.workflowId,
        parentTaskId: parent.id,
        kind: 'subtask' as const,
        unitCode: subtask.unitCode,
        division: subtask.division ?? null,
        assignerUnitCode: parent.unitCode,
        title: subtask.title,
        description: subtask.description ?? null,
        state: 'assigned' as const,
        version: 1,
        deadline: subtask.deadline,
        deadlineVersion: 1,
        ackDeadline,
        assignedAt: now,
        escalationLevel: 0,
      }));
      await manager.insert(TaskEntity, rows);
      await manager.update(TaskEntity, { id: parent.id }, { version: parent.version + 1 });
      await appendEvents(
        manager,
        parent.workflowId,
        eventActorOf(actor),
        now,
        rows.map((row) => ({
          taskId: row.id,
          action: 'split',
          fromState: null,
          toState: 'assigned',
          payload: {
            parentTaskId: parent.id,
            unitCode: row.unitCode,
            division: row.division,
            deadline: row.deadline,
            ackDeadline,
          },
        })),
      );
      await this.notices.write(
        work,
        rows.map((row) => ({
          dedupeKey: `assignment:${row.id}`,
          unitCode: row.unitCode,
          taskId: row.id,
          kind: 'assignment' as const,
          title: `新任务（分解）：${row.title}`,
          body: `由“${parent.title}”分解而来；请于 ${ackDeadline} 前签收，完成时限 ${row.deadline}。`,
          sentBy: actor.username,
        })),
        now,
      );
      work.wakeAfterCommit(
        await this.planner.replan(
          manager,
          rows.map((row) => row.id),
          now,
        ),
      );
      return manager.findBy(TaskEntity, { parentTaskId: parent.id });
    });
  }
}
