import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, shanghaiDate } from '@app/common';
import { WorkingCalendar } from '@app/calendar';
import {
  LADDER_TASK_SQL,
  rollUpColour,
  statusColour,
  StepPlanner,
  type StatusColour,
  type TaskLadderRow,
} from '@app/scheduling';

interface LineageRow extends TaskLadderRow {
  parentTaskId: string | null;
}

/**
 * The status colours supervisors read (green on track, yellow due within the reminder window or a
 * report late, red overdue). A task is as bad as the worst of its subtasks, at any depth.
 */
@Injectable()
export class TaskColours {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
    private readonly planner: StepPlanner,
  ) {}

  async of(taskIds: string[]): Promise<Map<string, StatusColour>> {
    if (taskIds.length === 0) return new Map();
    const rows: LineageRow[] = await this.dataSource.query(
      `WITH RECURSIVE family AS (
         SELECT id FROM tasks WHERE id = ANY($1)
         UNION SELECT t.id FROM tasks t JOIN family f ON t.parent_task_id = f.id
       ) SELECT * FROM (${LADDER_TASK_SQL.replace('SELECT t.id,', 'SELECT t.id, t.parent_task_id AS "parentTaskId",')} WHERE t.id IN (SELECT id FROM family)) found`,
      [taskIds],
    );
    const today = shanghaiDate(this.clock.now());
    const own = new Map(
      rows.map((row) => [row.id, statusColour(row, today, this.planner.ladderFor(row), this.calendar)]),
    );
    const children = new Map<string, string[]>();
    for (const row of rows)
      if (row.parentTaskId) children.set(row.parentTaskId, [...(children.get(row.parentTaskId) ?? []), row.id]);
    const rolled = new Map<string, StatusColour>();
    const colourOf = (id: string): StatusColour => {
      const known = rolled.get(id);
      if (known) return known;
      const colour = rollUpColour(own.get(id) ?? 'green', (children.get(id) ?? []).map(colourOf));
      rolled.set(id, colour);
      return colour;
    };
    return new Map(taskIds.map((id) => [id, colourOf(id)]));
  }
}
