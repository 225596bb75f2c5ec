import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Workbook } from 'exceljs';
import { Clock, OPEN_STATES, TASK_STATE_LABELS, shanghaiDate, xmlSafe, type TaskState } from '@app/common';
import { WorkingCalendar } from '@app/calendar';
import { deadlineDueDay } from '@app/scheduling';
import { sectionOf } from './figures/compute-report';
import { COLUMN, escalationLabel, taskKindLabel } from './render/report-labels';
import { FORMAT, addTableSheet, utcDate, type SheetColumn } from './render/xlsx-sheets';
import { issuingBodyOf } from './issuing-body';

/** One task of the 台账 (supervision ledger): what it is, who holds it, where it stands now. */
export interface LedgerRow {
  taskId: string;
  measurePath: string;
  measureTitle: string;
  section: string;
  taskKind: 'lead' | 'co' | 'subtask';
  unitCode: string;
  unitName: string;
  /** The measure's lead unit(s) and co-responsible units, by name. */
  leadUnits: string;
  coUnits: string;
  deadline: string;
  state: TaskState;
  /** The latest progress report not returned: its quarter, share done, text and whether it is approved. */
  lastProgress: { quarter: string; percentDone: number; text: string; approved: boolean } | null;
  /** Working days past the due day for open work; 0 otherwise. */
  workingDaysOverdue: number;
  escalationLevel: number;
}

export interface LedgerRequest {
  documentId: string;
  /** One unit's tasks only; null: every task of the document. */
  unitCode: string | null;
}

interface LedgerQueryRow extends Omit<LedgerRow, 'section' | 'lastProgress' | 'workingDaysOverdue'> {
  sectionTitles: string[];
  progressQuarter: string | null;
  progressPercent: number | null;
  progressText: string | null;
  progressState: string | null;
}

const UNITS_OF_KIND = (kind: 'lead' | 'co') => `LEFT JOIN LATERAL (
    SELECT string_agg(ku.short_name, '、' ORDER BY kt.created_at, kt.id) AS names FROM tasks kt JOIN units ku ON ku.code = kt.unit_code
    WHERE kt.workflow_id = t.workflow_id AND kt.kind = '${kind}' AND kt.state <> 'cancelled') ${kind}_units ON true`;

/** The 台账: every task of a document (or of one unit) as it stands now, for units to filter in Excel. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar,
  ) {}

  async rows(request: LedgerRequest): Promise<LedgerRow[]> {
    const today = shanghaiDate(this.clock.now());
    const rows: LedgerQueryRow[] = await this.dataSource.query(
      `SELECT t.id AS "taskId", m.path AS "measurePath", m.title AS "measureTitle", m.section_titles AS "sectionTitles",
              t.kind AS "taskKind", t.unit_code AS "unitCode", u.short_name AS "unitName",
              COALESCE(lead_units.names, '') AS "leadUnits", COALESCE(co_units.names, '') AS "coUnits",
              to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.state, t.escalation_level AS "escalationLevel",
              p.quarter AS "progressQuarter", p.percent_done AS "progressPercent", p.text AS "progressText", p.state AS "progressState"
       FROM tasks t JOIN workflows w ON w.id = t.workflow_id JOIN measures m ON m.id = w.measure_id JOIN units u ON u.code = t.unit_code
       ${UNITS_OF_KIND('lead')}
       ${UNITS_OF_KIND('co')}
       LEFT JOIN LATERAL (
         SELECT quarter, percent_done, text, state FROM progress_reports pr
         WHERE pr.task_id = t.id AND pr.state <> 'returned' ORDER BY pr.quarter DESC, pr.submitted_at DESC LIMIT 1) p ON true
       WHERE w.document_id = $1 AND ($2::text IS NULL OR t.unit_code = $2)
       ORDER BY m.position, CASE t.kind WHEN 'lead' THEN 0 WHEN 'co' THEN 1 ELSE 2 END, u.short_name, t.id`,
      [request.documentId, request.unitCode],
    );
    return rows.map((row) => this.ledgerRow(row, today));
  }

  /** The 台账 as a workbook: one filterable sheet, A4 landscape like the bulletin's. */
  async workbook(request: LedgerRequest): Promise<Buffer> {
    const rows = xmlSafe(await this.rows(request));
    const workbook = new Workbook();
    const now = this.clock.now();
    workbook.creator = await issuingBodyOf(this.dataSource.manager, request.documentId);
    workbook.created = now;
    workbook.modified = now;
    workbook.title = LEDGER_SHEET;
    addTableSheet(workbook, LEDGER_SHEET, LEDGER_COLUMNS, rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private ledgerRow(row: LedgerQueryRow, today: string): LedgerRow {
    const { sectionTitles, progressQuarter, progressPercent, progressText, progressState, ...task } = row;
    const open = OPEN_STATES.includes(task.state);
    const dueDay = deadlineDueDay(task, this.calendar);
    return {
      ...task,
      section: sectionOf({ sectionTitles }),
      lastProgress:
        progressQuarter === null
          ? null
          : {
              quarter: progressQuarter,
              percentDone: progressPercent ?? 0,
              text: progressText ?? '',
              approved: progressState === 'approved',
            },
      workingDaysOverdue: open && today > dueDay ? this.calendar.workingDaysBetween(dueDay, today) : 0,
    };
  }
}

export const LEDGER_SHEET = '台账';

/** 2022Q3（完成60%，待审核）：text */
function progressLabel(progress: LedgerRow['lastProgress']): string | null {
  if (!progress) return null;
  const review = progress.approved ? '' : '，待审核';
  return `${progress.quarter}（完成${progress.percentDone}%${review}）：${progress.text}`;
}

const LEDGER_COLUMNS: SheetColumn<LedgerRow>[] = [
  { header: COLUMN.serial, width: 7, value: (_row, index) => index + 1 },
  { header: COLUMN.section, width: 24, value: (row) => row.section, wrap: true },
  { header: COLUMN.measurePath, width: 10, value: (row) => row.measurePath },
  { header: COLUMN.measure, width: 36, value: (row) => row.measureTitle, wrap: true },
  { header: COLUMN.responsibleUnit, width: 20, value: (row) => row.unitName, wrap: true },
  { header: COLUMN.taskKind, width: 9, value: (row) => taskKindLabel(row.taskKind) },
  { header: '牵头单位', width: 20, value: (row) => row.leadUnits, wrap: true },
  { header: '配合单位', width: 24, value: (row) => row.coUnits || null, wrap: true },
  { header: COLUMN.deadline, width: 12, value: (row) => utcDate(row.deadline), numFmt: FORMAT.date },
  { header: '办理状态', width: 12, value: (row) => TASK_STATE_LABELS[row.state] },
  { header: '最新进展', width: 60, value: (row) => progressLabel(row.lastProgress), wrap: true },
  { header: COLUMN.workingDaysOverdue, width: 11, value: (row) => row.workingDaysOverdue },
  { header: COLUMN.escalationLevel, width: 11, value: (row) => escalationLabel(row.escalationLevel) },
  { header: COLUMN.unitCode, width: 12, value: (row) => row.unitCode },
  { header: COLUMN.taskId, width: 38, value: (row) => row.taskId },
];
