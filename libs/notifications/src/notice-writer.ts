import { EntityManager } from 'typeorm';

export type NoticeKind = 'assignment' | 'manual_reminder' | 'reminder' | 'overdue' | 'escalation' | 'report_ready';

/** A notice for one unit's inbox. `dedupeKey` makes it once-only: writing it twice stores it once. */
export interface NewNotice {
  dedupeKey: string;
  unitCode: string;
  taskId: string | null;
  kind: NoticeKind;
  title: string;
  body: string;
  sentBy: string | null;
  /** For ladder notices: the step that sent it, when it should have gone, and whether it went late. */
  stepId?: string | null;
  dueAt?: Date | null;
  deliveredLate?: boolean;
}

/** Stores notices inside the caller's transaction; returns the kind of each that was new. */
export async function insertNotices(
  manager: EntityManager,
  notices: readonly NewNotice[],
  createdAt: Date,
): Promise<NoticeKind[]> {
  if (notices.length === 0) return [];
  const inserted: { kind: NoticeKind }[] = await manager.query(
    `INSERT INTO notices (dedupe_key, unit_code, task_id, kind, title, body, sent_by, created_at, step_id, due_at, delivered_late)
     SELECT "dedupeKey", "unitCode", "taskId", kind, title, body, "sentBy", $2, "stepId", "dueAt", COALESCE("deliveredLate", false)
     FROM jsonb_to_recordset($1::jsonb)
       AS n("dedupeKey" text, "unitCode" text, "taskId" uuid, kind text, title text, body text, "sentBy" text, "stepId" uuid, "dueAt" timestamptz, "deliveredLate" boolean)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING kind`,
    [JSON.stringify(notices), createdAt],
  );
  return inserted.map((row) => row.kind);
}
