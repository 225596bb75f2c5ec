import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from '@app/common';

/** One line of a workflow's history. Append-only (a trigger refuses updates) and hash-chained per workflow. */
@Entity('task_events')
export class TaskEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'workflow_id' })
  workflowId: string;

  @Column('int')
  seq: number;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId: string | null;

  @Column('text')
  action: string;

  @Column('text', { name: 'from_state', nullable: true })
  fromState: string | null;

  @Column('text', { name: 'to_state', nullable: true })
  toState: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb')
  payload: JsonObject;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column('text', { name: 'actor_username' })
  actorUsername: string;

  @Column('text', { name: 'actor_unit_code', nullable: true })
  actorUnitCode: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text', { name: 'prev_hash' })
  prevHash: string;

  @Column('text')
  hash: string;
}
