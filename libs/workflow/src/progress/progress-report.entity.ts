import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ProgressReportState = 'submitted' | 'approved' | 'returned';

/** The actual value a unit reports against one quantitative target of its measure. */
export interface TargetActual {
  /** Index into the measure's `targets`. */
  targetIndex: number;
  actual: number;
}

/** 季度进展: one report per task and quarter, reviewed by the assigning side. */
@Entity('progress_reports')
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'task_id' })
  taskId: string;

  @Column('text')
  quarter: string;

  @Column('text')
  text: string;

  @Column('int', { name: 'percent_done' })
  percentDone: number;

  @Column('jsonb', { name: 'target_actuals' })
  targetActuals: TargetActual[];

  @Column('text')
  state: ProgressReportState;

  @Column('text', { name: 'submitted_by' })
  submittedBy: string;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  @Column('text', { name: 'reviewed_by', nullable: true })
  reviewedBy: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @Column('text', { name: 'review_reason', nullable: true })
  reviewReason: string | null;

  @Column('int')
  version: number;
}
