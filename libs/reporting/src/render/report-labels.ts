import { OverdueItem, UnitFigures } from '../figures/report-figures';

/** The Chinese wording shared by the Word and Excel outputs, so both say the same thing the same way. */

export const SECTION_HEADINGS = {
  overall: '一、总体情况',
  progress: '二、主要进展',
  problems: '三、存在问题',
  requirements: '四、下一步工作要求',
} as const;

export const SHEET_NAMES = {
  overall: '总体情况',
  units: '各单位',
  assessment: '考核',
  sections: '各部分',
  overdue: '逾期事项',
  atRisk: '临期事项',
  indicators: '指标进展',
  excerpts: '进展摘录',
  notLaunched: '未下达措施',
} as const;

export const CHART_TITLE = '各单位到期任务完成率';
export const NO_DATA = '暂无数据';
export const EMPTY_VALUE = '—';

/** Column headings, one per figure, used by every table of both outputs. */
export const COLUMN = {
  serial: '序号',
  rank: '排名',
  unit: '单位',
  unitCode: '单位代码',
  responsibleUnit: '责任单位',
  asLead: '牵头',
  asCo: '配合',
  asSubtask: '分解',
  tasks: '任务数',
  acknowledged: '已签收',
  completed: '已完成',
  completedOnTime: '按时完成',
  overdue: '逾期',
  lateAcknowledgements: '逾期签收',
  missingReports: '未报进展',
  cancelled: '已取消',
  completionRate: '完成率',
  onTimeRate: '按时完成率',
  due: '到期任务',
  dueCompletionRate: '到期任务完成率',
  rankingGroup: '排名分组',
  section: '部分',
  measures: '措施数',
  measurePath: '措施编号',
  measure: '措施',
  taskKind: '任务类型',
  taskId: '任务编号',
  deadline: '完成时限',
  workingDaysOverdue: '逾期工作日',
  workingDaysLeft: '剩余工作日',
  escalationLevel: '督办级别',
  indicator: '指标',
  targetValue: '目标值',
  measureUnit: '计量单位',
  actual: '最新实际值',
  actualQuarter: '报送季度',
  shareReached: '完成比例',
  reportQuarter: '报送季度',
  percentDone: '完成进度',
  progressText: '进展情况',
  approvedAt: '审核通过时间',
  reason: '原因',
  figure: '指标',
  currentQuarter: '本季度',
  previousQuarter: '上季度',
  change: '变化',
} as const;

/** The overall figures in the order both outputs list them, with the measure word the prose uses. */
export const OVERALL_ROWS = [
  { key: 'measures', label: '措施', unit: '项' },
  { key: 'launchedMeasures', label: '已下达措施', unit: '项' },
  { key: 'closedMeasures', label: '已销号措施', unit: '项' },
  { key: 'tasks', label: '任务', unit: '项' },
  { key: 'acknowledged', label: '已签收任务', unit: '项' },
  { key: 'completed', label: '已完成任务', unit: '项' },
  { key: 'completedOnTime', label: '按时完成任务', unit: '项' },
  { key: 'due', label: '到期任务', unit: '项' },
  { key: 'overdue', label: '逾期任务', unit: '项' },
  { key: 'lateAcknowledgements', label: '逾期签收任务', unit: '项' },
  { key: 'missingReports', label: '未按期报送进展任务', unit: '项' },
  { key: 'cancelled', label: '已取消任务', unit: '项' },
] as const;

export const RATE_ROWS = [
  { key: 'completionRate', label: '任务完成率' },
  { key: 'dueCompletionRate', label: '到期任务完成率' },
  { key: 'onTimeRate', label: '按时完成率' },
] as const;

/** What the rank column says of a unit the bulletin does not rank. */
export const NOTHING_DUE = '暂无到期任务';
export const NOT_RANKED = '不排名';

