import { EntityManager } from 'typeorm';
import { DomainError, type JsonObject } from '@app/common';
import { WorkflowEntity } from '../persistence/workflow.entity';
import type { TaskEventEntity } from '../persistence/task-event.entity';
import { ChainedEventBody, eventHash } from './event-chain';

/** Who did something: a user of a unit, or the engine itself (`system`). */
export interface EventActor {
  userId: string | null;
  username: string;
  unitCode: string | null;
}

export interface NewEvent {
  taskId: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  payload?: JsonObject;
}

/** Where a workflow's chain stands: how many events, and the hash of the last. */
export interface ChainState {
  eventCount: number;
  lastEventHash: string;
}

export type EventRow = Omit<TaskEventEntity, 'id'>;

/** The rows that continue a workflow's chain from `state`, and the state after them. */
export function chainRows(
  workflowId: string,
  state: ChainState,
  actor: EventActor,
  occurredAt: Date,
  events: NewEvent[],
): { rows: EventRow[]; next: ChainState } {
  let prevHash = state.lastEventHash;
  let seq = state.eventCount;
  const rows = events.map((event): EventRow => {
    seq += 1;
    const payload = event.payload ?? {};
    const body: ChainedEventBody = {
      workflowId,
      seq,
      taskId: event.taskId,
      action: event.action,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      reason: event.reason ?? null,
      payload,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      actorUnitCode: actor.unitCode,
      occurredAt: occurredAt.toISOString(),
    };
    const hash = eventHash(prevHash, body);
    const row = { ...body, payload, occurredAt, prevHash, hash };
    prevHash = hash;
    return row;
  });
  return { rows, next: { eventCount: seq, lastEventHash: prevHash } };
}

/**
 * Appends events to a workflow's chain inside the caller's transaction. The workflow row is locked
 * first, so concurrent actions on one workflow get consecutive numbers and an unbroken chain.
 */
export async function appendEvents(
  manager: EntityManager,
  workflowId: string,
  actor: EventActor,
  occurredAt: Date,
  events: NewEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const workflow = await manager.findOne(WorkflowEntity, {
    where: { id: workflowId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!workflow) throw new DomainError('not_found', 'WORKFLOW_NOT_FOUND', `流程 ${workflowId} 不存在`);
  const { rows, next } = chainRows(workflowId, workflow, actor, occurredAt, events);
  await insertEventRows(manager, rows);
  await manager.update(WorkflowEntity, { id: workflowId }, next);
}

/** One statement for any number of events (launching a document writes thousands). */
export async function insertEventRows(manager: EntityManager, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO task_events (workflow_id, seq, task_id, action, from_state, to_state, reason, payload, actor_user_id, actor_username, actor_unit_code, occurred_at, prev_hash, hash)
     SELECT "workflowId", seq, "taskId", action, "fromState", "toState", reason, payload, "actorUserId", "actorUsername", "actorUnitCode", "occurredAt", "prevHash", hash
     FROM jsonb_to_recordset($1::jsonb) AS r("workflowId" uuid, seq int, "taskId" uuid, action text, "fromState" text, "toState" text, reason text, payload jsonb,
          "actorUserId" uuid, "actorUsername" text, "actorUnitCode" text, "occurredAt" timestamptz, "prevHash" text, hash text)`,
    [JSON.stringify(rows)],
  );
}
