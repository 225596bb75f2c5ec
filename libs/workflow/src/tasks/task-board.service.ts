import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, hasAnyRole } from '@app/access';
import { DomainError } from '@app/common';
import { filterCondition, SqlParameters, TASK_FILTERS } from './task-filters';
import { TaskQueries } from './task-queries.service';

export interface BoardRow {
  unitCode: string;
  unitName: string;
  tasks: number;
  overdue: number;
  dueSoon: number;
  notAcknowledged: number;
  missingReports: number;
  level1: number;
  level2: number;
}

export interface RateRow {
  key: string;
  name: string;
  tasks: number;
  completed: number;
  onTime: number;
  overdue: number;
  /** completed / tasks; null without tasks. */
  completionRate: number | null;
  /** completed on or before the deadline / completed; null when none is completed. */
  onTimeRate: number | null;
}

export interface Statistics {
  documentId: string | null;
  byUnit: RateRow[];
  bySection: RateRow[];
}

const COLUMN_OF: Record<(typeof TASK_FILTERS)[number], keyof BoardRow> = {
  overdue: 'overdue',
  due_soon: 'dueSoon',
  not_acknowledged: 'notAcknowledged',
  missing_reports: 'missingReports',
  level1: 'level1',
  level2: 'level2',
};

const OVERSEEING_ROLES = ['supervisor', 'leadership', 'admin'] as const;

function assertOverseer(actor: Actor): void {
  if (!hasAnyRole(actor, [...OVERSEEING_ROLES]))
    throw new DomainError('forbidden', 'ROLE_REQUIRED', '只有督查室、领导和管理员可以查看', { field: 'roles' });
}

/**
 * 督办台 and the leadership's figures. Each board count uses the same condition as GET /tasks'
 * `filter`, so a count opens exactly the list it counts.
 */
@Injectable()
export class TaskBoard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: TaskQueries,
  ) {}

  async board(actor: Actor): Promise<{ rows: BoardRow[] }> {
    assertOverseer(actor);
    const parameters = new SqlParameters();
    const names = this.queries.filterParameters(parameters, actor.unitCode);
    const counts = TASK_FILTERS.map(
      (filter) => `count(*) FILTER (WHERE ${filterCondition(filter, names)})::int AS "${COLUMN_OF[filter]}"`,
    );
    const rows: BoardRow[] = await this.dataSource.query(
      `SELECT t.unit_code AS "unitCode", u.full_name AS "unitName", count(*)::int AS tasks, ${counts.join(', ')}
       FROM tasks t JOIN units u ON u.code = t.unit_code GROUP BY t.unit_code, u.full_name ORDER BY t.unit_code`,
      parameters.values,
    );
    return { rows };
  }

  /** Completion and on-time rates of lead and co-responsible tasks (subtasks are their parents' parts), cancelled ones left out. */
  async statistics(actor: Actor, documentId?: string): Promise<Statistics> {
    assertOverseer(actor);
    const rates = (key: string, name: string, group: string) =>
      this.dataSource.query(
        `SELECT ${key} AS key, ${name} AS name, count(*)::int AS tasks,
                count(*) FILTER (WHERE t.state = 'approved')::int AS completed,
                count(*) FILTER (WHERE t.state = 'approved' AND (t.completed_at AT TIME ZONE 'Asia/Shanghai')::date <= t.deadline)::int AS "onTime",
                count(*) FILTER (WHERE t.state <> 'approved' AND t.deadline < $2::date)::int AS overdue
         FROM tasks t JOIN units u ON u.code = t.unit_code JOIN workflows w ON w.id = t.workflow_id JOIN measures m ON m.id = w.measure_id
         WHERE t.kind IN ('lead', 'co') AND t.state <> 'cancelled' AND ($1::uuid IS NULL OR w.document_id = $1)
         GROUP BY ${group} ORDER BY 1`,
        [documentId ?? null, this.queries.today()],
      ) as Promise<Omit<RateRow, 'completionRate' | 'onTimeRate'>[]>;
    const [byUnit, bySection] = await Promise.all([
      rates('t.unit_code', 'u.full_name', 't.unit_code, u.full_name'),
      rates(`COALESCE(m.section_titles[1], '')`, `COALESCE(m.section_titles[1], '')`, '1'),
    ]);
    return { documentId: documentId ?? null, byUnit: byUnit.map(withRates), bySection: bySection.map(withRates) };
  }
}

function withRates(row: Omit<RateRow, 'completionRate' | 'onTimeRate'>): RateRow {
  const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : null);
  return { ...row, completionRate: ratio(row.completed, row.tasks), onTimeRate: ratio(row.onTime, row.completed) };
}
