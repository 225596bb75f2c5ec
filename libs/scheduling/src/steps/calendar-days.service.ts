import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarDaysStore, type CalendarDay } from '@app/calendar';
import { Clock, FINISHED_STATES } from '@app/common';
import { UnitOfWork } from '@app/queues';
import { StepPlanner } from './step-planner.service';
import { replanInBatches } from './replan-in-batches';

export interface CalendarChange {
  days: number;
  /** Open tasks whose pending steps were recomputed with the new days. */
  tasksReplanned: number;
}

/** Calendar days entered by an admin (stored by the calendar), and every pending step of the years they touch recomputed. */
@Injectable()
export class CalendarDaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly days: CalendarDaysStore,
    private readonly planner: StepPlanner,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  stored(): Promise<CalendarDay[]> {
    return this.days.stored();
  }

  async add(days: CalendarDay[], enteredBy: string): Promise<CalendarChange> {
    const years = await this.days.add(days, enteredBy);
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
}
