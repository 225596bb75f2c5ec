import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { ChainedEvent, ChainVerification, verifyChain } from './event-chain';

/** Re-reads a workflow's events from PostgreSQL and checks their chain. */
@Injectable()
export class ChainVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(workflowId: string): Promise<ChainVerification & { workflowId: string }> {
    const [workflow] = await this.dataSource.query('SELECT id FROM workflows WHERE id = $1', [workflowId]);
    if (!workflow)
      throw new DomainError('not_found', 'WORKFLOW_NOT_FOUND', `流程 ${workflowId} 不存在`, { field: 'workflowId' });
    const rows: (Omit<ChainedEvent, 'occurredAt'> & { occurredAt: Date })[] = await this.dataSource.query(
      `SELECT id, workflow_id AS "workflowId", seq, task_id AS "taskId", action, from_state AS "fromState", to_state AS "toState", reason, payload,
              actor_user_id AS "actorUserId", actor_username AS "actorUsername", actor_unit_code AS "actorUnitCode", occurred_at AS "occurredAt",
              prev_hash AS "prevHash", hash
       FROM task_events WHERE workflow_id = $1 ORDER BY seq`,
      [workflowId],
    );
    return { workflowId, ...verifyChain(rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }))) };
  }
}
