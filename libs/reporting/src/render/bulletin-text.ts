import { RANKING_GROUP_LABELS, RANKING_GROUPS } from '@app/units';
import type { ProgressExcerpt, ReportFigures, UnitFigures } from '../figures/report-figures';
import { escalationLabel, formatChineseDate, formatQuarter, formatRate } from './report-labels';

/** The prose of a 通报 built from its figures: judgement, progress, problems and requirements. */

/** Units named in one sentence before the rest are counted (…等12个单位). */
export const NAMED_UNITS_LIMIT = 10;
/** Best and lagging units named per ranking group in 总体情况. */
export const NAMED_PER_GROUP = 3;
/** Excerpts quoted per section in 主要进展. */
export const HIGHLIGHTS_PER_SECTION = 3;

/** The stated rule by which 主要进展 chooses what it quotes. */
export const HIGHLIGHT_RULE =
  `以下摘录本季度审核通过的进展报告：每项措施取完成进度最高的一条（进度相同取审核通过较晚的），` +
  `每部分至多${HIGHLIGHTS_PER_SECTION}条，按完成进度从高到低排列，并注明报告所属季度。`;

/** 一个 opening sentence: what is reported, on what, as of when. */
export function openingSentence(figures: ReportFigures): string {
  const documentName = figures.document.docNumber
    ? `《${figures.document.title}》（${figures.document.docNumber}）`
    : `《${figures.document.title}》`;
  const scope = figures.scope ? `${figures.scope.unitName}承担任务的` : '';
  return (
    `为推动${documentName}各项措施落地见效，现将${scope}${formatQuarter(figures.quarter)}落实情况` +
    `（数据截至${formatChineseDate(figures.asOfDate)}）通报如下。`
  );
}

/** 总体看… : a judgement on the share of work come due that is done. */
export function overallJudgement(figures: ReportFigures): string {
  const rate = figures.overall.dueCompletionRate;
  if (rate === null) return '总体看，本季度尚无到期任务，各项措施按计划推进。';
  const share = `到期任务完成率${formatRate(rate)}`;
  if (rate >= 0.9) return `总体看，各项措施推进顺利，${share}。`;
  if (rate >= 0.7) return `总体看，各项措施推进总体平稳，${share}，但仍有部分任务未按期完成。`;
  return `总体看，各项措施推进滞后，${share}，逾期任务较多，需加大督促力度。`;
}

/** Names and the count beyond them: 省林草局、省文旅厅等12个单位. */
export function nameUnits(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_UNITS_LIMIT).join('、');
  return names.length > NAMED_UNITS_LIMIT ? `${shown}等${names.length}个单位` : shown;
}

/**
 * Per ranking group with at least two ranked units: the best (top places, up to 3 and at most half
 * the group) and the lagging (the last places, as many, only those below the best's rate).
 */
export function bestAndLagging(units: readonly UnitFigures[]): string[] {
  return RANKING_GROUPS.flatMap((group) => {
    const ranked = units
      .filter((unit) => unit.rankingGroup === group && unit.rank !== null)
      .sort((a, b) => a.rank! - b.rank!);
    const count = Math.min(NAMED_PER_GROUP, Math.floor(ranked.length / 2));
    if (count === 0) return [];
    const best = ranked.slice(0, count);
    const floor = Math.min(...best.map((unit) => unit.dueCompletionRate ?? 0));
    const lagging = ranked
      .slice(-count)
      .filter((unit) => (unit.dueCompletionRate ?? 0) < floor)
      .reverse();
    const names = (list: UnitFigures[]) => list.map((unit) => unit.unitName).join('、');
    const lag = lagging.length > 0 ? `；${names(lagging)}到期任务完成率靠后，进度相对滞后` : '';
    return [`${RANKING_GROUP_LABELS[group]}中，${names(best)}到期任务完成率居前${lag}。`];
  });
}

/** 主要进展: per measure its best report, per section the best few, highest progress first. */
export function selectHighlights(excerpts: readonly ProgressExcerpt[]): ProgressExcerpt[] {
  const better = (a: ProgressExcerpt, b: ProgressExcerpt) =>
    b.percentDone - a.percentDone || b.approvedAt.localeCompare(a.approvedAt);
  const bestOfMeasure = new Map<string, ProgressExcerpt>();
  for (const excerpt of excerpts) {
    const current = bestOfMeasure.get(excerpt.measurePath);
    if (!current || better(excerpt, current) < 0) bestOfMeasure.set(excerpt.measurePath, excerpt);
  }
  const sections = [...new Set(excerpts.map((excerpt) => excerpt.section))];
  return sections.flatMap((section) =>
    [...bestOfMeasure.values()]
      .filter((excerpt) => excerpt.section === section)
      .sort(better)
      .slice(0, HIGHLIGHTS_PER_SECTION),
  );
}

export interface Paragraphs {
  lead: string;
  text: string;
}

