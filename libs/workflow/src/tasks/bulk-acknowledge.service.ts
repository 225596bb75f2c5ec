import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/access';
import { DomainError } from '@app/common';
import { TaskActionService } from './task-action.service';

export interface BulkResult {
  taskId: string;
  ok: boolean;
  /** The task's version after the action, when it succeeded. */
  version?: number;
  code?: string;
  message?: string;
}

/**
 * 批量签收: each task in its own transaction, so one refused (another unit's, already acknowledged)
 * leaves the others acknowledged; every task's result is reported, in the order asked.
 */
@Injectable()
export class BulkAcknowledgeService {
  constructor(private readonly actions: TaskActionService) {}

  async acknowledge(taskIds: string[], actor: Actor): Promise<{ results: BulkResult[] }> {
    const results: BulkResult[] = [];
    for (const taskId of new Set(taskIds)) results.push(await this.acknowledgeOne(taskId, actor));
    return { results };
  }

  private async acknowledgeOne(taskId: string, actor: Actor): Promise<BulkResult> {
    try {
      const task = await this.actions.execute({ taskId, action: 'acknowledge', actor });
      return { taskId, ok: true, version: task.version };
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
      return { taskId, ok: false, code: error.code, message: error.message };
    }
  }
}
