import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarDaysStore, OfficialCalendar, WorkingCalendar } from '@app/calendar';
import { Clock } from '@app/common';
import { Metrics, type StepBacklog } from '@app/metrics';

/** A scrape's query never runs longer than this (the pending steps' partial index keeps it far shorter). */
const STATEMENT_TIMEOUT_MS = 2000;

/** Read at each scrape: the steps pending and due (PostgreSQL), and the years the calendar covers. */
@Injectable()
export class StepMetricsSource implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly calendar: WorkingCalendar,
    private readonly calendarDays: CalendarDaysStore,
  ) {}

  onModuleInit(): void {
    this.metrics.provide({ steps: () => this.backlog(), calendar: () => this.coverage() });
  }

  private backlog(): Promise<StepBacklog> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      const [row]: StepBacklog[] = await manager.query(
        `SELECT count(*)::int AS pending,
                (count(*) FILTER (WHERE due_at <= $1))::int AS due,
                COALESCE(EXTRACT(EPOCH FROM $1 - min(due_at) FILTER (WHERE due_at <= $1)), 0)::float8 AS "oldestDueAgeSeconds"
         FROM scheduled_steps WHERE state = 'pending'`,
        [this.clock.now()],
      );
      return row;
    });
  }

  private async coverage() {
    if (!(this.calendar instanceof OfficialCalendar)) return { officialYears: [], fallbackYears: [] };
    // Years an admin entered in another process count as soon as they are stored.
    await this.calendarDays.refreshIfChanged();
    return { officialYears: this.calendar.knownYears(), fallbackYears: this.calendar.unknownYearsUsed() };
  }
}
