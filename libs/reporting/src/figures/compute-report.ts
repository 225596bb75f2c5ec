import { shanghaiDate } from '@app/common';
import {
  addCalendarDays,
  atShanghaiTime,
  formatQuarter,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  type Quarter,
} from '@app/calendar';
import type { ApprovedReportInput, MeasureInput, ReportInputs } from './report-inputs';
import type {
  AtRiskItem,
  BulletinForm,
  IndicatorProgress,
  OverallFigures,
  OverdueItem,
  ProgressExcerpt,
  ReportFigures,
  ScopeFigures,
  SectionFigures,
  UnitFigures,
  UnlaunchedMeasure,
} from './report-figures';
import { assessUnit } from './assessment';
import { countTasks, rankUnits, rate } from './task-counts';
import { factsOf, lastDueReportQuarter, reportedQuartersOf, type TaskFacts } from './task-facts';
import { replayTasks } from './task-history';

const NO_SECTION = '其他';
/** Targets that cap a figure (不高于): a share of the cap says nothing about progress. */
const CEILINGS = new Set(['lte', 'lt']);

export function quarterStartMoment(quarter: Quarter): Date {
  return atShanghaiTime(quarterStart(quarter), '00:00');
}

/** The last millisecond of the quarter in Asia/Shanghai: the default moment of its report. */
export function quarterEndMoment(quarter: Quarter): Date {
  return new Date(atShanghaiTime(addCalendarDays(quarterEnd(quarter), 1), '00:00').getTime() - 1);
}

export function sectionOf(measure: Pick<MeasureInput, 'sectionTitles'>): string {
  return measure.sectionTitles[0] ?? NO_SECTION;
}

/** The document's state at one moment, limited to the report's scope. */
interface Snapshot {
  facts: TaskFacts[];
  measures: MeasureInput[];
  measureOfTask: Map<string, MeasureInput>;
  launchedMeasureIds: Set<string>;
  closedMeasureIds: Set<string>;
}

const upTo = (moment: Date) => (at: Date) => at.getTime() <= moment.getTime();

function snapshot(inputs: ReportInputs, moment: Date): Snapshot {
  const happened = upTo(moment);
  const events = inputs.events.filter((event) => happened(event.occurredAt));
  const measureById = new Map(inputs.measures.map((measure) => [measure.id, measure]));
  const workflows = inputs.workflows.filter((workflow) => happened(workflow.launchedAt));
  const measureOfWorkflow = new Map(workflows.map((workflow) => [workflow.id, measureById.get(workflow.measureId)!]));
  const escalationLevels = new Map<string, number>();
  for (const escalation of inputs.escalations.filter((row) => happened(row.deliveredAt))) {
    escalationLevels.set(escalation.taskId, Math.max(escalation.level, escalationLevels.get(escalation.taskId) ?? 0));
  }
  const today = shanghaiDate(moment);
  const context = {
    today,
    ladder: inputs.ladder,
    calendar: inputs.calendar,
    reportQuarter: lastDueReportQuarter(today, inputs.ladder, inputs.calendar),
    reportedQuarters: reportedQuartersOf(events),
    escalationLevels,
  };
  const facts = [...replayTasks(events).values()]
    .filter(
      (task) =>
        measureOfWorkflow.has(task.workflowId) &&
        (inputs.scopeUnitCode === null || task.unitCode === inputs.scopeUnitCode),
    )
    .map((task) => factsOf(task, context));
  const measureOfTask = new Map(facts.map((fact) => [fact.task.id, measureOfWorkflow.get(fact.task.workflowId)!]));
  const scopedMeasureIds = new Set([...measureOfTask.values()].map((measure) => measure.id));
  const inScope = (measureId: string) => inputs.scopeUnitCode === null || scopedMeasureIds.has(measureId);
  const closedWorkflows = new Set(
    events.filter((event) => event.action === 'close_measure').map((event) => event.workflowId),
  );
  return {
    facts,
    measures: inputs.measures.filter(
      (measure) =>
        happened(measure.existsFrom) && !(measure.removedFrom && happened(measure.removedFrom)) && inScope(measure.id),
    ),
    measureOfTask,
    launchedMeasureIds: new Set(workflows.map((workflow) => workflow.measureId).filter(inScope)),
    closedMeasureIds: new Set(
      workflows
        .filter((workflow) => closedWorkflows.has(workflow.id))
        .map((workflow) => workflow.measureId)
        .filter(inScope),
    ),
  };
}

