import { xmlSafe } from '@app/common';
import { AlignmentType, Document, FileChild, LevelFormat, LevelSuffix, Packer, Paragraph, Table } from 'docx';
import { RANKING_GROUP_LABELS, RANKING_GROUPS } from '@app/units';
import { ReportFigures, UnitFigures } from '../figures/report-figures';
import {
  DOCUMENT_STYLES,
  PAGE,
  TableColumn,
  bodyParagraph,
  figureCaption,
  centeredLine,
  dataTable,
  heading1,
  heading2,
  imageParagraph,
  leadInParagraph,
  listItem,
  pageNumberFooter,
  tableCaption,
  titleParagraph,
} from './docx-blocks';
import {
  CHART_TITLE,
  COLUMN,
  EMPTY_VALUE,
  OVERALL_ROWS,
  RATE_ROWS,
  SECTION_HEADINGS,
  chineseNumber,
  describeCountChange,
  describeRateChange,
  escalationLabel,
  formatChineseDate,
  formatQuarter,
  formatRate,
  measureLabel,
  placeInGroup,
  rankLabel,
  reportTitle,
  stripHeadingNumber,
  taskKindLabel,
  truncateText,
} from './report-labels';

/** The Word table of overdue items stops here; the Excel annex lists them all. */
export const DOCX_OVERDUE_LIMIT = 200;
export const EXCERPT_MAX_CHARACTERS = 300;
/** Excerpts per section in Word: a bulletin quotes, the Excel annex holds every report. */
export const DOCX_EXCERPTS_PER_SECTION = 10;

const NEXT_STEPS_LIST = 'next-steps';

