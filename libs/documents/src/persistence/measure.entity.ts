import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineSource, QuantitativeTarget } from '../parsing/parse-result.types';
import type { UnitNameResolution } from '@app/units';

export type AssignmentSource = 'document' | 'supervisor';

/** One measure of a document, kept across revisions by its numbering path. */
@Entity('measures')
export class MeasureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('text')
  path: string;

  @Column('int')
  position: number;

  @Column('text', { name: 'section_titles', array: true })
  sectionTitles: string[];

  @Column('text')
  title: string;

  @Column('text')
  text: string;

  @Column('int')
  line: number;

  /** The responsibility clause as written; null when the document names no units. */
  @Column('text', { name: 'units_raw', nullable: true })
  unitsRaw: string | null;

  @Column('text', { name: 'lead_name', nullable: true })
  leadName: string | null;

  @Column('text', { name: 'co_names', array: true })
  coNames: string[];

  @Column('jsonb', { name: 'unit_resolution' })
  unitResolution: UnitNameResolution[];

  @Column('boolean', { name: 'needs_assignment' })
  needsAssignment: boolean;

  @Column('text', { name: 'assignment_source' })
  assignmentSource: AssignmentSource;

  @Column('date', { nullable: true })
  deadline: string | null;

  @Column('text', { name: 'deadline_source' })
  deadlineSource: DeadlineSource;

  @Column('text', { name: 'deadline_text', nullable: true })
  deadlineText: string | null;

  @Column('jsonb')
  targets: QuantitativeTarget[];

  @Column('int', { name: 'first_revision' })
  firstRevision: number;

  @Column('int', { name: 'last_changed_revision' })
  lastChangedRevision: number;

  @Column('int', { name: 'removed_in_revision', nullable: true })
  removedInRevision: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type MeasureUnitRole = 'lead' | 'co';

/** The units currently responsible for a measure: from the document, or named by a supervisor. */
@Entity('measure_units')
export class MeasureUnitEntity {
  @Column('uuid', { name: 'measure_id', primary: true })
  measureId: string;

  @Column('text', { name: 'unit_code', primary: true })
  unitCode: string;

  @Column('text')
  role: MeasureUnitRole;

  @Column('int')
  position: number;
}

/** Every assignment a supervisor made, kept as history. */
@Entity('measure_assignments')
export class MeasureAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'measure_id' })
  measureId: string;

  @Column('text', { name: 'lead_unit_code' })
  leadUnitCode: string;

  @Column('text', { name: 'co_unit_codes', array: true })
  coUnitCodes: string[];

  /** `suggestion` when the supervisor accepted the engine's suggestion as it stood. */
  @Column('text')
  source: 'manual' | 'suggestion';

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'assigned_by' })
  assignedBy: string;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt: Date;
}