/** 3, or 暂无到期任务 / 不排名 where the unit is not ranked; a few-due unit is marked *. */
export function rankLabel(unit: UnitFigures): string {
  if (unit.rank === null) return unit.rankingGroup === 'unranked' ? NOT_RANKED : NOTHING_DUE;
  return unit.fewDueTasks ? `${unit.rank}*` : String(unit.rank);
}

/** 第23/46位 within the unit's ranking group. */
export function placeInGroup(unit: UnitFigures): string {
  return unit.rank === null ? rankLabel(unit) : `第${unit.rank}/${unit.rankedInGroup}位`;
}

const TASK_KINDS: Record<OverdueItem['taskKind'], string> = { lead: '牵头', co: '配合', subtask: '分解' };

const ESCALATION_LEVELS = ['无', '督办', '挂牌督办'];

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function taskKindLabel(kind: OverdueItem['taskKind']): string {
  return TASK_KINDS[kind];
}

/** 0 无, 1 督办, 2 挂牌督办; a level beyond the ladder is shown as its number rather than hidden. */
export function escalationLabel(level: number): string {
  return ESCALATION_LEVELS[level] ?? `${level}级`;
}

/** 0.6667 → 66.7%; null (no denominator) → —. */
export function formatRate(rate: number | null): string {
  if (rate === null) return EMPTY_VALUE;
  return `${(rate * 100).toFixed(1)}%`;
}

/** 2022-09-30 → 2022年9月30日. */
export function formatChineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2022Q3 → 2022年第三季度. */
export function formatQuarter(quarter: string): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  return `${match[1]}年第${CHINESE_DIGITS[Number(match[2])]}季度`;
}

/** 1 → 一, 12 → 十二, 20 → 二十: enough for the numbering of sub-headings. */
export function chineseNumber(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensText = tens === 1 ? '十' : `${CHINESE_DIGITS[tens]}十`;
  return ones === 0 ? tensText : `${tensText}${CHINESE_DIGITS[ones]}`;
}

/** A document heading such as 一、推动文旅产业高质量发展 without its own numbering, so it can be numbered again. */
export function stripHeadingNumber(title: string): string {
  return title.replace(/^[一二三四五六七八九十百]+、\s*/, '');
}

/** 较上季度增加 3 项 / 减少 2 项 / 持平. */
export function describeCountChange(current: number, previous: number, unit: string): string {
  const change = current - previous;
  if (change === 0) return '与上季度持平';
  return `较上季度${change > 0 ? '增加' : '减少'} ${Math.abs(change)} ${unit}`;
}

/** 较上季度提高 10.0 个百分点 / 降低 / 持平; without a rate on either side there is nothing to compare. */
export function describeRateChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '上季度无可比数据';
  const points = rateChangePoints(current, previous);
  if (points === 0) return '与上季度持平';
  return `较上季度${points > 0 ? '提高' : '降低'} ${Math.abs(points).toFixed(1)} 个百分点`;
}

/** The change of a rate in percentage points, rounded to one decimal so 0.4 − 0.3 is 10.0 and not 10.000000000000002. */
export function rateChangePoints(current: number, previous: number): number {
  return Math.round((current - previous) * 1000) / 10;
}

/** Cuts a text at `limit` characters (code points, so no character is split) and marks the cut with …. */
export function truncateText(text: string, limit: number): string {
  const characters = Array.from(text.trim());
  if (characters.length <= limit) return characters.join('');
  return `${characters.slice(0, limit).join('')}…`;
}

/** The title of the bulletin: <document>落实情况季度通报（2022年第三季度）. */
export function reportTitle(documentTitle: string, quarter: string): string {
  return `${documentTitle}落实情况季度通报（${formatQuarter(quarter)}）`;
}

/** A measure as a reader sees it: its number, then its title. */
export function measureLabel(measurePath: string, measureTitle: string): string {
  return measurePath ? `${measurePath} ${measureTitle}` : measureTitle;
}
