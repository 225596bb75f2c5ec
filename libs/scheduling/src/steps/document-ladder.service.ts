import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError, FINISHED_STATES } from '@app/common';
import { DocumentLadderStore } from '@app/documents';
import type { LadderConfig } from '../ladder';
import { UnitOfWork } from '@app/queues';
import { StepPlanner } from './step-planner.service';
import { replanInBatches } from './replan-in-batches';

/** A document's own changes to the reminder ladder: validated, stored, and applied to its open tasks at once. */
@Injectable()
export class DocumentLadderService {
  constructor(
    private readonly documents: DocumentLadderStore,
    private readonly dataSource: DataSource,
    private readonly planner: StepPlanner,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async effective(documentId: string): Promise<{ overrides: unknown; ladder: LadderConfig }> {
    const overrides = await this.documents.overrides(documentId);
    return { overrides, ladder: this.planner.ladderFor({ documentLadder: overrides }) };
  }

  /** `overrides` null goes back to the global ladder. Returns how many open tasks were replanned. */
  async set(documentId: string, overrides: object | null): Promise<{ ladder: LadderConfig; tasksReplanned: number }> {
    await this.documents.overrides(documentId);
    let ladder: LadderConfig;
    try {
      ladder = this.planner.ladderFor({ documentLadder: overrides });
    } catch (error) {
      throw new DomainError(
        'invalid',
        'INVALID_LADDER',
        `提醒与督办规则有误：${error instanceof Error ? error.message : String(error)}`,
        { field: 'ladder' },
      );
    }
    await this.documents.setOverrides(documentId, overrides);
    const tasks: { id: string }[] = await this.dataSource.query(
      `SELECT t.id FROM tasks t JOIN workflows w ON w.id = t.workflow_id WHERE w.document_id = $1 AND t.state <> ALL($2)`,
      [documentId, FINISHED_STATES],
    );
    await replanInBatches(
      this.unitOfWork,
      this.planner,
      tasks.map((task) => task.id),
      this.clock.now(),
    );
    return { ladder, tasksReplanned: tasks.length };
  }
}
