import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, hasAnyRole } from '@app/access';
import { Clock, DomainError, shanghaiDate, OPEN_STATES, type TaskState } from '@app/common';
import { WorkingCalendar } from '@app/calendar';
import { LADDER_TASK_SQL, nextReportDue, StepPlanner, type TaskLadderRow } from '@app/scheduling';
import { allowedActions, type TaskAction } from '../state-machine';
import type { TaskCommandAction } from './task-action.types';
import { visibleTask } from './task-access';
import { TaskColours } from './task-colours.service';
import {
  DUE_SOON_WORKING_DAYS,
  FILTER_STATE_LISTS,
  filterCondition,
  INBOX_TABS,
  SqlParameters,
  tabCondition,
  type FilterParameters,
  type InboxTab,
  type TaskFilter,
} from './task-filters';
import type {
  InstructionView,
  Page,
  TabCounts,
  TaskDetail,
  TaskEventView,
  TaskMeasureView,
  TaskSummary,
} from './task-views';

export type InboxScope = 'mine' | 'assigned' | 'all';
export type InboxSort = 'deadline' | '-deadline' | 'assignedAt' | '-assignedAt';

export interface InboxQuery {
  scope?: InboxScope;
  /** A tab other than `all` names its own unit condition and replaces the scope's. */
  tab?: InboxTab;
  /** Only tasks this unit holds (with scope `all`, the board's drill-down). */
  unitCode?: string;
  filter?: TaskFilter;
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
  t.id, t.workflow_id AS "workflowId", t.parent_task_id AS "parentTaskId", t.kind, t.kind AS role, t.unit_code AS "unitCode", u.full_name AS "unitName",
  t.division, t.assigner_unit_code AS "assignerUnitCode", t.title, t.state, t.version, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
  to_char(t.ack_deadline, 'YYYY-MM-DD') AS "ackDeadline", t.escalation_level AS "escalationLevel",
  to_char(t.extension_requested_until, 'YYYY-MM-DD') AS "extensionRequestedUntil",
  m.id AS "measureId", m.title AS "measureTitle", m.document_id AS "documentId",
  json_build_object('id', m.id, 'path', m.path, 'title', m.title, 'documentId', m.document_id) AS measure`;

export const TASK_SUMMARY_FROM = `tasks t JOIN units u ON u.code = t.unit_code JOIN workflows w ON w.id = t.workflow_id JOIN measures m ON m.id = w.measure_id`;

type TaskRow = Omit<TaskSummary, 'overdue' | 'colour' | 'light' | 'deadlineProvisional' | 'workingDaysLeft'>;

/** Read side of tasks: a unit's inbox with tabs, filters, sorting and pages, and one task with its family and history. */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly colours: TaskColours,
    private readonly calendar: WorkingCalendar,
    private readonly planner: StepPlanner,
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
    const parameters = new SqlParameters();
    const names = this.filterParameters(parameters, actor.unitCode);
    const where: string[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => where.push(sql(parameters.add(value)));
    const tab = query.tab ? tabCondition(query.tab, names) : null;
    if (tab) where.push(tab);
    else if (scope === 'mine') where.push(`t.unit_code = ${names.unit}`);
    else if (scope === 'assigned') where.push(`t.assigner_unit_code = ${names.unit}`);
    if (query.unitCode) add((p) => `t.unit_code = ${p}`, query.unitCode);
    if (query.filter) where.push(filterCondition(query.filter, names));
    if (query.states?.length) add((p) => `t.state = ANY(${p})`, query.states);
    if (query.dueBefore) add((p) => `t.deadline < ${p}::date`, query.dueBefore);
    if (query.overdue !== undefined) {
      const overdue = filterCondition('overdue', names);
      where.push(query.overdue ? overdue : `NOT (${overdue})`);
    }
    if (query.documentId) add((p) => `w.document_id = ${p}`, query.documentId);
    if (query.measureId) add((p) => `w.measure_id = ${p}`, query.measureId);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${TASK_SUMMARY_COLUMNS} FROM ${TASK_SUMMARY_FROM} ${whereSql} ORDER BY ${SORT_SQL[query.sort ?? 'deadline']} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      parameters.values,
    );
    const items = await this.withColours(rows);
    // Units, workflows and measures are joined by foreign keys: only a filter on the workflow needs one for counting.
    const countFrom =
      query.documentId || query.measureId ? 'tasks t JOIN workflows w ON w.id = t.workflow_id' : 'tasks t';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${countFrom} ${whereSql}`,
      parameters.values,
    );
    return { items, total, page, pageSize };
  }

  /** How many tasks each inbox tab holds for the actor's unit, in one pass over its tasks. */
  async tabCounts(actor: Actor): Promise<TabCounts> {
    const parameters = new SqlParameters();
    const names = this.filterParameters(parameters, actor.unitCode);
    const counts = INBOX_TABS.filter((tab) => tab !== 'all').map(
      (tab) => `count(*) FILTER (WHERE ${tabCondition(tab, names)})::int AS ${tab}`,
    );
    const [row]: TabCounts[] = await this.dataSource.query(
      `SELECT ${counts.join(', ')}, count(*) FILTER (WHERE t.unit_code = ${names.unit})::int AS "all"
       FROM tasks t WHERE t.unit_code = ${names.unit} OR t.assigner_unit_code = ${names.unit}`,
      parameters.values,
    );
    return row;
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** The values the tab and board conditions read, each added to `parameters` when a condition first uses it. */
  filterParameters(parameters: SqlParameters, unitCode: string): FilterParameters {
    const today = this.today();
    return parameters.lazy({
      unit: () => unitCode,
      today: () => today,
      dueSoonBy: () => this.calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS),
      open: () => FILTER_STATE_LISTS.open,
      finished: () => FILTER_STATE_LISTS.finished,
    });
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
    const history = await this.history(task.id);
    return {
      ...self,
      measure: await this.measureOf(task.workflowId),
      description: task.description,
      assignedAt: task.assignedAt.toISOString(),
      acknowledgedAt: task.acknowledgedAt?.toISOString() ?? null,
      submittedAt: task.submittedAt?.toISOString() ?? null,
      completedAt: task.completedAt?.toISOString() ?? null,
      extensionReason: task.extensionReason,
      parent: summaries.find((summary) => summary.id === task.parentTaskId) ?? null,
      subtasks: summaries.filter((summary) => summary.parentTaskId === task.id),
      history,
      instructions: history.filter((event) => event.action === 'instruction').map(toInstruction),
      nextProgressReport: await this.nextProgressReport(task.id),
      ...actionsOffered(
        allowedActions(
          {
            state: task.state,
            pendingExtension: task.extensionRequestedUntil !== null,
            openSubtasks,
            isLeadTask: task.kind === 'lead',
          },
          standing,
        ),
        task.id,
      ),
    };
  }

  private async summaries(where: string, parameters: unknown[]): Promise<TaskSummary[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ${TASK_SUMMARY_COLUMNS} FROM ${TASK_SUMMARY_FROM} WHERE ${where} ORDER BY t.created_at, t.id`,
      parameters,
    );
    return this.withColours(rows);
  }

  /** Overdue, status light and working days left (negative when overdue) on the official calendar. */
  private async withColours(rows: TaskRow[]): Promise<TaskSummary[]> {
    const today = shanghaiDate(this.clock.now());
    const colours = await this.colours.of(rows.map((row) => row.id));
    return rows.map((row) => {
      const colour = colours.get(row.id) ?? 'green';
      return {
        ...row,
        overdue: row.deadline < today && OPEN_STATES.includes(row.state),
        workingDaysLeft: this.calendar.workingDaysBetween(today, row.deadline),
        colour,
        light: colour,
        deadlineProvisional: this.calendar.isProvisional(row.deadline),
      };
    });
  }

  private async measureOf(workflowId: string): Promise<TaskMeasureView> {
    const [measure]: TaskMeasureView[] = await this.dataSource.query(
      `SELECT m.id, m.path, m.title, m.document_id AS "documentId", d.doc_number AS "docNumber", m.text,
              m.section_titles AS "sectionTitles", m.targets, to_char(m.deadline, 'YYYY-MM-DD') AS deadline
       FROM workflows w JOIN measures m ON m.id = w.measure_id JOIN documents d ON d.id = m.document_id WHERE w.id = $1`,
      [workflowId],
    );
    return measure;
  }

  private async nextProgressReport(taskId: string): Promise<TaskDetail['nextProgressReport']> {
    const [row]: TaskLadderRow[] = await this.dataSource.query(`${LADDER_TASK_SQL} WHERE t.id = $1`, [taskId]);
    return nextReportDue(row, this.planner.ladderFor(row), this.calendar);
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

function toInstruction(event: TaskEventView): InstructionView {
  return {
    seq: event.seq,
    text: String(event.payload.text ?? ''),
    actorUsername: event.actorUsername,
    actorUnitCode: event.actorUnitCode,
    occurredAt: event.occurredAt,
  };
}

/** The actions served by their own routes rather than POST /tasks/:id/actions/:action. */
const ROUTED_ACTIONS: Partial<Record<TaskAction, { method: 'POST'; route: string }>> = {
  split: { method: 'POST', route: '/tasks/{id}/subtasks' },
  report_progress: { method: 'POST', route: '/tasks/{id}/progress-reports' },
  review_progress: { method: 'POST', route: '/tasks/{id}/progress-reports/{reportId}/review' },
};

/** allowedActions: only what the action route accepts; otherActions: the rest, each with its route. */
function actionsOffered(actions: TaskAction[], taskId: string): Pick<TaskDetail, 'allowedActions' | 'otherActions'> {
  return {
    allowedActions: actions.filter((action): action is TaskCommandAction => !ROUTED_ACTIONS[action]),
    otherActions: actions.flatMap((action) => {
      const routed = ROUTED_ACTIONS[action];
      return routed ? [{ action, method: routed.method, route: routed.route.replace('{id}', taskId) }] : [];
    }),
  };
}