function overallOf(state: Snapshot): OverallFigures {
  return {
    measures: state.measures.length,
    launchedMeasures: state.launchedMeasureIds.size,
    closedMeasures: state.closedMeasureIds.size,
    ...countTasks(state.facts),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function unitsOf(state: Snapshot, inputs: ReportInputs): UnitFigures[] {
  const units = [...groupBy(state.facts, (fact) => fact.task.unitCode)].map(([unitCode, facts]) => {
    const live = facts.filter((fact) => !fact.cancelled);
    const ofKind = (kind: string) => live.filter((fact) => fact.task.kind === kind).length;
    const counts = countTasks(facts);
    const escalated = {
      supervised: live.filter((fact) => fact.escalationLevel === 1).length,
      flagged: live.filter((fact) => fact.escalationLevel >= 2).length,
    };
    return {
      unitCode,
      unitName: inputs.unitNames.get(unitCode) ?? unitCode,
      rankingGroup: inputs.unitGroups.get(unitCode) ?? 'unranked',
      asLead: ofKind('lead'),
      asCo: ofKind('co'),
      asSubtask: ofKind('subtask'),
      ...counts,
      ...escalated,
      assessment: assessUnit({ ...counts, ...escalated }, inputs.assessmentWeights),
    };
  });
  return rankUnits(
    units.filter((unit) => unit.tasks > 0),
    inputs.minDueTasksForRanking,
  );
}

/** The mean of the ranked units' rates, to 4 places; null when the group ranks none or none has the rate. */
function averageRate(units: readonly UnitFigures[], key: 'dueCompletionRate' | 'onTimeRate'): number | null {
  const rates = units
    .filter((unit) => unit.rank !== null)
    .map((unit) => unit[key])
    .filter((value): value is number => value !== null);
  return rates.length === 0
    ? null
    : rate(
        rates.reduce((sum, value) => sum + value, 0),
        rates.length,
      );
}

/** A unit's edition: its own row as the full ranking places it, and its group's average beside it. */
function scopedUnits(inputs: ReportInputs, scopeUnitCode: string): { units: UnitFigures[]; scope: ScopeFigures } {
  const everyUnit = unitsOf(snapshot({ ...inputs, scopeUnitCode: null }, inputs.asOf), inputs);
  const rankingGroup = inputs.unitGroups.get(scopeUnitCode) ?? 'unranked';
  const group = everyUnit.filter((unit) => unit.rankingGroup === rankingGroup);
  return {
    units: everyUnit.filter((unit) => unit.unitCode === scopeUnitCode),
    scope: {
      unitCode: scopeUnitCode,
      unitName: inputs.unitNames.get(scopeUnitCode) ?? scopeUnitCode,
      rankingGroup,
      groupAverage: {
        dueCompletionRate: averageRate(group, 'dueCompletionRate'),
        onTimeRate: averageRate(group, 'onTimeRate'),
      },
    },
  };
}

function sectionsOf(state: Snapshot): SectionFigures[] {
  const ordered = [...state.measures].sort((a, b) => a.position - b.position);
  const titles = [...new Set(ordered.map(sectionOf))];
  const factsBySection = groupBy(state.facts, (fact) => sectionOf(state.measureOfTask.get(fact.task.id)!));
  return titles.map((title) => ({
    title,
    measures: ordered.filter((measure) => sectionOf(measure) === title).length,
    ...countTasks(factsBySection.get(title) ?? []),
  }));
}

function byMeasureThenUnit(state: Snapshot) {
  return (a: TaskFacts, b: TaskFacts) =>
    state.measureOfTask.get(a.task.id)!.position - state.measureOfTask.get(b.task.id)!.position ||
    a.task.unitCode.localeCompare(b.task.unitCode);
}

function overdueOf(state: Snapshot, unitNames: ReadonlyMap<string, string>): OverdueItem[] {
  return state.facts
    .filter((fact) => fact.overdue)
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || byMeasureThenUnit(state)(a, b))
    .map((fact) => {
      const measure = state.measureOfTask.get(fact.task.id)!;
      return {
        measurePath: measure.path,
        measureTitle: measure.title,
        section: sectionOf(measure),
        taskId: fact.task.id,
        taskKind: fact.task.kind,
        unitCode: fact.task.unitCode,
        unitName: unitNames.get(fact.task.unitCode) ?? fact.task.unitCode,
        deadline: fact.task.deadline,
        workingDaysOverdue: fact.workingDaysOverdue,
        escalationLevel: fact.escalationLevel,
      };
    });
}

function atRiskOf(state: Snapshot, inputs: ReportInputs): AtRiskItem[] {
  const window = Math.max(0, ...inputs.ladder.reminderWorkingDaysBefore);
  return state.facts
    .filter((fact) => fact.workingDaysLeft !== null && fact.workingDaysLeft <= window)
    .sort((a, b) => a.workingDaysLeft! - b.workingDaysLeft! || byMeasureThenUnit(state)(a, b))
    .map((fact) => {
      const measure = state.measureOfTask.get(fact.task.id)!;
      return {
        measurePath: measure.path,
        measureTitle: measure.title,
        taskId: fact.task.id,
        unitCode: fact.task.unitCode,
        unitName: inputs.unitNames.get(fact.task.unitCode) ?? fact.task.unitCode,
        deadline: fact.task.deadline,
        workingDaysLeft: fact.workingDaysLeft!,
      };
    });
}

/** Latest first: the later quarter, then the later approval. */
const latestFirst = (a: ApprovedReportInput, b: ApprovedReportInput) =>
  b.quarter.localeCompare(a.quarter) || b.approvedAt.getTime() - a.approvedAt.getTime();

function indicatorsOf(state: Snapshot, reports: readonly ApprovedReportInput[]): IndicatorProgress[] {
  const reportsByMeasure = groupBy(
    reports.filter((report) => state.measureOfTask.has(report.taskId)),
    (report) => state.measureOfTask.get(report.taskId)!.id,
  );
  const leadTasks = new Set(state.facts.filter((fact) => fact.task.kind === 'lead').map((fact) => fact.task.id));
  return [...state.measures]
    .sort((a, b) => a.position - b.position)
    .flatMap((measure) => {
      const latest = (reportsByMeasure.get(measure.id) ?? []).sort(
        (a, b) => Number(leadTasks.has(b.taskId)) - Number(leadTasks.has(a.taskId)) || latestFirst(a, b),
      );
      return measure.targets.map((target, targetIndex) => {
        const report = latest.find((candidate) =>
          candidate.targetActuals.some((actual) => actual.targetIndex === targetIndex),
        );
        const actual = report?.targetActuals.find((entry) => entry.targetIndex === targetIndex)?.actual ?? null;
        const targetValue = target.value ?? target.min;
        return {
          measurePath: measure.path,
          measureTitle: measure.title,
          section: sectionOf(measure),
          target: target.text,
          targetValue,
          measureUnit: target.unit,
          actual,
          actualQuarter: report?.quarter ?? null,
          shareReached:
            actual !== null && targetValue && !CEILINGS.has(target.comparator) ? rate(actual, targetValue) : null,
        };
      });
    });
}

function excerptsOf(state: Snapshot, inputs: ReportInputs): ProgressExcerpt[] {
  const from = quarterStartMoment(inputs.quarter).getTime();
  const unitOfTask = new Map(state.facts.map((fact) => [fact.task.id, fact.task.unitCode]));
  return inputs.approvedReports
    .filter(
      (report) =>
        state.measureOfTask.has(report.taskId) &&
        report.approvedAt.getTime() >= from &&
        report.approvedAt.getTime() <= inputs.asOf.getTime(),
    )
    .map((report) => ({ report, measure: state.measureOfTask.get(report.taskId)! }))
    .sort(
      (a, b) =>
        a.measure.position - b.measure.position ||
        unitOfTask.get(a.report.taskId)!.localeCompare(unitOfTask.get(b.report.taskId)!) ||
        a.report.approvedAt.getTime() - b.report.approvedAt.getTime(),
    )
    .map(({ report, measure }) => {
      const unitCode = unitOfTask.get(report.taskId)!;
      return {
        section: sectionOf(measure),
        measurePath: measure.path,
        measureTitle: measure.title,
        unitCode,
        unitName: inputs.unitNames.get(unitCode) ?? unitCode,
        reportQuarter: report.quarter,
        percentDone: report.percentDone,
        text: report.text,
        approvedAt: report.approvedAt.toISOString(),
      };
    });
}

function notLaunchedOf(state: Snapshot, inputs: ReportInputs): UnlaunchedMeasure[] {
  if (inputs.scopeUnitCode !== null) return [];
  return state.measures
    .filter((measure) => !state.launchedMeasureIds.has(measure.id))
    .sort((a, b) => a.position - b.position)
    .map((measure) => ({
      measurePath: measure.path,
      measureTitle: measure.title,
      section: sectionOf(measure),
      reason: measure.needsAssignment ? '尚未明确责任单位' : '尚未分解下达',
    }));
}

const quarterIndex = (quarter: Quarter) => quarter.year * 4 + quarter.quarter;

/** 第X期: one issue a quarter from the quarter the document's first measure was launched in. */
function issueNumberOf(inputs: ReportInputs): number {
  const launches = inputs.workflows
    .map((workflow) => workflow.launchedAt.getTime())
    .filter((time) => time <= inputs.asOf.getTime());
  if (launches.length === 0) return 1;
  const first = quarterOf(shanghaiDate(new Date(Math.min(...launches))));
  return Math.max(1, quarterIndex(inputs.quarter) - quarterIndex(first) + 1);
}

/** The form around the figures: the document's texts, and dates reckoned on the working calendar so a regenerated quarter prints the same. */
function bulletinFormOf(inputs: ReportInputs): BulletinForm {
  const settings = inputs.bulletinSettings;
  const issueDate = inputs.calendar.addWorkingDays(shanghaiDate(inputs.asOf), 1);
  return {
    masthead: settings.masthead,
    issueNumber: issueNumberOf(inputs),
    issuingOffice: settings.issuingOffice,
    mainRecipients: settings.mainRecipients,
    copyTo: settings.copyTo,
    signatory: settings.signatory,
    printingOffice: settings.printingOffice,
    issueDate,
    reportBackWorkingDays: settings.reportBackWorkingDays,
    reportBackDate: inputs.calendar.addWorkingDays(issueDate, settings.reportBackWorkingDays),
    escalationRules: inputs.ladder.escalations.map((rule) => ({
      afterWorkingDaysOverdue: rule.afterWorkingDaysOverdue,
      level: rule.level,
    })),
  };
}

/** The quarterly report's figures: a pure function of what the database held at `inputs.asOf`. */
export function computeReport(inputs: ReportInputs): ReportFigures {
  const now = snapshot(inputs, inputs.asOf);
  const previous = previousQuarter(inputs.quarter);
  const scopeUnitCode = inputs.scopeUnitCode;
  const edition =
    scopeUnitCode === null ? { units: unitsOf(now, inputs), scope: null } : scopedUnits(inputs, scopeUnitCode);
  return {
    schema: 'supervision-report/1',
    document: inputs.document,
    quarter: formatQuarter(inputs.quarter),
    quarterStart: quarterStart(inputs.quarter),
    quarterEnd: quarterEnd(inputs.quarter),
    asOf: inputs.asOf.toISOString(),
    asOfDate: shanghaiDate(inputs.asOf),
    issuingBody: inputs.issuingBody,
    bulletin: bulletinFormOf(inputs),
    scope: edition.scope,
    overall: overallOf(now),
    previousQuarter: {
      quarter: formatQuarter(previous),
      overall: overallOf(snapshot(inputs, quarterEndMoment(previous))),
    },
    units: edition.units,
    assessmentWeights: inputs.assessmentWeights,
    sections: sectionsOf(now),
    overdue: overdueOf(now, inputs.unitNames),
    atRisk: atRiskOf(now, inputs),
    indicators: indicatorsOf(now, inputs.approvedReports),
    excerpts: excerptsOf(now, inputs),
    notLaunched: notLaunchedOf(now, inputs),
  };
}
