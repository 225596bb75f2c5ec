import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, hasAnyRole } from '@app/access';
import { Clock, DomainError } from '@app/common';
import { NoticeOutbox, type NewNotice } from '@app/notifications';
import { UnitOfWork } from '@app/queues';
import { appendEvents } from '../audit/event-recorder';
import { visibleTask } from './task-access';
import { eventActorOf } from './task-action.service';
import type { InstructionView } from './task-views';

/** Who may write a 领导批示. */
const INSTRUCTING_ROLES = ['leadership', 'supervisor'] as const;

/**
 * 领导批示: an `instruction` event in the task's chain and a notice to every unit holding the task or
 * one of its subtasks, in one transaction. The task page lists them from the chain.
 */
@Injectable()
export class InstructionService {
  constructor(
    private readonly clock: Clock,
    private readonly notices: NoticeOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async instruct(taskId: string, text: string, actor: Actor): Promise<InstructionView> {
    if (!hasAnyRole(actor, [...INSTRUCTING_ROLES]))
      throw new DomainError('forbidden', 'ROLE_REQUIRED', '只有领导和督查室可以作出批示', { field: 'roles' });
    const trimmed = text.trim();
    if (!trimmed) throw new DomainError('invalid', 'TEXT_REQUIRED', '批示内容不能为空', { field: 'text' });
    return this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const now = this.clock.now();
      const { task } = await visibleTask(manager, taskId, actor, true);
      await appendEvents(manager, task.workflowId, eventActorOf(actor), now, [
        { taskId: task.id, action: 'instruction', payload: { text: trimmed } },
      ]);
      const holders: { unitCode: string }[] = await manager.query(
        `WITH RECURSIVE family AS (
           SELECT id, unit_code FROM tasks WHERE id = $1
           UNION SELECT t.id, t.unit_code FROM tasks t JOIN family f ON t.parent_task_id = f.id
         ) SELECT DISTINCT unit_code AS "unitCode" FROM family ORDER BY 1`,
        [task.id],
      );
      const key = randomUUID();
      const notices: NewNotice[] = holders.map(({ unitCode }) => ({
        dedupeKey: `instruction:${key}:${unitCode}`,
        unitCode,
        taskId: task.id,
        kind: 'instruction',
        title: `领导批示：${task.title}`,
        body: trimmed,
        sentBy: actor.username,
      }));
      await this.notices.write(work, notices, now);
      const [event]: { seq: number }[] = await manager.query(
        `SELECT seq FROM task_events WHERE task_id = $1 AND action = 'instruction' ORDER BY seq DESC LIMIT 1`,
        [task.id],
      );
      return {
        seq: event.seq,
        text: trimmed,
        actorUsername: actor.username,
        actorUnitCode: actor.unitCode,
        occurredAt: now.toISOString(),
      };
    });
  }
}
