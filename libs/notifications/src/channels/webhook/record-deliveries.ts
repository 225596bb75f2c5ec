import { EntityManager } from 'typeorm';
import { DEFAULT_WORKING_HOURS, nextWorkingMoment, WorkingCalendar, type WorkingHours } from '@app/calendar';
import { jobId, type WakeUp } from '@app/queues';
import type { NoticeKind } from '../../notice-writer';

/** Which notices were just written: by id, or by the dedupe keys the writer gave them. */
export type WrittenNotices = { noticeIds: readonly string[] } | { dedupeKeys: readonly string[] };

/**
 * Records a pending webhook delivery for every given notice whose unit has an enabled webhook,
 * inside the writer's transaction. External channels wait for working hours: `not_before` is the
 * next working moment from `now` (the inbox has the notice at once). A notice older than its
 * unit's webhook is not sent (configuring a webhook does not replay the past); recording twice
 * records once. Returns the deliveries' jobs to add once the transaction has committed
 * (`JobQueue.wakeAfterCommit`), with each recorded notice's kind.
 */
export async function recordWebhookDeliveries(
  manager: EntityManager,
  written: WrittenNotices,
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): Promise<{ wakeUps: WebhookWakeUp[]; kinds: NoticeKind[] }> {
  const byIds = 'noticeIds' in written;
  const refs = byIds ? written.noticeIds : written.dedupeKeys;
  if (refs.length === 0) return { wakeUps: [], kinds: [] };
  const notBefore = nextWorkingMoment(now, calendar, hours);
  const rows: { noticeId: string; kind: NoticeKind }[] = await manager.query(
    `INSERT INTO notice_deliveries (notice_id, channel, state, attempts, not_before)
     SELECT n.id, 'webhook', 'pending', 0, $2
     FROM notices n JOIN unit_webhooks w ON w.unit_code = n.unit_code AND w.enabled
     WHERE ${byIds ? 'n.id = ANY($1::uuid[])' : 'n.dedupe_key = ANY($1::text[])'} AND n.created_at >= w.created_at
     ON CONFLICT (notice_id, channel) DO NOTHING
     RETURNING notice_id AS "noticeId", (SELECT kind FROM notices WHERE id = notice_id) AS kind`,
    [refs, notBefore],
  );
  return { wakeUps: rows.map((row) => webhookWakeUp(row.noticeId, notBefore)), kinds: rows.map((row) => row.kind) };
}

export type WebhookWakeUp = Extract<WakeUp, { name: 'notice.webhook' }>;

/** A delivery's job id is built from the channel and the notice, so queueing it twice queues it once. */
export function webhookJobId(noticeId: string): string {
  return jobId('notice.webhook', { noticeId });
}

/** The job that sends one notice to its unit's webhook, not before `notBefore`. */
export function webhookWakeUp(noticeId: string, notBefore: Date): WebhookWakeUp {
  return { name: 'notice.webhook', data: { noticeId }, jobId: webhookJobId(noticeId), at: notBefore };
}
