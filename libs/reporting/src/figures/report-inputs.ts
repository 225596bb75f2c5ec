import type { RankingGroup } from '@app/units';
import type { QuantitativeTarget } from '@app/documents';
import type { Quarter, WorkingCalendar } from '@app/calendar';
import type { LadderConfig } from '@app/scheduling';
import type { TargetActual } from '@app/workflow';
import type { ReportFigures } from './report-figures';
import type { HistoryEvent } from './task-history';
import type { BulletinSettings } from '../bulletin-settings.service';
import type { AssessmentWeights } from './assessment';

/** A measure of the document, with the moments it came into and went out of it. */
export interface MeasureInput {
  id: string;
  path: string;
  position: number;
  title: string;
  sectionTitles: string[];
  targets: QuantitativeTarget[];
  needsAssignment: boolean;
  /** When the revision that added it was imported. */
  existsFrom: Date;
  /** When the revision that removed it was imported, if one did. */
  removedFrom: Date | null;
}

export interface WorkflowInput {
  id: string;
  measureId: string;
  launchedAt: Date;
}

/** A delivered deadline escalation (督办 level 1, 挂牌督办 level 2). */
export interface EscalationInput {
  taskId: string;
  level: number;
  deliveredAt: Date;
}

/** A quarterly progress report, once approved: approved reports never change again. */
export interface ApprovedReportInput {
  taskId: string;
  quarter: string;
  percentDone: number;
  text: string;
  targetActuals: TargetActual[];
  approvedAt: Date;
}

/** Everything the report is computed from, read from the database up to `asOf`. */
export interface ReportInputs {
  document: ReportFigures['document'];
  issuingBody: string;
  /** The document's 通报 texts (its own, or the defaults). */
  bulletinSettings: BulletinSettings;
  quarter: Quarter;
  asOf: Date;
  /** null for every unit's figures; a unit code to limit the report to that unit's tasks. */
  scopeUnitCode: string | null;
  unitNames: ReadonlyMap<string, string>;
  /** Each unit's ranking group, from the unit directory; a unit not in it is listed without rank. */
  unitGroups: ReadonlyMap<string, RankingGroup>;
  /** Fewer due tasks than this: ranked but marked (REPORT_MIN_DUE_TASKS). */
  minDueTasksForRanking: number;
  /** The 考核 weights (ASSESSMENT_WEIGHT_*). */
  assessmentWeights: AssessmentWeights;
  measures: MeasureInput[];
  workflows: WorkflowInput[];
  /** Events up to `asOf`, in the order they happened (workflow, seq). */
  events: HistoryEvent[];
  escalations: EscalationInput[];
  approvedReports: ApprovedReportInput[];
  ladder: LadderConfig;
  calendar: WorkingCalendar;
}
