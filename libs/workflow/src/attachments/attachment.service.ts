import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, hasAnyRole } from '@app/access';
import { AppConfig, Clock, DomainError, FINISHED_STATES, TASK_STATE_LABELS } from '@app/common';
import { appendEvents } from '../audit/event-recorder';
import { visibleTask } from '../tasks/task-access';
import { eventActorOf } from '../tasks/task-action.service';
import { AttachmentEntity, type AttachmentPurpose } from './attachment.entity';
import { AttachmentStore } from './attachment-store';
import {
  ACCEPTED_TYPES_TEXT,
  attachmentTypeOfContentType,
  cleanFileName,
  downloadName,
  formatBytes,
  MAX_FILE_NAME_LENGTH,
} from './attachment-types';
import { sniffContent } from './content-sniffing';

export interface UploadAttachmentCommand {
  taskId: string;
  actor: Actor;
  fileName: string;
  content: Buffer;
  purpose?: AttachmentPurpose;
}

export interface AttachmentView {
  id: string;
  taskId: string;
  progressReportId: string | null;
  purpose: AttachmentPurpose;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface AttachmentDownload {
  attachment: AttachmentView;
  content: Buffer;
  /** The stored name, with the content's extension added when it does not already end with one. */
  fileName: string;
  /** With the charset for text. */
  contentType: string;
}

/** The size limit, in the error both the upload parser and the service give. */
export function attachmentTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'invalid',
    'ATTACHMENT_TOO_LARGE',
    `附件大小不能超过 ${formatBytes(maxBytes)}（${maxBytes} 字节）`,
    { field: 'file', maxBytes },
  );
}

/**
 * Evidence for a task: uploaded by the unit holding it while it is open, listed and downloaded by
 * whoever may see the task. Bytes go to the content-addressed store, facts to the `attachments` row.
 */
@Injectable()
export class AttachmentService {
  private readonly logger = new Logger(AttachmentService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The task row stays locked from the checks to the insert, so an approval cannot slip in between. */
  async upload(command: UploadAttachmentCommand): Promise<AttachmentView> {
    return this.dataSource.transaction(async (manager) => {
      const { task, standing } = await visibleTask(manager, command.taskId, command.actor, true);
      if (!standing.relations.includes('assignee') || !hasAnyRole(command.actor, ['officer', 'leader'])) {
        throw new DomainError('forbidden', 'ATTACHMENT_NOT_PERMITTED', '只有承办单位的经办人员或负责人可以上传附件');
      }
      if (FINISHED_STATES.includes(task.state)) {
        throw new DomainError(
          'conflict',
          'TASK_FINISHED',
          `任务当前状态为“${TASK_STATE_LABELS[task.state]}”，不能再上传附件`,
          { currentState: task.state, currentVersion: task.version },
        );
      }
      const { fileName, contentType } = this.assertAcceptable(command);
      const sha256 = await this.store.put(command.content);
      const row: AttachmentEntity = {
        id: randomUUID(),
        taskId: task.id,
        progressReportId: null,
        purpose: command.purpose ?? 'evidence',
        fileName,
        contentType,
        sizeBytes: command.content.length,
        sha256,
        uploadedBy: command.actor.username,
        uploadedAt: this.clock.now(),
      };
      await manager.insert(AttachmentEntity, row);
      // The checksum in the hash-chained history makes the evidence tamper-evident too.
      await appendEvents(manager, task.workflowId, eventActorOf(command.actor), row.uploadedAt, [
        {
          taskId: task.id,
          action: 'attach',
          fromState: task.state,
          toState: task.state,
          payload: { attachmentId: row.id, fileName, sha256, sizeBytes: row.sizeBytes, purpose: row.purpose },
        },
      ]);
      return viewOf(row);
    });
  }

  async list(taskId: string, actor: Actor): Promise<AttachmentView[]> {
    await visibleTask(this.dataSource.manager, taskId, actor);
    const rows = await this.dataSource.manager.find(AttachmentEntity, {
      where: { taskId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(viewOf);
  }

  /** The bytes, re-checked against their checksum: damaged or missing evidence is never handed out. */
  async download(taskId: string, attachmentId: string, actor: Actor): Promise<AttachmentDownload> {
    await visibleTask(this.dataSource.manager, taskId, actor);
    const row = await this.dataSource.manager.findOneBy(AttachmentEntity, { id: attachmentId, taskId });
    if (!row)
      throw new DomainError('not_found', 'ATTACHMENT_NOT_FOUND', `任务 ${taskId} 下没有附件 ${attachmentId}`, {
        field: 'attachmentId',
      });
    const stored = await this.store.get(row.sha256);
    if (!stored.found) {
      this.logger.error(`Attachment ${row.id}: file ${this.store.pathOf(row.sha256)} is missing`);
      throw new DomainError(
        'conflict',
        'ATTACHMENT_FILE_MISSING',
        `附件“${row.fileName}”的文件已丢失，请联系管理员从备份恢复`,
        { attachmentId: row.id },
      );
    }
    if (!stored.intact || stored.content.length !== row.sizeBytes) {
      this.logger.error(`Attachment ${row.id}: file ${this.store.pathOf(row.sha256)} no longer matches its SHA-256`);
      throw new DomainError(
        'conflict',
        'ATTACHMENT_CORRUPTED',
        `附件“${row.fileName}”的文件校验和不符，可能已损坏或被篡改，已拒绝下载；请联系管理员从备份恢复`,
        { attachmentId: row.id, sha256: row.sha256 },
      );
    }
    const type = attachmentTypeOfContentType(row.contentType);
    return {
      attachment: viewOf(row),
      content: stored.content,
      fileName: type ? downloadName(row.fileName, type) : row.fileName,
      contentType: type?.kind === 'text' ? `${row.contentType}; charset=utf-8` : row.contentType,
    };
  }

  private assertAcceptable(command: UploadAttachmentCommand): { fileName: string; contentType: string } {
    const maxBytes = this.config.ATTACHMENT_MAX_BYTES;
    if (command.content.length > maxBytes) throw attachmentTooLarge(maxBytes);
    if (command.content.length === 0)
      throw new DomainError('invalid', 'ATTACHMENT_EMPTY', '附件是空文件', { field: 'file' });
    const fileName = cleanFileName(command.fileName);
    if (fileName.length > MAX_FILE_NAME_LENGTH)
      throw new DomainError('invalid', 'FILE_NAME_TOO_LONG', `文件名不能超过 ${MAX_FILE_NAME_LENGTH} 个字符`, {
        field: 'file',
      });
    const sniffed = sniffContent(command.content);
    if (!sniffed.accepted) {
      throw new DomainError(
        'invalid',
        'UNSUPPORTED_FILE_TYPE',
        `不支持的附件类型：文件内容看起来是${sniffed.label}。仅接受${ACCEPTED_TYPES_TEXT}`,
        { field: 'file', detected: sniffed.detected },
      );
    }
    return { fileName, contentType: sniffed.type.contentType };
  }
}

function viewOf(row: AttachmentEntity): AttachmentView {
  return { ...row, uploadedAt: row.uploadedAt.toISOString() };
}
