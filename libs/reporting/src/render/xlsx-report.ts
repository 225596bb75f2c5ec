import { xmlSafe } from '@app/common';
import { CellValue, Workbook, Worksheet } from 'exceljs';
import { RANKING_GROUP_LABELS } from '@app/units';
import type { AssessmentWeights } from '../figures/assessment';
import { ReportFigures, TaskCounts, UnitFigures } from '../figures/report-figures';
import {
  COLUMN,
  OVERALL_ROWS,
  RATE_ROWS,
  SHEET_NAMES,
  escalationLabel,
  formatQuarter,
  rankLabel,
  rateChangePoints,
  reportTitle,
  taskKindLabel,
} from './report-labels';
import { FORMAT, addTableSheet, utcDate, type SheetColumn } from './xlsx-sheets';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The quarterly report as a workbook: one sheet per table, real numbers and dates, every row (no cap). */
export async function renderXlsx(given: ReportFigures): Promise<Buffer> {
  // Text from users may hold characters XML forbids (stored before the API refused them): never in the file.
  const figures = xmlSafe(given);
  const workbook = new Workbook();
  describeWorkbook(workbook, figures);
  addOverallSheet(workbook, figures);
  addTableSheet(workbook, SHEET_NAMES.units, unitColumns(), figures.units);
  addTableSheet(workbook, SHEET_NAMES.assessment, assessmentColumns(figures.assessmentWeights), figures.units);
  addTableSheet(
    workbook,
    SHEET_NAMES.sections,
    [
      { header: COLUMN.section, width: 36, value: (section) => section.title, wrap: true },
      { header: COLUMN.measures, width: 9, value: (section) => section.measures },
      ...countColumns(),
    ],
    figures.sections,
  );
  addTableSheet(workbook, SHEET_NAMES.overdue, overdueColumns(), figures.overdue);
  addTableSheet(workbook, SHEET_NAMES.atRisk, atRiskColumns(), figures.atRisk);
  addTableSheet(workbook, SHEET_NAMES.indicators, indicatorColumns(), figures.indicators);
  addTableSheet(workbook, SHEET_NAMES.excerpts, excerptColumns(), figures.excerpts);
  addTableSheet(
    workbook,
    SHEET_NAMES.notLaunched,
    [
      { header: COLUMN.section, width: 30, value: (measure) => measure.section, wrap: true },
      { header: COLUMN.measurePath, width: 10, value: (measure) => measure.measurePath },
      { header: COLUMN.measure, width: 40, value: (measure) => measure.measureTitle, wrap: true },
      { header: COLUMN.reason, width: 30, value: (measure) => measure.reason, wrap: true },
    ],
    figures.notLaunched,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Fixed from the figures, not the clock, so the same figures describe the same workbook. */
function describeWorkbook(workbook: Workbook, figures: ReportFigures): void {
  const asOf = new Date(figures.asOf);
  workbook.creator = figures.issuingBody;
  workbook.lastModifiedBy = figures.issuingBody;
  workbook.created = asOf;
  workbook.modified = asOf;
  workbook.title = reportTitle(figures.document.title, figures.quarter);
  workbook.subject = figures.document.title;
}

function addOverallSheet(workbook: Workbook, figures: ReportFigures): void {
  const current = figures.overall;
  const previous = figures.previousQuarter.overall;
  const counts = OVERALL_ROWS.map(({ key, label }) => ({ label, current: current[key], previous: previous[key] }));
  const rates = RATE_ROWS.map(({ key, label }) => ({ label, current: current[key], previous: previous[key] }));
  const sheet = addTableSheet(workbook, SHEET_NAMES.overall, overallColumns(), [
    ...counts.map((row) => ({
      ...row,
      format: undefined,
      change: row.current - row.previous,
      changeFormat: FORMAT.countChange,
    })),
    ...rates.map((row) => ({
      ...row,
      format: FORMAT.rate,
      change: rateChange(row.current, row.previous),
      changeFormat: FORMAT.pointsChange,
    })),
  ]);
  addHeaderBlock(sheet, figures);
}

interface OverallRow {
  label: string;
  current: number | null;
  previous: number | null;
  format: string | undefined;
  change: number | null;
  changeFormat: string;
}

function overallColumns(): SheetColumn<OverallRow>[] {
  return [
    { header: COLUMN.figure, width: 22, value: (row) => row.label },
    { header: COLUMN.currentQuarter, width: 12, value: (row) => row.current, numFmt: (row) => row.format },
    { header: COLUMN.previousQuarter, width: 12, value: (row) => row.previous, numFmt: (row) => row.format },
    { header: COLUMN.change, width: 16, value: (row) => row.change, numFmt: (row) => row.changeFormat },
  ];
}

function rateChange(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : rateChangePoints(current, previous);
}

/** The report's identity, beside the table so the table keeps row 1 for its frozen, filterable heading. */
function addHeaderBlock(sheet: Worksheet, figures: ReportFigures): void {
  const entries: [string, CellValue, string?][] = [
    ['通报', reportTitle(figures.document.title, figures.quarter)],
    ['文件', figures.document.title],
    ['文号', figures.document.docNumber],
    ['发文机关', figures.document.issuer],
    ['季度', formatQuarter(figures.quarter)],
    ['季度开始', utcDate(figures.quarterStart), FORMAT.date],
    ['季度结束', utcDate(figures.quarterEnd), FORMAT.date],
    ['数据截至', utcDate(figures.asOfDate), FORMAT.date],
    ['统计范围', figures.scope ? `${figures.scope.unitName}（${figures.scope.unitCode}）承担的任务` : '全部单位'],
    ['发布单位', figures.issuingBody],
    ['对比季度', formatQuarter(figures.previousQuarter.quarter)],
  ];
  sheet.getColumn(6).width = 12;
  sheet.getColumn(7).width = 48;
  entries.forEach(([label, value, numFmt], index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(6).value = label;
    row.getCell(6).font = { bold: true };
    row.getCell(7).value = value;
    row.getCell(7).alignment = { horizontal: 'left' };
    if (numFmt) row.getCell(7).numFmt = numFmt;
  });
}

function countColumns<Row extends TaskCounts>(): SheetColumn<Row>[] {
  const count = (
    header: string,
    key: keyof Omit<TaskCounts, 'completionRate' | 'onTimeRate' | 'dueCompletionRate'>,
  ): SheetColumn<Row> => ({
    header,
    width: 9,
    value: (row) => row[key],
  });
  return [
    count(COLUMN.tasks, 'tasks'),
    count(COLUMN.due, 'due'),
    count(COLUMN.acknowledged, 'acknowledged'),
    count(COLUMN.completed, 'completed'),
    count(COLUMN.completedOnTime, 'completedOnTime'),
    count(COLUMN.overdue, 'overdue'),
    count(COLUMN.lateAcknowledgements, 'lateAcknowledgements'),
    count(COLUMN.missingReports, 'missingReports'),
    count(COLUMN.cancelled, 'cancelled'),
    { header: COLUMN.completionRate, width: 10, value: (row) => row.completionRate, numFmt: FORMAT.rate },
    { header: COLUMN.dueCompletionRate, width: 11, value: (row) => row.dueCompletionRate, numFmt: FORMAT.rate },
    { header: COLUMN.onTimeRate, width: 11, value: (row) => row.onTimeRate, numFmt: FORMAT.rate },
  ];
}

function unitColumns(): SheetColumn<ReportFigures['units'][number]>[] {
  return [
    { header: COLUMN.rankingGroup, width: 12, value: (unit) => RANKING_GROUP_LABELS[unit.rankingGroup], wrap: true },
    {
      header: COLUMN.rank,
      width: 9,
      value: (unit) => (unit.rank !== null && !unit.fewDueTasks ? unit.rank : rankLabel(unit)),
    },
    { header: COLUMN.unit, width: 26, value: (unit) => unit.unitName, wrap: true },
    { header: COLUMN.asLead, width: 7, value: (unit) => unit.asLead },
    { header: COLUMN.asCo, width: 7, value: (unit) => unit.asCo },
    { header: COLUMN.asSubtask, width: 7, value: (unit) => unit.asSubtask },
    ...countColumns<ReportFigures['units'][number]>(),
    { header: COLUMN.unitCode, width: 12, value: (unit) => unit.unitCode },
  ];
}

/**
 * 考核: each unit's score and what it is made of, the weights in the headings, so the sheet can be checked
 * by hand: 完成得分 = (100 − W) + W × 按时完成比例, minus each count times its weight (assessment.ts).
 */
function assessmentColumns(weights: AssessmentWeights): SheetColumn<UnitFigures>[] {
  const deduction = (
    count: string,
    key: keyof UnitFigures['assessment']['deductions'],
    amount: (unit: UnitFigures) => number,
  ): SheetColumn<UnitFigures>[] => [
    { header: count, width: 9, value: amount },
    { header: `扣分（每项${weights[key]}分）`, width: 11, value: (unit) => unit.assessment.deductions[key] },
  ];
  return [
    { header: COLUMN.rankingGroup, width: 12, value: (unit) => RANKING_GROUP_LABELS[unit.rankingGroup], wrap: true },
    { header: COLUMN.unit, width: 26, value: (unit) => unit.unitName, wrap: true },
    { header: COLUMN.due, width: 9, value: (unit) => unit.due },
    { header: COLUMN.completedOnTime, width: 9, value: (unit) => unit.completedOnTime },
    {
      header: '按时完成比例',
      width: 11,
      value: (unit) => unit.assessment.onTimeShare,
      numFmt: FORMAT.rate,
    },
    {
      header: `完成得分（${100 - weights.onTime}+${weights.onTime}×比例）`,
      width: 16,
      value: (unit) => unit.assessment.completionPoints,
    },
    ...deduction(COLUMN.lateAcknowledgements, 'lateAcknowledgement', (unit) => unit.lateAcknowledgements),
    ...deduction(COLUMN.missingReports, 'missingReport', (unit) => unit.missingReports),
    ...deduction('督办', 'supervised', (unit) => unit.supervised),
    ...deduction('挂牌督办', 'flagged', (unit) => unit.flagged),
    { header: '考核得分', width: 10, value: (unit) => unit.assessment.score },
    { header: COLUMN.unitCode, width: 12, value: (unit) => unit.unitCode },
  ];
}

function overdueColumns(): SheetColumn<ReportFigures['overdue'][number]>[] {
  return [
    { header: COLUMN.serial, width: 7, value: (_item, index) => index + 1 },
    { header: COLUMN.section, width: 30, value: (item) => item.section, wrap: true },
    { header: COLUMN.measurePath, width: 10, value: (item) => item.measurePath },
    { header: COLUMN.measure, width: 40, value: (item) => item.measureTitle, wrap: true },
    { header: COLUMN.responsibleUnit, width: 24, value: (item) => item.unitName, wrap: true },
    { header: COLUMN.taskKind, width: 9, value: (item) => taskKindLabel(item.taskKind) },
    { header: COLUMN.deadline, width: 12, value: (item) => utcDate(item.deadline), numFmt: FORMAT.date },
    { header: COLUMN.workingDaysOverdue, width: 11, value: (item) => item.workingDaysOverdue },
    { header: COLUMN.escalationLevel, width: 11, value: (item) => escalationLabel(item.escalationLevel) },
    ...identityColumns<ReportFigures['overdue'][number]>(),
  ];
}

function atRiskColumns(): SheetColumn<ReportFigures['atRisk'][number]>[] {
  return [
    { header: COLUMN.serial, width: 7, value: (_item, index) => index + 1 },
    { header: COLUMN.measurePath, width: 10, value: (item) => item.measurePath },
    { header: COLUMN.measure, width: 40, value: (item) => item.measureTitle, wrap: true },
    { header: COLUMN.responsibleUnit, width: 24, value: (item) => item.unitName, wrap: true },
    { header: COLUMN.deadline, width: 12, value: (item) => utcDate(item.deadline), numFmt: FORMAT.date },
    { header: COLUMN.workingDaysLeft, width: 11, value: (item) => item.workingDaysLeft },
    ...identityColumns<ReportFigures['atRisk'][number]>(),
  ];
}

function indicatorColumns(): SheetColumn<ReportFigures['indicators'][number]>[] {
  return [
    { header: COLUMN.section, width: 30, value: (indicator) => indicator.section, wrap: true },
    { header: COLUMN.measurePath, width: 10, value: (indicator) => indicator.measurePath },
    { header: COLUMN.measure, width: 36, value: (indicator) => indicator.measureTitle, wrap: true },
    { header: COLUMN.indicator, width: 36, value: (indicator) => indicator.target, wrap: true },
    { header: COLUMN.targetValue, width: 10, value: (indicator) => indicator.targetValue },
    { header: COLUMN.measureUnit, width: 9, value: (indicator) => indicator.measureUnit },
    { header: COLUMN.actual, width: 12, value: (indicator) => indicator.actual },
    { header: COLUMN.actualQuarter, width: 10, value: (indicator) => indicator.actualQuarter },
    { header: COLUMN.shareReached, width: 10, value: (indicator) => indicator.shareReached, numFmt: FORMAT.rate },
  ];
}

function excerptColumns(): SheetColumn<ReportFigures['excerpts'][number]>[] {
  return [
    { header: COLUMN.section, width: 30, value: (excerpt) => excerpt.section, wrap: true },
    { header: COLUMN.measurePath, width: 10, value: (excerpt) => excerpt.measurePath },
    { header: COLUMN.measure, width: 30, value: (excerpt) => excerpt.measureTitle, wrap: true },
    { header: COLUMN.unit, width: 20, value: (excerpt) => excerpt.unitName, wrap: true },
    { header: COLUMN.reportQuarter, width: 10, value: (excerpt) => excerpt.reportQuarter },
    { header: COLUMN.percentDone, width: 10, value: (excerpt) => excerpt.percentDone / 100, numFmt: FORMAT.percent },
    { header: COLUMN.progressText, width: 80, value: (excerpt) => excerpt.text, wrap: true },
    {
      header: COLUMN.approvedAt,
      width: 17,
      value: (excerpt) => shanghaiWallClock(excerpt.approvedAt),
      numFmt: FORMAT.moment,
    },
    { header: COLUMN.unitCode, width: 12, value: (excerpt) => excerpt.unitCode },
  ];
}

/** The engine's own identifiers, last, where a reader filtering by unit name does not meet them first. */
function identityColumns<Row extends { unitCode: string; taskId: string }>(): SheetColumn<Row>[] {
  return [
    { header: COLUMN.unitCode, width: 12, value: (item) => item.unitCode },
    { header: COLUMN.taskId, width: 38, value: (item) => item.taskId },
  ];
}

/** An instant as the wall-clock time in Shanghai, the time the reader expects to see. */
function shanghaiWallClock(instant: string): Date {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS);
}
