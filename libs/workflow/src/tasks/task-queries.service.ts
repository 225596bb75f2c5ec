import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, hasAnyRole } from '@app/access';
import { Clock, DomainError, shanghaiDate, OPEN_STATES, type TaskState } from '@app/common';
import { WorkingCalendar } from '@app/calendar';
import { allowedActions } from '../state-machine';
import { visibleTask } from './task-access';
import { TaskColours } from './task-colours.service';
import type { Page, TaskDetail, TaskEventView, TaskSummary } from './task-views';

export type InboxScope = 'mine' | 'assigned' | 'all';
export type InboxSort = 'deadline' | '-deadline' | 'assignedAt' | '-assignedAt';

export interface InboxQuery {
  scope?: InboxScope;
  states?: TaskState[];
  dueBefore?: string;
  overdue?: boolean;
  documentId?: string;
  measureId?: string;
  sort?: InboxSort;
  page?: number;
  pageSize?: number;
}

const SORT_SQL: Record<InboxSort, string> = {
  deadline: 't.deadline ASC, t.id',
  '-deadline': 't.deadline DESC, t.id',
  assignedAt: 't.assigned_at ASC, t.id',
  '-assignedAt': 't.assigned_at DESC, t.id',
};

export const TASK_SUMMARY_COLUMNS = `
  t.id, t.workflow_id AS "workflowId", t.parent_task_id AS "parentTaskId", t.kind, t.unit_code AS "unitCode", u.full_name AS "unitName",
  t.division, t.assigner_unit_code AS "assignerUnitCode", t.title, t.state, t.version, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
  to_char(t.ack_deadline, 'YYYY-MM-DD') AS "ackDeadline", t.escalation_level AS "escalationLevel",
  to_char(t.extension_requested_until, 'YYYY-MM-DD') AS "extensionRequestedUntil",
  json_build_object('id', m.id, 'path', m.path, 'title', m.title, 'documentId', m.document_id) AS measure`;

export const TASK_SUMMARY_FROM = `tasks t JOIN units u ON u.code = t.unit_code JOIN workflows w ON w.id = t.workflow_id JOIN measures m ON m.id = w.measure_id`;

type TaskRow = Omit<TaskSummary, 'overdue' | 'colour' | 'deadlineProvisional'>;

/** Overdue: an open task whose deadline has passed (Asia/Shanghai). */
function withOverdue(row: TaskRow, today: string): Omit<TaskSummary, 'colour' | 'deadlineProvisional'> {
  return { ...row, overdue: row.deadline < today && OPEN_STATES.includes(row.state) };
}

/** Read side of tasks: a unit's inbox with filters, sorting and pages, and one task with its family and history. */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly colours: TaskColours,
    private readonly calendar: WorkingCalendar,
  ) {}

  async inbox(actor: Actor, query: InboxQuery): Promise<Page<TaskSummary>> {
    const scope = query.scope ?? 'mine';
    if (scope === 'all' && !hasAnyRole(actor, ['supervisor', 'leadership', 'admin'])) {
      throw new DomainError('forbidden', 'SCOPE_FORBIDDEN', '只有督查室、领导和管理员可以查看全部任务', {
        field: 'scope',
      });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = shanghaiDate(this.clock.now());
    const parameters: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(sql(`$${parameters.length}`));
    };
    if (scope === 'mine') add((p) => `t.unit_code = ${p}`, actor.unitCode);
    if (scope === 'assigned') add((p) => `t.assigner_unit_code = ${p}`, actor.unitCode);
    if (query.states?.length) add((p) => `t.state = ANY(${p})`, query.states);
    if (query.dueBefore) add((p) => `t.deadline < ${p}::date`, query.dueBefore);
    if (query.overdue !== undefined) {
      parameters.push(today, OPEN_STATES);
      const overdue = `t.deadline < $${parameters.length - 1}::date AND t.state = ANY($${parameters.length})`;
      where.push(query.overdue ? overdue : `NOT (${overdue})`);
    }
    if (query.documentId) add((p) => `w.document_id = ${p}`, query.documentId);
    if (query.measureId) add((p) => `w.measure_id = ${p}`, query.measureId);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${TASK_SUMMARY_COLUMNS} FROM ${TASK_SUMMARY_FROM} ${whereSql} ORDER BY ${SORT_SQL[query.sort ?? 'deadline']} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      parameters,
    );
    const items = await this.withColours(rows.map((row) => withOverdue(row, today)));
    // Units, workflows and measures are joined by foreign keys: only a filter on the workflow needs one for counting.
    const countFrom =
      query.documentId || query.measureId ? 'tasks t JOIN workflows w ON w.id = t.workflow_id' : 'tasks t';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${countFrom} ${whereSql}`,
      parameters,
    );
    return { items, total, page, pageSize };
  }

  async task(taskId: string, actor: Actor): Promise<TaskDetail> {
    const { task, standing } = await visibleTask(this.dataSource.manager, taskId, actor);
    const summaries = await this.summaries('t.id = $1 OR t.id = $2 OR t.parent_task_id = $1', [
      task.id,
      task.parentTaskId,
    ]);
    const self = summaries.find((summary) => summary.id === task.id)!;
    const openSubtasks = summaries.filter(
      (summary) => summary.parentTaskId === task.id && OPEN_STATES.includes(summary.state),
    ).length;
    return {
      ...self,
      description: task.description,
      assignedAt: task.assignedAt.toISOString(),
      acknowledgedAt: task.acknowledgedAt?.toISOString() ?? null,
      submittedAt: task.submittedAt?.toISOString() ?? null,
      completedAt: task.completedAt?.toISOString() ?? null,
      extensionReason: task.extensionReason,
      parent: summaries.find((summary) => summary.id === task.parentTaskId) ?? null,
      subtasks: summaries.filter((summary) => summary.parentTaskId === task.id),
      history: await this.history(task.id),
      allowedActions: allowedActions(
        {
          state: task.state,
          pendingExtension: task.extensionRequestedUntil !== null,
          openSubtasks,
          isLeadTask: task.kind === 'lead',
        },
        standing,
      ),
    };
  }

  private async summaries(where: string, parameters: unknown[]): Promise<TaskSummary[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${TASK_SUMMARY_COLUMNS} FROM ${TASK_SUMMARY_FROM} WHERE ${where} ORDER BY t.created_at, t.id`,
      parameters,
    );
    const today = shanghaiDate(this.clock.now());
    return this.withColours(rows.map((row) => withOverdue(row, today)));
  }

  private async withColours(rows: Omit<TaskSummary, 'colour' | 'deadlineProvisional'>[]): Promise<TaskSummary[]> {
    const colours = await this.colours.of(rows.map((row) => row.id));
    return rows.map((row) => ({
      ...row,
      colour: colours.get(row.id) ?? 'green',
      deadlineProvisional: this.calendar.isProvisional(row.deadline),
    }));
  }

  private history(taskId: string): Promise<TaskEventView[]> {
    return this.dataSource.query(
      `SELECT seq, task_id AS "taskId", action, from_state AS "fromState", to_state AS "toState", reason, payload, actor_username AS "actorUsername",
              actor_unit_code AS "actorUnitCode", occurred_at AS "occurredAt"
       FROM task_events WHERE task_id = $1 ORDER BY seq`,
      [taskId],
    );
  }
}
