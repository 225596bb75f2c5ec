import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/access';
import { Clock, DomainError, shanghaiDate, OPEN_STATES } from '@app/common';
import { NoticeOutbox } from '@app/notifications';
import { UnitOfWork } from '@app/queues';
import { assertActiveUnit } from '@app/units';
import { appendEvents } from '../audit/event-recorder';
import { eventActorOf } from './task-action.service';

export interface TransferOutcome {
  fromUnitCode: string;
  toUnitCode: string;
  /** Open tasks the successor now holds. */
  tasksHeld: number;
  /** Open tasks the successor now assigns and reviews. */
  tasksAssigned: number;
}

interface TransferredRow {
  id: string;
  workflow_id: string;
  state: string;
  title: string;
  held: boolean;
}

/** When a unit is reorganised, an admin moves all its open work to its successor in one transaction. */
@Injectable()
export class UnitTransferService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly notices: NoticeOutbox,
  ) {}

  async transfer(fromUnitCode: string, toUnitCode: string, actor: Actor, reason?: string): Promise<TransferOutcome> {
    if (fromUnitCode === toUnitCode)
      throw new DomainError('invalid', 'SAME_UNIT', '原单位与承接单位相同', { field: 'toUnitCode' });
    return this.unitOfWork.run(async (work) => {
      const { manager } = work;
      const now = this.clock.now();
      const [from] = await manager.query('SELECT code FROM units WHERE code = $1', [fromUnitCode]);
      if (!from)
        throw new DomainError('invalid', 'UNKNOWN_UNIT', `单位代码 ${fromUnitCode} 不在单位名录中`, {
          field: 'fromUnitCode',
        });
      await assertActiveUnit(manager, toUnitCode, shanghaiDate(now), 'toUnitCode');
      // For an UPDATE, TypeORM's query() answers [rows, count].
      const [rows]: [TransferredRow[], number] = await manager.query(
        `UPDATE tasks SET
           unit_code = CASE WHEN tasks.unit_code = $1 THEN $2 ELSE tasks.unit_code END,
           assigner_unit_code = CASE WHEN tasks.assigner_unit_code = $1 THEN $2 ELSE tasks.assigner_unit_code END,
           version = tasks.version + 1, updated_at = now()
         FROM (SELECT id, unit_code FROM tasks WHERE (unit_code = $1 OR assigner_unit_code = $1) AND state = ANY($3) FOR UPDATE) before
         WHERE tasks.id = before.id
         RETURNING tasks.id, tasks.workflow_id, tasks.state, tasks.title, before.unit_code = $1 AS held`,
        [fromUnitCode, toUnitCode, OPEN_STATES],
      );
      const byWorkflow = new Map<string, TransferredRow[]>();
      for (const row of rows) byWorkflow.set(row.workflow_id, [...(byWorkflow.get(row.workflow_id) ?? []), row]);
      for (const [workflowId, tasks] of byWorkflow) {
        await appendEvents(
          manager,
          workflowId,
          eventActorOf(actor),
          now,
          tasks.map((task) => ({
            taskId: task.id,
            action: 'transfer',
            fromState: task.state,
            toState: task.state,
            reason: reason ?? '机构改革，职责划转',
            payload: { fromUnitCode, toUnitCode },
          })),
        );
      }
      const held = rows.filter((row) => row.held);
      await this.notices.write(
        work,
        held.map((row) => ({
          dedupeKey: `transfer:${row.id}:${fromUnitCode}:${toUnitCode}`,
          unitCode: toUnitCode,
          taskId: row.id,
          kind: 'assignment' as const,
          title: `职责划转：${row.title}`,
          body: `该任务已由原承办单位划转至本单位。`,
          sentBy: actor.username,
        })),
        now,
      );
      return { fromUnitCode, toUnitCode, tasksHeld: held.length, tasksAssigned: rows.length - held.length };
    });
  }
}