/** The quarterly bulletin as a Word document. Word stamps its own created/modified times: see the report's notes. */
export async function renderDocx(given: ReportFigures, chartPng: Buffer): Promise<Buffer> {
  // Text from users may hold characters XML forbids (stored before the API refused them): never in the file.
  const figures = xmlSafe(given);
  const title = reportTitle(figures.document.title, figures.quarter);
  const document = new Document({
    title,
    subject: figures.document.title,
    creator: figures.issuingBody,
    lastModifiedBy: figures.issuingBody,
    description: `${figures.quarter} 季度通报，数据截至 ${figures.asOf}`,
    revision: 1,
    styles: DOCUMENT_STYLES,
    numbering: {
      config: [
        {
          reference: NEXT_STEPS_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1．',
              suffix: LevelSuffix.NOTHING,
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 0, firstLine: 640 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: { default: pageNumberFooter() },
        children: [
          ...header(figures, title),
          ...overallSection(figures, chartPng),
          ...unitsSection(figures),
          ...overdueSection(figures),
          ...indicatorsSection(figures),
          ...excerptsSection(figures),
          ...nextStepsSection(figures),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function header(figures: ReportFigures, title: string): Paragraph[] {
  const lines = [
    titleParagraph(title),
    centeredLine(`${figures.issuingBody}　　${formatChineseDate(figures.asOfDate)}`),
  ];
  if (figures.scope) lines.push(centeredLine(`（本通报仅统计${figures.scope.unitName}承担的任务）`));
  return lines;
}

function overallSection(figures: ReportFigures, chartPng: Buffer): FileChild[] {
  return [
    heading1(SECTION_HEADINGS.overall),
    bodyParagraph(overallProse(figures)),
    // A unit's edition has one unit: its place is told in words, not drawn as one bar.
    ...(figures.scope ? [] : [imageParagraph(chartPng, CHART_TITLE), figureCaption(`图1　${CHART_TITLE}`)]),
  ];
}

function overallProse(figures: ReportFigures): string {
  const current = figures.overall;
  const previous = figures.previousQuarter.overall;
  const documentName = figures.document.docNumber
    ? `《${figures.document.title}》（${figures.document.docNumber}）`
    : `《${figures.document.title}》`;
  const counts = OVERALL_ROWS.map(
    ({ key, label, unit }) =>
      `${label} ${current[key]} ${unit}，${describeCountChange(current[key], previous[key], unit)}`,
  );
  const rates = RATE_ROWS.map(
    ({ key, label }) => `${label} ${formatRate(current[key])}，${describeRateChange(current[key], previous[key])}`,
  );
  return (
    `截至${formatChineseDate(figures.asOfDate)}，${documentName}共有${counts.join('；')}。` +
    `${rates.join('；')}（上季度指${formatQuarter(figures.previousQuarter.quarter)}）。`
  );
}

function unitsSection(figures: ReportFigures): FileChild[] {
  const children: FileChild[] = [heading1(SECTION_HEADINGS.units)];
  if (figures.scope) children.push(...ownPlace(figures));
  else children.push(...groupTables(figures));
  children.push(tableCaption('表2　各部分任务完成情况'));
  children.push(figures.sections.length === 0 ? bodyParagraph('本季度暂无分部分统计。') : sectionsTable(figures));
  return children;
}

/** One table per ranking group, each unit's rank within its group; * marks a unit with few tasks come due. */
function groupTables(figures: ReportFigures): FileChild[] {
  if (figures.units.length === 0)
    return [tableCaption('表1　各单位任务完成情况'), bodyParagraph('本季度暂无单位承担任务。')];
  const groups = RANKING_GROUPS.filter((group) => figures.units.some((unit) => unit.rankingGroup === group));
  const children = groups.flatMap((group, index) => [
    tableCaption(`表1-${index + 1}　${RANKING_GROUP_LABELS[group]}任务完成情况`),
    unitsTable(figures.units.filter((unit) => unit.rankingGroup === group)),
  ]);
  if (figures.units.some((unit) => unit.fewDueTasks)) children.push(bodyParagraph(FEW_DUE_NOTE));
  return children;
}

/** A unit's edition: its place in its group and its rates beside the group's average, no one-bar chart. */
function ownPlace(figures: ReportFigures): FileChild[] {
  const scope = figures.scope!;
  const own = figures.units[0];
  if (!own) return [bodyParagraph(`${scope.unitName}本季度暂无承担任务。`)];
  const average = scope.groupAverage;
  return [
    bodyParagraph(
      `${scope.unitName}在${RANKING_GROUP_LABELS[scope.rankingGroup]}中${placeInGroup(own)}：到期任务 ${own.due} 项，` +
        `到期任务完成率 ${formatRate(own.dueCompletionRate)}（本组平均 ${formatRate(average.dueCompletionRate)}），` +
        `按时完成率 ${formatRate(own.onTimeRate)}（本组平均 ${formatRate(average.onTimeRate)}）。`,
    ),
    tableCaption('表1　本单位任务完成情况'),
    unitsTable(figures.units),
  ];
}

const FEW_DUE_NOTE = '注：排名后标*的单位到期任务较少，其完成率受个别任务影响较大，仅供参考。';

const UNIT_COLUMNS: TableColumn[] = [
  { heading: COLUMN.rank, weight: 6 },
  { heading: COLUMN.unit, weight: 16, align: 'left' },
  ...[COLUMN.asLead, COLUMN.asCo, COLUMN.asSubtask, COLUMN.tasks, COLUMN.due, COLUMN.completed].map((heading) => ({
    heading,
    weight: 4.5,
  })),
  ...[COLUMN.completedOnTime, COLUMN.overdue, COLUMN.lateAcknowledgements, COLUMN.missingReports].map((heading) => ({
    heading,
    weight: 5,
  })),
  // Wide enough for 100.0% on one line.
  { heading: COLUMN.dueCompletionRate, weight: 7.5 },
  { heading: COLUMN.onTimeRate, weight: 7.5 },
];

function unitsTable(units: readonly UnitFigures[]): Table {
  const rows = units.map((unit) => [
    rankLabel(unit),
    unit.unitName,
    ...[unit.asLead, unit.asCo, unit.asSubtask, unit.tasks, unit.due, unit.completed, unit.completedOnTime].map(String),
    ...[unit.overdue, unit.lateAcknowledgements, unit.missingReports].map(String),
    formatRate(unit.dueCompletionRate),
    formatRate(unit.onTimeRate),
  ]);
  return dataTable(UNIT_COLUMNS, rows, true);
}

const SECTION_COLUMNS: TableColumn[] = [
  { heading: COLUMN.section, weight: 16, align: 'left' },
  ...[COLUMN.measures, COLUMN.tasks, COLUMN.completed, COLUMN.overdue].map((heading) => ({ heading, weight: 3 })),
  { heading: COLUMN.completionRate, weight: 4 },
];

function sectionsTable(figures: ReportFigures): Table {
  const rows = figures.sections.map((section) => [
    section.title,
    ...[section.measures, section.tasks, section.completed, section.overdue].map(String),
    formatRate(section.completionRate),
  ]);
  return dataTable(SECTION_COLUMNS, rows);
}

const OVERDUE_COLUMNS: TableColumn[] = [
  { heading: COLUMN.serial, weight: 3 },
  { heading: COLUMN.measure, weight: 13, align: 'left' },
  { heading: COLUMN.responsibleUnit, weight: 8.5, align: 'left' },
  { heading: COLUMN.taskKind, weight: 3.5 },
  { heading: COLUMN.deadline, weight: 8 },
  { heading: COLUMN.workingDaysOverdue, weight: 4 },
  { heading: COLUMN.escalationLevel, weight: 5 },
];

function overdueSection(figures: ReportFigures): FileChild[] {
  const items = figures.overdue;
  if (items.length === 0) return [heading1(SECTION_HEADINGS.overdue), bodyParagraph('本季度无逾期事项。')];
  const byLevel = (level: number) => items.filter((item) => item.escalationLevel === level).length;
  const summary =
    `截至${formatChineseDate(figures.asOfDate)}，共有逾期任务 ${items.length} 项，` +
    `其中挂牌督办 ${byLevel(2)} 项、督办 ${byLevel(1)} 项。`;
  const rows = items
    .slice(0, DOCX_OVERDUE_LIMIT)
    .map((item, index) => [
      String(index + 1),
      measureLabel(item.measurePath, item.measureTitle),
      item.unitName,
      taskKindLabel(item.taskKind),
      item.deadline,
      String(item.workingDaysOverdue),
      escalationLabel(item.escalationLevel),
    ]);
  const children: FileChild[] = [
    heading1(SECTION_HEADINGS.overdue),
    bodyParagraph(summary),
    tableCaption('表3　逾期事项清单'),
    dataTable(OVERDUE_COLUMNS, rows),
  ];
  const remaining = items.length - rows.length;
  if (remaining > 0) children.push(bodyParagraph(`其余 ${remaining} 项详见 Excel 附表。`));
  return children;
}

const INDICATOR_COLUMNS: TableColumn[] = [
  { heading: COLUMN.measure, weight: 12, align: 'left' },
  { heading: COLUMN.indicator, weight: 12, align: 'left' },
  { heading: COLUMN.targetValue, weight: 5 },
  { heading: COLUMN.actual, weight: 5 },
  { heading: COLUMN.actualQuarter, weight: 5 },
  { heading: COLUMN.shareReached, weight: 5 },
];

function indicatorsSection(figures: ReportFigures): FileChild[] {
  if (figures.indicators.length === 0)
    return [heading1(SECTION_HEADINGS.indicators), bodyParagraph('本通报涉及的措施暂无量化指标。')];
  const withValue = (value: number | null, unit: string) => (value === null ? EMPTY_VALUE : `${value}${unit}`);
  const rows = figures.indicators.map((indicator) => [
    measureLabel(indicator.measurePath, indicator.measureTitle),
    indicator.target,
    withValue(indicator.targetValue, indicator.measureUnit),
    withValue(indicator.actual, indicator.measureUnit),
    indicator.actualQuarter ?? EMPTY_VALUE,
    formatRate(indicator.shareReached),
  ]);
  return [
    heading1(SECTION_HEADINGS.indicators),
    tableCaption('表4　量化指标进展情况'),
    dataTable(INDICATOR_COLUMNS, rows),
  ];
}

function excerptsSection(figures: ReportFigures): FileChild[] {
  const children: FileChild[] = [heading1(SECTION_HEADINGS.excerpts)];
  if (figures.excerpts.length === 0) return [...children, bodyParagraph('本季度暂无审核通过的进展报告。')];
  sectionOrder(figures).forEach((section, index) => {
    children.push(heading2(`（${chineseNumber(index + 1)}）${stripHeadingNumber(section)}`));
    const excerpts = figures.excerpts.filter((candidate) => candidate.section === section);
    for (const excerpt of excerpts.slice(0, DOCX_EXCERPTS_PER_SECTION)) {
      const leadIn = `【${excerpt.unitName}】${excerpt.measureTitle}（${excerpt.reportQuarter}，完成 ${excerpt.percentDone}%）：`;
      children.push(leadInParagraph(leadIn, truncateText(excerpt.text, EXCERPT_MAX_CHARACTERS)));
    }
    const remaining = excerpts.length - DOCX_EXCERPTS_PER_SECTION;
    if (remaining > 0) children.push(bodyParagraph(`本部分其余 ${remaining} 条进展详见 Excel 附表。`));
  });
  return children;
}

/** The sections that have excerpts, in the document's order; one the section list lacks goes last rather than missing. */
function sectionOrder(figures: ReportFigures): string[] {
  const withExcerpts = new Set(figures.excerpts.map((excerpt) => excerpt.section));
  const known = figures.sections.map((section) => section.title).filter((title) => withExcerpts.has(title));
  return [...new Set([...known, ...withExcerpts])];
}

interface NextStepGroup {
  heading: string;
  items: string[];
  note?: string;
}

function nextStepsSection(figures: ReportFigures): FileChild[] {
  const groups: NextStepGroup[] = [
    overdueSteps(figures),
    { heading: '跟踪临近时限任务', items: atRiskSteps(figures) },
    { heading: '推动未下达措施落地', items: notLaunchedSteps(figures) },
  ].filter((group) => group.items.length > 0);
  const children: FileChild[] = [heading1(SECTION_HEADINGS.nextSteps)];
  if (groups.length === 0) return [...children, bodyParagraph('各项任务均在时限内推进，请各责任单位按计划抓好落实。')];
  groups.forEach((group, index) => {
    children.push(heading2(`（${chineseNumber(index + 1)}）${group.heading}`));
    // Each group is a list of its own, numbered from 1.
    children.push(...group.items.map((text) => listItem(text, NEXT_STEPS_LIST, index + 1)));
    if (group.note) children.push(bodyParagraph(group.note));
  });
  return children;
}

/** Every overdue task the Word table shows; the rest are counted, as the table does. */
function overdueSteps(figures: ReportFigures): NextStepGroup {
  const items = figures.overdue.slice(0, DOCX_OVERDUE_LIMIT).map((item) => {
    const level = item.escalationLevel > 0 ? `，${escalationLabel(item.escalationLevel)}` : '';
    return (
      `督促${item.unitName}尽快办结“${measureLabel(item.measurePath, item.measureTitle)}”` +
      `（完成时限${formatChineseDate(item.deadline)}，已逾期 ${item.workingDaysOverdue} 个工作日${level}）。`
    );
  });
  const remaining = figures.overdue.length - items.length;
  const note = remaining > 0 ? `其余 ${remaining} 项逾期任务详见 Excel 附表，一并督促办结。` : undefined;
  return { heading: '督促办结逾期任务', items, note };
}

function atRiskSteps(figures: ReportFigures): string[] {
  return figures.atRisk.map(
    (item) =>
      `提醒${item.unitName}抓紧推进“${measureLabel(item.measurePath, item.measureTitle)}”，` +
      `距完成时限（${formatChineseDate(item.deadline)}）还有 ${item.workingDaysLeft} 个工作日。`,
  );
}

function notLaunchedSteps(figures: ReportFigures): string[] {
  return figures.notLaunched.map(
    (measure) =>
      `“${measureLabel(measure.measurePath, measure.measureTitle)}”尚未下达（${measure.reason}），请尽快明确后启动。`,
  );
}
