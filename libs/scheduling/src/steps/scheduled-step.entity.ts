import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ScheduledStepState = 'pending' | 'delivered' | 'cancelled';

/** One step of a task's reminder ladder, written with the change that called for it (the outbox). */
@Entity('scheduled_steps')
export class ScheduledStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'task_id' })
  taskId: string;

  @Column('text', { name: 'step_key' })
  stepKey: string;

  @Column('int', { name: 'deadline_version' })
  deadlineVersion: number;

  @Column('text')
  kind: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('text', { array: true })
  recipients: string[];

  @Column('int', { name: 'escalation_level' })
  escalationLevel: number;

  @Column('text', { nullable: true })
  quarter: string | null;

  @Column('text')
  state: ScheduledStepState;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @Column('boolean', { name: 'delivered_late' })
  deliveredLate: boolean;
}
