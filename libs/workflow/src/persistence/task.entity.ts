import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type TaskState } from '@app/common';

export type TaskKind = 'lead' | 'co' | 'subtask';

@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'workflow_id' })
  workflowId: string;

  @Column('uuid', { name: 'parent_task_id', nullable: true })
  parentTaskId: string | null;

  @Column('text')
  kind: TaskKind;

  /** The unit that holds the task (承办单位). */
  @Column('text', { name: 'unit_code' })
  unitCode: string;

  /** A division (处室) of the holding unit, for subtasks a lead unit gives to its own divisions. */
  @Column('text', { nullable: true })
  division: string | null;

  /** The unit that assigned the task: it reviews it, decides its extensions and may cancel it. */
  @Column('text', { name: 'assigner_unit_code' })
  assignerUnitCode: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  state: TaskState;

  /** Bumped by every change: a request naming an older version is refused with 409. */
  @Column('int')
  version: number;

  @Column('date')
  deadline: string;

  /** Bumped whenever the deadline moves, so reminders keyed on it are replaced, never repeated. */
  @Column('int', { name: 'deadline_version' })
  deadlineVersion: number;

  @Column('date', { name: 'ack_deadline' })
  ackDeadline: string;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt: Date;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('date', { name: 'extension_requested_until', nullable: true })
  extensionRequestedUntil: string | null;

  @Column('text', { name: 'extension_reason', nullable: true })
  extensionReason: string | null;

  @Column('int', { name: 'escalation_level' })
  escalationLevel: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
