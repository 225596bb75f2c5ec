import { EntityManager } from 'typeorm';
import { type Actor, hasAnyRole } from '@app/access';
import { DomainError } from '@app/common';
import type { ActorStanding, TaskRelation, TransitionDecision } from '../state-machine';
import { TaskEntity } from '../persistence/task.entity';

interface LineageRow {
  depth: number;
  unit_code: string;
  assigner_unit_code: string;
}

/** How the actor stands to a task: from its unit's place in the task's lineage, and its roles. */
export async function standingOf(manager: EntityManager, task: TaskEntity, actor: Actor): Promise<ActorStanding> {
  const lineage: LineageRow[] = await manager.query(
    `WITH RECURSIVE lineage AS (
       SELECT id, parent_task_id, unit_code, assigner_unit_code, 0 AS depth FROM tasks WHERE id = $1
       UNION ALL
       SELECT t.id, t.parent_task_id, t.unit_code, t.assigner_unit_code, l.depth + 1 FROM tasks t JOIN lineage l ON t.id = l.parent_task_id
     ) SELECT depth, unit_code, assigner_unit_code FROM lineage`,
    [task.id],
  );
  const relations: TaskRelation[] = [];
  if (task.unitCode === actor.unitCode) relations.push('assignee');
  if (task.assignerUnitCode === actor.unitCode) relations.push('assigner');
  if (
    lineage.some(
      (row) => row.depth > 0 && (row.unit_code === actor.unitCode || row.assigner_unit_code === actor.unitCode),
    )
  )
    relations.push('overseer');
  if (hasAnyRole(actor, ['supervisor'])) relations.push('supervisor');
  if (hasAnyRole(actor, ['admin'])) relations.push('admin');
  return { relations, roles: actor.roles };
}

/** Supervisors, leadership and admins see every task; a unit sees the tasks it holds, assigned or oversees. */
export function canSee(standing: ActorStanding): boolean {
  return standing.relations.length > 0 || standing.roles.includes('leadership');
}

/** Loads a task the actor may see, locked for update when asked; otherwise 404, never its data. */
export async function visibleTask(
  manager: EntityManager,
  taskId: string,
  actor: Actor,
  lock = false,
): Promise<{ task: TaskEntity; standing: ActorStanding }> {
  const task = await manager.findOne(TaskEntity, {
    where: { id: taskId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  const standing = task ? await standingOf(manager, task, actor) : null;
  if (!task || !standing || !canSee(standing))
    throw new DomainError('not_found', 'TASK_NOT_FOUND', `任务 ${taskId} 不存在或无权查看`, { field: 'taskId' });
  return { task, standing };
}

/** A refused decision as the error the caller gets: 403 for who they are, 409 for where the task stands. */
export function refusalOf(decision: Extract<TransitionDecision, { allowed: false }>, task: TaskEntity): DomainError {
  const facts = { currentState: task.state, currentVersion: task.version };
  return new DomainError(
    decision.reason === 'not_permitted' ? 'forbidden' : 'conflict',
    decision.code,
    decision.message,
    facts,
  );
}
