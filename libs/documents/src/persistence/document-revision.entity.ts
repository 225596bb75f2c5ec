import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Diagnostic, SectionNode } from '../parsing/parse-result.types';
import type { SourceFormat } from '../parsing/source-document';

export interface RevisionChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

@Entity('document_revisions')
export class DocumentRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('int')
  revision: number;

  @Column('text', { name: 'content_sha256' })
  contentSha256: string;

  @Column('text', { name: 'source_text' })
  sourceText: string;

  @Column('text')
  encoding: string;

  @Column('text', { name: 'source_format' })
  sourceFormat: SourceFormat;

  @Column('text', { name: 'file_name', nullable: true })
  fileName: string | null;

  @Column('jsonb')
  sections: SectionNode[];

  @Column('jsonb')
  diagnostics: Diagnostic[];

  @Column('jsonb')
  changes: RevisionChanges;

  @Column('text', { name: 'imported_by', nullable: true })
  importedBy: string | null;

  @Column('timestamptz', { name: 'imported_at' })
  importedAt: Date;
}
