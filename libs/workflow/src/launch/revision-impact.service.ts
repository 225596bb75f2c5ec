import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FINISHED_STATES } from '@app/common';
import type { ImportOutcome } from '@app/documents';

/** A launched measure that a new revision of its document removed or changed. */
export interface LaunchedMeasureChange {
  path: string;
  change: 'removed' | 'changed';
  workflowId: string;
  /** Tasks still open: they go on as they are until the supervisor cancels or adjusts them. */
  openTasks: number;
}

export type ImportAnswer = ImportOutcome & { launchedChanged: LaunchedMeasureChange[] };

/**
 * What a revision means for work already launched. History is never rewritten: the tasks of a removed
 * or changed measure carry on unchanged, and the supervisor who imported is told which they are, so
 * they can cancel or adjust them through the task actions.
 */
@Injectable()
export class RevisionImpact {
  constructor(private readonly dataSource: DataSource) {}

  async answer(outcome: ImportOutcome): Promise<ImportAnswer> {
    const launchedChanged = outcome.status === 'revised' ? await this.launchedAmong(outcome) : [];
    if (launchedChanged.length === 0) return { ...outcome, launchedChanged };
    const paths = launchedChanged.map((item) => `${item.path}（${item.change === 'removed' ? '已删除' : '已修改'}）`);
    const message = `${outcome.message}。其中${launchedChanged.length}项措施已分解下达：${paths.join('、')}，相关任务继续办理，如需撤销或调整请在任务中处理`;
    return { ...outcome, message, launchedChanged };
  }

  private async launchedAmong(outcome: ImportOutcome): Promise<LaunchedMeasureChange[]> {
    const changeOf = new Map<string, LaunchedMeasureChange['change']>([
      ...outcome.changes.changed.map((path) => [path, 'changed'] as const),
      ...outcome.changes.removed.map((path) => [path, 'removed'] as const),
    ]);
    if (changeOf.size === 0) return [];
    const rows: { path: string; workflowId: string; openTasks: number }[] = await this.dataSource.query(
      `SELECT m.path, w.id AS "workflowId",
              (SELECT count(*)::int FROM tasks t WHERE t.workflow_id = w.id AND NOT (t.state = ANY($3))) AS "openTasks"
       FROM workflows w JOIN measures m ON m.id = w.measure_id
       WHERE w.document_id = $1 AND w.state = 'active' AND m.path = ANY($2)
       ORDER BY m.path`,
      [outcome.documentId, [...changeOf.keys()], FINISHED_STATES],
    );
    return rows.map((row) => ({ ...row, change: changeOf.get(row.path)! }));
  }
}
