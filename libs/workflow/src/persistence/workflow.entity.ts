import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One launched measure (分解下达): its tasks and its hash-chained history. */
@Entity('workflows')
export class WorkflowEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'measure_id', unique: true })
  measureId: string;

  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('text')
  state: 'active' | 'closed' | 'cancelled';

  @Column('text', { name: 'launched_by' })
  launchedBy: string;

  @Column('timestamptz', { name: 'launched_at' })
  launchedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('int', { name: 'event_count' })
  eventCount: number;

  @Column('text', { name: 'last_event_hash' })
  lastEventHash: string;
}
