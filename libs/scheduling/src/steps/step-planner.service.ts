import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkingCalendar } from '@app/calendar';
import {
  ackDeadlineFor,
  planSteps,
  resolveLadder,
  type LadderConfig,
  type LadderTask,
  type PlannedStep,
} from '../ladder';
import { jobId, type WakeUp } from '@app/queues';
import { LadderSettings } from './ladder-settings';

/** A task as the ladder sees it, with the facts its notices name. */
export interface TaskLadderRow extends LadderTask {
  documentLadder: unknown;
  title: string;
  unitCode: string;
  unitName: string;
  assignerUnitCode: string;
  /** The unit that launched the workflow (the lead task's assigner): the supervision office. */
  supervisorUnitCode: string;
  escalationLevel: number;
}

export const LADDER_TASK_SQL = `
  SELECT t.id, t.kind, t.state, t.title, t.unit_code AS "unitCode", u.full_name AS "unitName", t.assigner_unit_code AS "assignerUnitCode",
         t.escalation_level AS "escalationLevel",
         (SELECT l.assigner_unit_code FROM tasks l WHERE l.workflow_id = t.workflow_id AND l.kind = 'lead' ORDER BY l.created_at LIMIT 1) AS "supervisorUnitCode", to_char(t.assigned_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "assignedOn",
         to_char(t.ack_deadline, 'YYYY-MM-DD') AS "ackDeadline", to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
         t.deadline_version AS "deadlineVersion", t.acknowledged_at IS NOT NULL AS acknowledged,
         COALESCE((SELECT array_agg(p.quarter) FROM progress_reports p WHERE p.task_id = t.id AND p.state <> 'returned'), '{}') AS "reportedQuarters",
         d.ladder AS "documentLadder"
  FROM tasks t JOIN units u ON u.code = t.unit_code JOIN workflows w ON w.id = t.workflow_id JOIN documents d ON d.id = w.document_id`;

/**
 * Keeps `scheduled_steps` equal to what the tasks' current state calls for: new future steps are
 * written as pending, pending steps that no longer apply are cancelled. Runs inside the caller's
 * transaction, so a step exists exactly when the change that called for it was committed.
 */
@Injectable()
export class StepPlanner {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly settings: LadderSettings,
  ) {}

  /** Replans the tasks and returns the wake-ups of their pending steps' moments (one per distinct moment), for after commit. */
  async replan(manager: EntityManager, taskIds: string[], now: Date): Promise<WakeUp[]> {
    if (taskIds.length === 0) return [];
    const tasks: TaskLadderRow[] = await manager.query(`${LADDER_TASK_SQL} WHERE t.id = ANY($1)`, [taskIds]);
    const planned = tasks.flatMap((task) =>
      this.plan(task)
        .filter((step) => step.dueAt > now)
        .map((step) => ({ task, step })),
    );
    const rows = planned.map(({ task, step }) => ({
      taskId: task.id,
      stepKey: step.key,
      deadlineVersion: step.deadlineVersion,
      kind: step.kind,
      dueAt: step.dueAt.toISOString(),
      recipients: step.recipients,
      escalationLevel: step.escalationLevel,
      quarter: step.quarter,
    }));
    await manager.query(
      `UPDATE scheduled_steps s SET state = 'cancelled'
       WHERE s.task_id = ANY($1) AND s.state = 'pending' AND NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS p("taskId" uuid, "stepKey" text, "deadlineVersion" int)
         WHERE p."taskId" = s.task_id AND p."stepKey" = s.step_key AND p."deadlineVersion" = s.deadline_version)`,
      [taskIds, JSON.stringify(rows)],
    );
    // A calendar change can move a pending step: its new moment gets a wake-up; the old one finds it not due.
    await manager.query(
      `INSERT INTO scheduled_steps (task_id, step_key, deadline_version, kind, due_at, recipients, escalation_level, quarter, state)
       SELECT "taskId", "stepKey", "deadlineVersion", kind, "dueAt", recipients, "escalationLevel", quarter, 'pending'
       FROM jsonb_to_recordset($1::jsonb) AS p("taskId" uuid, "stepKey" text, "deadlineVersion" int, kind text, "dueAt" timestamptz,
            recipients text[], "escalationLevel" int, quarter text)
       ON CONFLICT (task_id, step_key, deadline_version) DO UPDATE SET state = 'pending', due_at = EXCLUDED.due_at, recipients = EXCLUDED.recipients
         WHERE scheduled_steps.state = 'cancelled' OR (scheduled_steps.state = 'pending' AND scheduled_steps.due_at <> EXCLUDED.due_at)`,
      [JSON.stringify(rows)],
    );
    return (await this.pendingMoments(manager, taskIds)).map(momentWakeUp);
  }

  /** The steps a task's current state calls for, under its document's ladder. */
  plan(task: TaskLadderRow): PlannedStep[] {
    return planSteps(task, this.ladderFor(task), this.calendar);
  }

  /** When a task assigned on `today` under this workflow's document must be acknowledged. */
  async ackDeadlineForWorkflow(manager: EntityManager, workflowId: string, today: string): Promise<string> {
    const [row]: { ladder: unknown }[] = await manager.query(
      'SELECT d.ladder FROM documents d JOIN workflows w ON w.document_id = d.id WHERE w.id = $1',
      [workflowId],
    );
    return ackDeadlineFor(today, this.ladderFor({ documentLadder: row?.ladder ?? null }), this.calendar);
  }

  /** The same for a document's tasks before its workflows exist (at launch). */
  async ackDeadlineForDocument(manager: EntityManager, documentId: string, today: string): Promise<string> {
    const [row]: { ladder: unknown }[] = await manager.query('SELECT ladder FROM documents WHERE id = $1', [
      documentId,
    ]);
    return ackDeadlineFor(today, this.ladderFor({ documentLadder: row?.ladder ?? null }), this.calendar);
  }

  /** The global ladder with the document's changes on top (absent ones are skipped). */
  ladderFor(task: Pick<TaskLadderRow, 'documentLadder'>): LadderConfig {
    return resolveLadder([this.settings.overrides, task.documentLadder]);
  }

  private async pendingMoments(manager: EntityManager, taskIds: string[]): Promise<Date[]> {
    const rows: { dueAt: Date }[] = await manager.query(
      `SELECT DISTINCT due_at AS "dueAt" FROM scheduled_steps WHERE task_id = ANY($1) AND state = 'pending'`,
      [taskIds],
    );
    return rows.map((row) => row.dueAt);
  }
}

/**
 * The wake-up of one due moment. Every step due then shares it, and its id is the moment's, so
 * adding it again (another task's step, a replan, the reconciler) adds nothing.
 */
export function momentWakeUp(at: Date): WakeUp {
  const moment = new Date(at);
  return {
    name: 'steps.wake',
    data: { at: moment.toISOString() },
    jobId: jobId('steps.wake', { at: moment }),
    at: moment,
  };
}
