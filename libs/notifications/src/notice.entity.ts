import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeKind } from './notice-writer';

@Entity('notices')
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'dedupe_key', unique: true })
  dedupeKey: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId: string | null;

  @Column('text')
  kind: NoticeKind;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'sent_by', nullable: true })
  sentBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @Column('uuid', { name: 'step_id', nullable: true })
  stepId: string | null;

  /** For a ladder notice delivered late (no job existed when it came due): when it should have gone. */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('boolean', { name: 'delivered_late' })
  deliveredLate: boolean;
}
