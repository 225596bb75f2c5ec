import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Why a file was attached: to a submission (办结), a progress report (进展), or as evidence at any time. */
export const ATTACHMENT_PURPOSES = ['submission', 'progress', 'evidence'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

/** A file attached to a task; its bytes live on disk under ATTACHMENTS_DIR, named by `sha256`. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'task_id' })
  taskId: string;

  @Column('uuid', { name: 'progress_report_id', nullable: true })
  progressReportId: string | null;

  @Column('text')
  purpose: AttachmentPurpose;

  /** The name as uploaded, cleaned of folders and control characters. */
  @Column('text', { name: 'file_name' })
  fileName: string;

  /** Detected from the content, never taken from the client. */
  @Column('text', { name: 'content_type' })
  contentType: string;

  @Column('int', { name: 'size_bytes' })
  sizeBytes: number;

  /** Lower-case hex SHA-256 of the content: its name on disk, re-checked on every download. */
  @Column('text')
  sha256: string;

  /** The uploader's username. */
  @Column('text', { name: 'uploaded_by' })
  uploadedBy: string;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt: Date;
}
