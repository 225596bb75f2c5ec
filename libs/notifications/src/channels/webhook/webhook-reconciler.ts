import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue } from '@app/queues';
import { webhookWakeUp } from './record-deliveries';

const BATCH = 5000;

/**
 * Repairs what the queue lost: every pending delivery is handed to the queue again (a job that
 * still exists is left as it is, its id being the notice's). One that is already due runs at once.
 * Safe to run any number of times, in any number of workers.
 */
@Injectable()
export class WebhookReconciler {
  private readonly logger = new Logger(WebhookReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async reconcile(): Promise<{ requeued: number }> {
    let requeued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { noticeId: string; notBefore: Date }[] = await this.dataSource.query(
        `SELECT notice_id AS "noticeId", not_before AS "notBefore" FROM notice_deliveries
         WHERE channel = 'webhook' AND state = 'pending' AND notice_id > $1 ORDER BY notice_id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await this.queue.wake(rows.map((row) => webhookWakeUp(row.noticeId, new Date(row.notBefore))));
      requeued += rows.length;
      after = rows[rows.length - 1].noticeId;
    }
    if (requeued > 0) this.logger.log(`handed ${requeued} pending webhook delivery(ies) to the queue`);
    return { requeued };
  }
}