/** 存在问题: units with overdue work, with tasks not acknowledged, with progress reports missing, named. */
export function problems(figures: ReportFigures): Paragraphs[] {
  const found: Paragraphs[] = [];
  const overdueUnits = figures.units.filter((unit) => unit.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  if (overdueUnits.length > 0) {
    const escalated = (unitCode: string, level: number) =>
      figures.overdue.filter((item) => item.unitCode === unitCode && item.escalationLevel === level).length;
    const named = overdueUnits.map((unit) => {
      const levels = [2, 1]
        .map((level) => [level, escalated(unit.unitCode, level)] as const)
        .filter(([, count]) => count > 0)
        .map(([level, count]) => `${escalationLabel(level)}${count}项`);
      return `${unit.unitName}（${unit.overdue}项${levels.length > 0 ? `，其中${levels.join('、')}` : ''}）`;
    });
    found.push({
      lead: '部分任务逾期未完成。',
      text: `${nameUnits(named)}有逾期未完成任务，共${figures.overall.overdue}项。`,
    });
  }
  const unacknowledged = figures.units
    .map((unit) => ({ unit, count: unit.tasks - unit.acknowledged }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count);
  if (unacknowledged.length > 0 || figures.overall.lateAcknowledgements > 0) {
    const waiting =
      unacknowledged.length > 0
        ? `${nameUnits(unacknowledged.map(({ unit, count }) => `${unit.unitName}（${count}项）`))}仍有任务未签收；`
        : '';
    found.push({
      lead: '部分任务签收不及时。',
      text: `${waiting}逾期签收任务共${figures.overall.lateAcknowledgements}项。`,
    });
  }
  const missing = figures.units
    .filter((unit) => unit.missingReports > 0)
    .sort((a, b) => b.missingReports - a.missingReports);
  if (missing.length > 0) {
    found.push({
      lead: '部分单位未按期报送进展。',
      text:
        `${nameUnits(missing.map((unit) => `${unit.unitName}（${unit.missingReports}项）`))}` +
        `未按期报送季度进展情况，共${figures.overall.missingReports}项。`,
    });
  }
  return found;
}

/** 下一步工作要求: the report-back deadline, the escalation rule, work close to its deadline, measures not launched. */
export function requirements(figures: ReportFigures): Paragraphs[] {
  const form = figures.bulletin;
  const found: Paragraphs[] = [
    {
      lead: '限期整改报告。',
      text:
        `请存在上述问题的单位认真分析原因、制定整改措施，于本通报印发后${form.reportBackWorkingDays}个工作日内` +
        `（${formatChineseDate(form.reportBackDate)}前）将整改情况书面报送${form.issuingOffice}。`,
    },
  ];
  if (form.escalationRules.length > 0) {
    const rules = [...form.escalationRules]
      .sort((a, b) => a.afterWorkingDaysOverdue - b.afterWorkingDaysOverdue)
      .map((rule) => `逾期超过${rule.afterWorkingDaysOverdue}个工作日的予以${escalationLabel(rule.level)}`);
    found.push({ lead: '严格督办问责。', text: `对逾期任务实行分级督办：${rules.join('，')}。` });
  }
  if (figures.atRisk.length > 0) {
    const units = [...new Set(figures.atRisk.map((item) => item.unitName))];
    found.push({
      lead: '抓好临近时限任务。',
      text: `${figures.atRisk.length}项任务临近完成时限（涉及${nameUnits(units)}），请抓紧推进，确保按期完成。`,
    });
  }
  if (figures.notLaunched.length > 0) {
    const unassigned = figures.notLaunched.filter((measure) => measure.reason === '尚未明确责任单位').length;
    found.push({
      lead: '推动未下达措施落地。',
      text:
        `尚有${figures.notLaunched.length}项措施未分解下达（其中${unassigned}项尚未明确责任单位），` +
        `请尽快明确责任单位后启动。`,
    });
  }
  return found;
}

/**
 * The title broken into lines of at most `perLine` characters between words (Intl.Segmenter's
 * Chinese words), punctuation kept with its word; a word longer than a line is cut as a last resort.
 */
export function titleLines(title: string, perLine: number): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const segments = title
    .split(UNBROKEN)
    .filter((part) => part !== '')
    .flatMap((part) => (UNBROKEN.test(part) ? [part] : [...segmenter.segment(part)].map((piece) => piece.segment)));
  const words = joinPunctuation(segments);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (length(line) + length(word) <= perLine) {
      line += word;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (length(line) > perLine) {
      const characters = Array.from(line);
      lines.push(characters.slice(0, perLine).join(''));
      line = characters.slice(perLine).join('');
    }
  }
  if (line) lines.push(line);
  return lines;
}

const length = (text: string) => Array.from(text).length;
/** Kept on one line: the quarter of the title and the bulletin's own words. */
const UNBROKEN = /(（\d{4}年第[一二三四]季度）|落实情况季度通报)/;
const OPENING = /^[（《“‘([]+$/;
const CLOSING = /^[）》”’)\]，、。；：！？,.;:!?]+$/;

/** Opening brackets go with the word after them, closing ones and punctuation with the word before. */
function joinPunctuation(segments: readonly string[]): string[] {
  const words: string[] = [];
  let pending = '';
  for (const segment of segments) {
    if (OPENING.test(segment)) pending += segment;
    else if (CLOSING.test(segment) && words.length > 0 && !pending) words[words.length - 1] += segment;
    else {
      words.push(pending + segment);
      pending = '';
    }
  }
  if (pending) words.push(pending);
  return words;
}
