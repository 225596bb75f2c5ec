import type { QuantitativeTarget, TargetComparator } from './parse-result.types';
import {
  chineseQuantityAt,
  Quantity,
  quantityAt,
  skipNumber,
  startsChineseNumber,
  startsNumber,
} from './target-quantity';
import { readSubject, segmentStart, subjectFromPrefix } from './target-subject';

const PREFIX_COMPARATORS: readonly (readonly [string, TargetComparator])[] = [
  ['不低于', 'gte'],
  ['不少于', 'gte'],
  ['不小于', 'gte'],
  ['至少', 'gte'],
  ['达到', 'gte'],
  ['不超过', 'lte'],
  ['不高于', 'lte'],
  ['不多于', 'lte'],
  ['不大于', 'lte'],
  ['控制在', 'lte'],
  ['压缩至', 'lte'],
  ['压减至', 'lte'],
  ['缩短至', 'lte'],
  ['降至', 'lte'],
  ['超过', 'gt'],
  ['高于', 'gt'],
  ['大于', 'gt'],
  ['多于', 'gt'],
  ['突破', 'gt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['小于', 'lt'],
];
const SUFFIX_COMPARATORS: readonly (readonly [string, TargetComparator])[] = [
  ['及以上', 'gte'],
  ['以上', 'gte'],
  ['以下', 'lte'],
  ['以内', 'lte'],
  ['左右', 'approx'],
];
// A percentage is a target only when something says what it measures (比例不低于10%), not `按10%加计抵减`.
const PERCENT_CUES = [
  '比例',
  '比重',
  '占比',
  '率',
  '增长',
  '提高',
  '提升',
  '降低',
  '下降',
  '增速',
  '增幅',
  '覆盖',
  '占',
];
const CLAUSE_BREAKS = new Set([',', ';', '。', '\n']);

/** Finds the counted targets in a measure's text: `新创建1-3家国家5A级旅游景区`, `比例不低于10%`. */
export function extractTargets(text: string): QuantitativeTarget[] {
  const targets: QuantitativeTarget[] = [];
  let at = 0;
  while (at < text.length) {
    if (startsChineseNumber(text, at)) {
      const quantity = chineseQuantityAt(text, at);
      const target = quantity === null ? null : buildTarget(text, at, quantity);
      if (target !== null) targets.push(target);
      at = quantity?.end ?? at + 1;
      continue;
    }
    if (!startsNumber(text, at)) {
      at++;
      continue;
    }
    const quantity = quantityAt(text, at);
    const target = quantity === null ? null : buildTarget(text, at, quantity);
    if (target !== null) targets.push(target);
    at = Math.max(quantity?.end ?? 0, skipNumber(text, at));
  }
  return targets;
}

function buildTarget(text: string, start: number, quantity: Quantity): QuantitativeTarget | null {
  const suffix = SUFFIX_COMPARATORS.find(([word]) => text.startsWith(word, quantity.end));
  const end = quantity.end + (suffix?.[0].length ?? 0);
  const from = segmentStart(text, start);
  const prefix = text.slice(from, start);
  const prefixComparator = PREFIX_COMPARATORS.find(([word]) => prefix.endsWith(word));
  const isPercent = quantity.unit === '%' || quantity.unit === '个百分点';
  if (isPercent && prefixComparator === undefined && !PERCENT_CUES.some((cue) => prefix.includes(cue))) return null;
  if (isCondition(text, prefix, end)) return null;
  const after = isPercent ? null : readSubject(text, end);
  const subjectAfter = after !== null && after.subject !== '';
  const subject = subjectAfter ? after.subject : subjectFromPrefix(prefix, prefixComparator?.[0] ?? '');
  if (subject === '') return null;
  const comparator =
    quantity.second !== null ? 'range' : (suffix?.[1] ?? prefixComparator?.[1] ?? (quantity.roughly ? 'gt' : 'eq'));
  return {
    text: text.slice(from, subjectAfter ? after.end : end).trim(),
    comparator,
    value: quantity.second === null ? quantity.first : null,
    min: quantity.second === null ? null : Math.min(quantity.first, quantity.second),
    max: quantity.second === null ? null : Math.max(quantity.first, quantity.second),
    unit: quantity.unit,
    subject,
  };
}

/** `对建筑面积300平方米以下……的设施` says who qualifies: the numbers in it are not targets. */
function isCondition(text: string, prefix: string, end: number): boolean {
  if (!prefix.startsWith('对')) return false;
  for (let i = end; i < text.length && i < end + 40; i++) {
    if (text[i] === '的') return true;
    if (CLAUSE_BREAKS.has(text[i]!)) return false;
  }
  return false;
}
