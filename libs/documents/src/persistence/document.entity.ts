import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 文号 with halfwidth digits, or the title where a document has none: what makes two imports the same document. */
  @Column('text', { name: 'identity_key', unique: true })
  identityKey: string;

  @Column('text', { name: 'doc_number', nullable: true })
  docNumber: string | null;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  issuer: string | null;

  @Column('date', { name: 'issued_on', nullable: true })
  issuedOn: string | null;

  @Column('int', { name: 'plan_start_year', nullable: true })
  planStartYear: number | null;

  @Column('int', { name: 'plan_end_year', nullable: true })
  planEndYear: number | null;

  @Column('int', { name: 'current_revision' })
  currentRevision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
