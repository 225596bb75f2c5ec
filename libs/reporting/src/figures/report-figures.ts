import type { RankingGroup } from '@app/units';
import type { AssessmentWeights, UnitAssessment } from './assessment';
/**
 * The figures of one quarterly report (季度通报), as computed from the database as of a moment.
 * Everything the Word, Excel and JSON outputs show comes from this one value, so the three agree.
 * Rates are fractions in [0, 1], null when their denominator is 0. Dates are YYYY-MM-DD
 * (Asia/Shanghai); moments are ISO 8601 instants.
 */
export interface ReportFigures {
  /** Version of this shape, for systems that read the JSON. */
  schema: 'supervision-report/1';
  document: { id: string; title: string; docNumber: string | null; issuer: string | null };
  /** 2022Q3 */
  quarter: string;
  quarterStart: string;
  quarterEnd: string;
  /** The moment the figures describe: events after it do not count. */
  asOf: string;
  /** The Shanghai date of `asOf`. */
  asOfDate: string;
  /** The body that issues the bulletin, e.g. 省委督查室. */
  issuingBody: string;
  /** The 通报's form: 红头, 第X期, 主送, 抄送, 落款, issue date and what it asks of units. */
  bulletin: BulletinForm;
  /** null: every unit; a unit code: the report limited to that unit's own tasks. */
  scope: ScopeFigures | null;
  overall: OverallFigures;
  /** The same figures for the previous quarter, as of that quarter's end. */
  previousQuarter: { quarter: string; overall: OverallFigures };
  units: UnitFigures[];
  /** The 考核 weights the units' scores were computed with. */
  assessmentWeights: AssessmentWeights;
  sections: SectionFigures[];
  overdue: OverdueItem[];
  /** Open tasks due within the ladder's reminder window (not yet overdue): listed under 下一步工作. */
  atRisk: AtRiskItem[];
  indicators: IndicatorProgress[];
  excerpts: ProgressExcerpt[];
  notLaunched: UnlaunchedMeasure[];
}

/** Counts over a set of tasks (cancelled tasks are left out of every count but `cancelled`). */
export interface TaskCounts {
  tasks: number;
  acknowledged: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
  lateAcknowledgements: number;
  /** Tasks that owed the last due quarterly progress report and had not submitted it. */
  missingReports: number;
  cancelled: number;
  /** completed / tasks */
  completionRate: number | null;
  /** Tasks whose deadline has passed, or that are completed: the work that has come due. */
  due: number;
  /** completed / due (到期任务完成率): what units are ranked on; null when nothing has come due. */
  dueCompletionRate: number | null;
  /** completedOnTime / completed */
  onTimeRate: number | null;
}

export interface OverallFigures extends TaskCounts {
  /** Measures of the document (current revision). */
  measures: number;
  /** Measures with a workflow launched by `asOf`. */
  launchedMeasures: number;
  /** Launched measures closed (销号) by `asOf`. */
  closedMeasures: number;
}

export interface UnitFigures extends TaskCounts {
  unitCode: string;
  unitName: string;
  /** Tasks the unit leads (牵头). */
  asLead: number;
  /** Tasks the unit holds as co-responsible unit (配合). */
  asCo: number;
  /** Subtasks split to the unit by a lead unit (分解). */
  asSubtask: number;
  rankingGroup: RankingGroup;
  /** Within the ranking group, 1 is best; equal figures share a rank (1, 1, 3). null: not ranked (暂无到期任务, or a group listed without rank). */
  rank: number | null;
  /** How many units the group ranks: the 46 of 第23/46位. */
  rankedInGroup: number;
  /** Fewer due tasks than the ranking's minimum: ranked, but marked, as one task decides its rate. */
  fewDueTasks: boolean;
  /** Tasks whose highest escalation by the moment is 督办 (level 1). */
  supervised: number;
  /** Tasks whose highest escalation by the moment is 挂牌督办 (level 2 or more). */
  flagged: number;
  /** The quarter's 考核 score and what it is made of (see assessment.ts). */
  assessment: UnitAssessment;
}

export interface SectionFigures extends TaskCounts {
  /** The document's own top-level heading, e.g. 一、推动文旅产业高质量发展. */
  title: string;
  measures: number;
}

export interface OverdueItem {
  measurePath: string;
  measureTitle: string;
  section: string;
  taskId: string;
  taskKind: 'lead' | 'co' | 'subtask';
  unitCode: string;
  unitName: string;
  deadline: string;
  workingDaysOverdue: number;
  /** 0 none, 1 督办 (supervisor), 2 挂牌督办 (leadership). */
  escalationLevel: number;
}

export interface AtRiskItem {
  measurePath: string;
  measureTitle: string;
  taskId: string;
  unitCode: string;
  unitName: string;
  deadline: string;
  workingDaysLeft: number;
}

export interface IndicatorProgress {
  measurePath: string;
  measureTitle: string;
  section: string;
  /** The target as written, e.g. 新建森林康养基地50个. */
  target: string;
  /** The figure to reach: the value, or the lower end of a range. */
  targetValue: number | null;
  measureUnit: string;
  /** Latest actual value from an approved progress report, null if none yet. */
  actual: number | null;
  /** The quarter that actual was reported for. */
  actualQuarter: string | null;
  /** actual / targetValue; null without both, and for ceilings (不高于…), where a share means nothing. */
  shareReached: number | null;
}

export interface ProgressExcerpt {
  section: string;
  measurePath: string;
  measureTitle: string;
  unitCode: string;
  unitName: string;
  /** The quarter the report covers. */
  reportQuarter: string;
  percentDone: number;
  text: string;
  approvedAt: string;
}

export interface UnlaunchedMeasure {
  measurePath: string;
  measureTitle: string;
  section: string;
  /** Why it has not launched, e.g. 尚未明确责任单位. */
  reason: string;
}

/** A unit's own edition: who it is, and its group's average beside its own rates. */
export interface ScopeFigures {
  unitCode: string;
  unitName: string;
  rankingGroup: RankingGroup;
  /** The group's ranked units' average 到期任务完成率 and on-time rate; null when none is ranked. */
  groupAverage: { dueCompletionRate: number | null; onTimeRate: number | null };
}

/** The texts and dates around the figures, as a 通报 prints them (GB/T 9704 layout). */
export interface BulletinForm {
  /** 红头, e.g. 督查通报 (per document setting). */
  masthead: string;
  /** 第X期: the quarters from the first launch of the document's measures to this one, counting both. */
  issueNumber: number;
  issuingOffice: string;
  /** 主送 (per document setting). */
  mainRecipients: string;
  /** 抄送 (per document setting); null: none. */
  copyTo: string | null;
  /** 落款 (per document setting). */
  signatory: string;
  /** 印发机关 (per document setting). */
  printingOffice: string;
  /** 成文日期 and 印发日期: the first working day after the data's cut-off date, the day the scheduled bulletin is made. */
  issueDate: string;
  /** Units report back within this many working days of the issue date, by `reportBackDate`. */
  reportBackWorkingDays: number;
  reportBackDate: string;
  /** The document's escalation rule: after so many working days overdue, that level (1 督办, 2 挂牌督办). */
  escalationRules: { afterWorkingDaysOverdue: number; level: number }[];
}
