import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportFigures } from './figures/report-figures';
import type { ReportOrigin, ReportState } from './reports.service';

/** One stored report: per document, quarter, moment and scope (`scope_key`, generated), with its files once done. */
@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('text')
  quarter: string;

  @Column('timestamptz', { name: 'as_of' })
  asOf: Date;

  @Column('text', { name: 'scope_unit_code', nullable: true })
  scopeUnitCode: string | null;

  @Column({ type: 'text', name: 'scope_key', insert: false, update: false })
  scopeKey: string;

  @Column('text')
  origin: ReportOrigin;

  @Column('text')
  state: ReportState;

  @Column('text', { name: 'requested_by' })
  requestedBy: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('int')
  attempts: number;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column('json', { nullable: true })
  figures: ReportFigures | null;

  @Column('bytea', { nullable: true })
  docx: Buffer | null;

  @Column('bytea', { nullable: true })
  xlsx: Buffer | null;
}
