import type { NoticeEntity } from '../../notice.entity';
import type { NoticeKind } from '../../notice-writer';

/** The JSON a unit's system receives; the shape is kept stable for other systems. */
export interface WebhookPayload {
  id: string;
  unitCode: string;
  taskId: string | null;
  kind: NoticeKind;
  title: string;
  body: string;
  createdAt: string;
  dueAt: string | null;
  deliveredLate: boolean;
}

export function webhookPayload(notice: NoticeEntity): WebhookPayload {
  return {
    id: notice.id,
    unitCode: notice.unitCode,
    taskId: notice.taskId,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    createdAt: notice.createdAt.toISOString(),
    dueAt: notice.dueAt ? notice.dueAt.toISOString() : null,
    deliveredLate: notice.deliveredLate,
  };
}
