import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError, FINISHED_STATES } from '@app/common';
import { type CalendarDay, checkCalendarDays, OfficialCalendar, WorkingCalendar } from '@app/calendar';
import { UnitOfWork } from '@app/queues';
import { StepPlanner } from './step-planner.service';
import { replanInBatches } from './replan-in-batches';

export interface CalendarChange {
  days: number;
  /** Open tasks whose pending steps were recomputed with the new days. */
  tasksReplanned: number;
}

/**
 * Calendar days entered by an admin (a newly published holiday notice, a correction), kept in
 * PostgreSQL. Every process loads them at start and again when they change; adding days recomputes
 * every pending step of the years they touch.
 */
@Injectable()
export class CalendarDaysService implements OnModuleInit {
  private signature = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly planner: StepPlanner,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refreshIfChanged();
  }

  /** One small query: reloads the days when another process added some since. */
  async refreshIfChanged(): Promise<void> {
    const [{ signature }] = await this.dataSource.query(
      `SELECT count(*) || ':' || COALESCE(max(created_at)::text, '') AS signature FROM calendar_days`,
    );
    if (signature === this.signature) return;
    this.official().addDays(await this.stored());
    this.signature = signature;
  }

  async stored(): Promise<CalendarDay[]> {
    return this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note FROM calendar_days ORDER BY date`,
    );
  }

  async add(days: CalendarDay[], enteredBy: string): Promise<CalendarChange> {
    try {
      checkCalendarDays(days, 'days');
    } catch (error) {
      throw new DomainError(
        'invalid',
        'INVALID_CALENDAR_DAYS',
        `日历数据有误：${error instanceof Error ? error.message : String(error)}`,
        { field: 'days' },
      );
    }
    await this.dataSource.query(
      `INSERT INTO calendar_days (date, kind, note, created_by, created_at) SELECT date, kind, note, $2, $3 FROM jsonb_to_recordset($1::jsonb) AS d(date date, kind text, note text)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at`,
      [JSON.stringify(days), enteredBy, this.clock.now()],
    );
    await this.refreshIfChanged();
    const years = [...new Set(days.map((day) => Number(day.date.slice(0, 4))))];
    return { days: days.length, tasksReplanned: await this.replanYears(years) };
  }

  /** Every open task whose deadline, acknowledgement or pending step falls in `years`, in batches. */
  private async replanYears(years: number[]): Promise<number> {
    const tasks: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT t.id FROM tasks t LEFT JOIN scheduled_steps s ON s.task_id = t.id AND s.state = 'pending'
       WHERE t.state <> ALL($2) AND (extract(year FROM t.deadline)::int = ANY($1) OR extract(year FROM t.ack_deadline)::int = ANY($1)
         OR extract(year FROM s.due_at AT TIME ZONE 'Asia/Shanghai')::int = ANY($1))`,
      [years, FINISHED_STATES],
    );
    await replanInBatches(
      this.unitOfWork,
      this.planner,
      tasks.map((task) => task.id),
      this.clock.now(),
    );
    return tasks.length;
  }

  private official(): OfficialCalendar {
    if (!(this.calendar instanceof OfficialCalendar)) throw new Error('calendar days need the official calendar');
    return this.calendar;
  }
}
