import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, shanghaiDate } from '@app/common';
import { formatQuarter, previousQuarter, quarterOf, quarterStart, WorkingCalendar } from '@app/calendar';
import { deadlineDueDay } from '@app/scheduling';
import { quarterEndMoment } from './figures/compute-report';
import { ReportsService } from './reports.service';

export interface ScheduleOutcome {
  /** The quarter whose bulletins are due, or null before its first working day. */
  quarter: string | null;
  requested: number;
  alreadyThere: number;
}

/**
 * The quarterly bulletins: from the first working day after a quarter ends, every document with
 * work launched by then gets its report for that quarter. Runs daily, so a worker that was down on
 * that day catches up; the unique report key makes every later run a no-op.
 */
@Injectable()
export class QuarterlySchedule {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<ScheduleOutcome> {
    const today = shanghaiDate(this.clock.now());
    const current = quarterOf(today);
    if (today < deadlineDueDay({ deadline: quarterStart(current) }, this.calendar))
      return { quarter: null, requested: 0, alreadyThere: 0 };
    const ended = previousQuarter(current);
    const documents: { documentId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT document_id AS "documentId" FROM workflows WHERE launched_at <= $1 ORDER BY 1`,
      [quarterEndMoment(ended)],
    );
    let requested = 0;
    for (const { documentId } of documents) {
      if ((await this.reports.requestScheduled(documentId, ended)).created) requested += 1;
    }
    return { quarter: formatQuarter(ended), requested, alreadyThere: documents.length - requested };
  }
}
