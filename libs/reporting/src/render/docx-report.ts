import { xmlSafe } from '@app/common';
import { Document, FileChild, Packer, Paragraph, Table } from 'docx';
import { RANKING_GROUP_LABELS, RANKING_GROUPS } from '@app/units';
import { ProgressExcerpt, ReportFigures, UnitFigures } from '../figures/report-figures';
import {
  HIGHLIGHT_RULE,
  bestAndLagging,
  openingSentence,
  overallJudgement,
  problems,
  requirements,
  selectHighlights,
  titleLines,
} from './bulletin-text';
import {
  DOCUMENT_STYLES,
  PAGE,
  TableColumn,
  attachmentHeading,
  attachmentList,
  bodyParagraph,
  centeredLine,
  dataTable,
  figureCaption,
  flushLeftLine,
  heading1,
  heading2,
  imageParagraph,
  imprint,
  issueNumberParagraph,
  issuingLine,
  leadInParagraph,
  mastheadParagraph,
  pageNumberFooter,
  signatureLines,
  tableCaption,
  titleLinesParagraph,
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

/** Attachments are numbered in the order they print; an empty one is left out. */
interface Attachment {
  title: string;
  children: FileChild[];
}

/** The quarterly bulletin as a Word document. Word stamps its own created/modified times: see the report's notes. */
export async function renderDocx(given: ReportFigures, chartPng: Buffer): Promise<Buffer> {
  // Text from users may hold characters XML forbids (stored before the API refused them): never in the file.
  const figures = xmlSafe(given);
  const title = reportTitle(figures.document.title, figures.quarter);
  const attachments = attachmentsOf(figures);
  const document = new Document({
    title,
    subject: figures.document.title,
    creator: figures.issuingBody,
    lastModifiedBy: figures.issuingBody,
    description: `${figures.quarter} 季度通报，数据截至 ${figures.asOf}`,
    revision: 1,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: { default: pageNumberFooter() },
        children: [
          ...masthead(figures),
          ...titleBlock(figures, title),
          ...overallSection(figures, chartPng),
          ...progressSection(figures),
          ...problemsSection(figures),
          ...requirementsSection(figures),
          ...attachmentList(attachments.map((attachment) => attachment.title)),
          ...signatureLines(figures.bulletin.signatory, formatChineseDate(figures.bulletin.issueDate)),
          ...attachments.flatMap((attachment, index) => [
            ...attachmentHeading(index + 1, attachment.title),
            ...attachment.children,
          ]),
          ...imprint(
            figures.bulletin.copyTo,
            figures.bulletin.printingOffice,
            formatChineseDate(figures.bulletin.issueDate),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 红头: masthead, 第X期, the issuing office and issue date over the red rule. */
function masthead(figures: ReportFigures): Paragraph[] {
  const form = figures.bulletin;
  return [
    mastheadParagraph(form.masthead),
    issueNumberParagraph(`第${form.issueNumber}期`),
    issuingLine(form.issuingOffice, formatChineseDate(form.issueDate)),
  ];
}

/** Title (broken between words), the data's cut-off, a unit edition's scope, 主送 and the opening sentence. */
function titleBlock(figures: ReportFigures, title: string): Paragraph[] {
  const lines = [
    titleLinesParagraph(titleLines(title, TITLE_CHARACTERS_PER_LINE)),
    centeredLine(`（数据截至${formatChineseDate(figures.asOfDate)}）`),
  ];
  if (figures.scope) lines.push(centeredLine(`（本通报仅统计${figures.scope.unitName}承担的任务）`));
  lines.push(flushLeftLine(`${figures.bulletin.mainRecipients}：`), bodyParagraph(openingSentence(figures)));
  return lines;
}

/** 二号 title characters on the A4 text width. */
export const TITLE_CHARACTERS_PER_LINE = 20;

function overallSection(figures: ReportFigures, chartPng: Buffer): FileChild[] {
  const children: FileChild[] = [
    heading1(SECTION_HEADINGS.overall),
    bodyParagraph(`${overallJudgement(figures)}${overallProse(figures)}`),
  ];
  if (figures.scope) return [...children, ...ownPlace(figures)];
  children.push(...bestAndLagging(figures.units).map(bodyParagraph));
  // A unit's edition has one unit: its place is told in words, not drawn as one bar.
  children.push(imageParagraph(chartPng, CHART_TITLE), figureCaption(`图1　${CHART_TITLE}`));
  return children;
}

function overallProse(figures: ReportFigures): string {
  const current = figures.overall;
  const previous = figures.previousQuarter.overall;
  const counts = OVERALL_ROWS.map(
    ({ key, label, unit }) =>
      `${label} ${current[key]} ${unit}，${describeCountChange(current[key], previous[key], unit)}`,
  );
  const rates = RATE_ROWS.map(
    ({ key, label }) => `${label} ${formatRate(current[key])}，${describeRateChange(current[key], previous[key])}`,
  );
  return (
    `截至${formatChineseDate(figures.asOfDate)}，共有${counts.join('；')}。` +
    `${rates.join('；')}（上季度指${formatQuarter(figures.previousQuarter.quarter)}）。`
  );
}

/** 主要进展: the chosen excerpts, by the stated rule, each marked with its quarter. */
function progressSection(figures: ReportFigures): FileChild[] {
  const children: FileChild[] = [heading1(SECTION_HEADINGS.progress)];
  const highlights = selectHighlights(figures.excerpts);
  if (highlights.length === 0) return [...children, bodyParagraph('本季度暂无审核通过的进展报告。')];
  children.push(bodyParagraph(HIGHLIGHT_RULE));
  sectionOrder(figures, highlights).forEach((section, index) => {
    children.push(heading2(`（${chineseNumber(index + 1)}）${stripHeadingNumber(section)}`));
    for (const excerpt of highlights.filter((candidate) => candidate.section === section)) {
      const leadIn =
        `【${excerpt.unitName}】${excerpt.measureTitle}` +
        `（${formatQuarter(excerpt.reportQuarter)}进展，完成 ${excerpt.percentDone}%）：`;
      children.push(leadInParagraph(leadIn, truncateText(excerpt.text, EXCERPT_MAX_CHARACTERS)));
    }
  });
  if (figures.excerpts.length > highlights.length)
    children.push(bodyParagraph(`本季度审核通过的全部 ${figures.excerpts.length} 条进展详见 Excel 附表。`));
  return children;
}

function problemsSection(figures: ReportFigures): FileChild[] {
  const found = problems(figures);
  if (found.length === 0)
    return [heading1(SECTION_HEADINGS.problems), bodyParagraph('本季度未发现逾期、未签收或未按期报送进展的情况。')];
  return [
    heading1(SECTION_HEADINGS.problems),
    ...found.map((item, index) => leadInParagraph(`（${chineseNumber(index + 1)}）${item.lead}`, item.text)),
  ];
}

function requirementsSection(figures: ReportFigures): FileChild[] {
  return [
    heading1(SECTION_HEADINGS.requirements),
    ...requirements(figures).map((item, index) =>
      leadInParagraph(`（${chineseNumber(index + 1)}）${item.lead}`, item.text),
    ),
  ];
}

/** The long tables, as numbered attachments: units (and sections), overdue items, indicators. */
function attachmentsOf(figures: ReportFigures): Attachment[] {
  const attachments: Attachment[] = [
    {
      title: figures.scope ? '本单位任务完成情况' : '各单位任务完成情况',
      children: unitsAttachment(figures),
    },
  ];
  if (figures.overdue.length > 0) attachments.push({ title: '逾期事项清单', children: overdueAttachment(figures) });
  if (figures.indicators.length > 0)
    attachments.push({ title: '量化指标进展情况', children: indicatorsAttachment(figures) });
  return attachments;
}

function unitsAttachment(figures: ReportFigures): FileChild[] {
  const children: FileChild[] = figures.scope
    ? [tableCaption('表1　本单位任务完成情况'), unitsTable(figures.units)]
    : groupTables(figures);
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

function overdueAttachment(figures: ReportFigures): FileChild[] {
  const items = figures.overdue;
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

function indicatorsAttachment(figures: ReportFigures): FileChild[] {
  const withValue = (value: number | null, unit: string) => (value === null ? EMPTY_VALUE : `${value}${unit}`);
  const rows = figures.indicators.map((indicator) => [
    measureLabel(indicator.measurePath, indicator.measureTitle),
    indicator.target,
    withValue(indicator.targetValue, indicator.measureUnit),
    withValue(indicator.actual, indicator.measureUnit),
    indicator.actualQuarter ?? EMPTY_VALUE,
    formatRate(indicator.shareReached),
  ]);
  return [tableCaption('表4　量化指标进展情况'), dataTable(INDICATOR_COLUMNS, rows)];
}

/** The sections that have highlights, in the document's order; one the section list lacks goes last rather than missing. */
function sectionOrder(figures: ReportFigures, highlights: readonly ProgressExcerpt[]): string[] {
  const withExcerpts = new Set(highlights.map((excerpt) => excerpt.section));
  const known = figures.sections.map((section) => section.title).filter((title) => withExcerpts.has(title));
  return [...new Set([...known, ...withExcerpts])];
}
