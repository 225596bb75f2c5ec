import { DIGITS, isChineseNumeral, parseChineseCount } from './chinese-numerals';

/** A number with its unit of measure: `50个`, `1-3家`, `10%-20%`, `50余家`. */
export interface Quantity {
  first: number;
  second: number | null;
  /** `50余家`, `100多个`: more than the number. */
  roughly: boolean;
  unit: string;
  end: number;
}

/** Units of measure, longest first so that `个百分点` wins over `个`. */
const UNITS = [
  '个百分点',
  '个工作日',
  '工作日',
  '万人次',
  '万平方米',
  '平方公里',
  '平方米',
  '万千瓦',
  '万人',
  '万户',
  '万亩',
  '万吨',
  '万元',
  '亿元',
  '万个',
  '万家',
  '公里',
  '千米',
  '人次',
  '%',
  '个',
  '家',
  '项',
  '部',
  '处',
  '条',
  '所',
  '座',
  '名',
  '户',
  '套',
  '张',
  '床',
  '台',
  '辆',
  '场',
  '批',
  '篇',
  '亩',
  '吨',
  '元',
  '倍',
  '间',
  '栋',
  '种',
  '款',
  '人',
  '次',
  '支',
  '门',
  '天',
];
const RANGE_SEPARATORS = new Set(['-', '—', '–', '~', '至', '到']);
const MAX_DIGITS = 12;

/** The quantity whose number starts at `at`, or null when no unit of measure follows it. */
export function quantityAt(text: string, at: number): Quantity | null {
  const first = readNumber(text, at);
  if (first === null) return null;
  let end = first.end;
  let second: number | null = null;
  const percentRange = text[end] === '%' && RANGE_SEPARATORS.has(text[end + 1] ?? '') && isDigit(text[end + 2]);
  const rangeAt = percentRange ? end + 1 : end;
  if (RANGE_SEPARATORS.has(text[rangeAt] ?? '') && isDigit(text[rangeAt + 1])) {
    const next = readNumber(text, rangeAt + 1);
    if (next === null) return null;
    second = next.value;
    end = next.end;
  }
  const roughly = text[end] === '余' || text[end] === '多';
  if (roughly) end++;
  const unit = UNITS.find((candidate) => text.startsWith(candidate, end));
  if (unit === undefined) return null;
  return { first: first.value, second, roughly, unit, end: end + unit.length };
}

/** A number starts here, and is not part of a word (`IPv6`, `第3批`, the `5` of `6.5`). */
export function startsNumber(text: string, at: number): boolean {
  if (!isDigit(text[at])) return false;
  const before = text[at - 1];
  if (before === undefined) return true;
  return !isDigit(before) && !/[A-Za-z.第]/u.test(before);
}

export function skipNumber(text: string, at: number): number {
  let end = skipDigits(text, at);
  if (text[end] === '.' && isDigit(text[end + 1])) end = skipDigits(text, end + 1);
  return end;
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function readNumber(text: string, at: number): { value: number; end: number } | null {
  const end = skipNumber(text, at);
  if (end - at > MAX_DIGITS) return null;
  return { value: Number(text.slice(at, end)), end };
}

function skipDigits(text: string, at: number): number {
  let end = at;
  while (isDigit(text[end])) end++;
  return end;
}

const MAX_CHINESE = 8;
/** `三大` (三大工程): counted things Chinese numerals name that digits rarely do. */
const CHINESE_ONLY_UNITS = ['大'];

/** Whether a Chinese numeral (two or more: `一批` is no target) starts here, not inside one. */
export function startsChineseNumber(text: string, at: number): boolean {
  const char = text[at];
  if (char === undefined || !(char in DIGITS || char === '十')) return false;
  const before = text[at - 1];
  return before !== '第' && !isChineseNumeral(before);
}

/**
 * `两个`, `三大`, `十万人次`: a Chinese numeral and a unit of measure. The shortest numeral that a unit
 * follows is taken, so that `十万人次` reads as 10 万人次, the way `10万人次` does.
 */
export function chineseQuantityAt(text: string, at: number): Quantity | null {
  for (let end = at + 1; end <= Math.min(text.length, at + MAX_CHINESE); end++) {
    const last = text[end - 1]!;
    if (!isChineseNumeral(last)) return null;
    const unit = [...UNITS, ...CHINESE_ONLY_UNITS].find((candidate) => text.startsWith(candidate, end));
    if (unit === undefined) continue;
    const value = parseChineseCount(text.slice(at, end));
    if (value === null || value < 2) return null;
    return { first: value, second: null, roughly: false, unit, end: end + unit.length };
  }
  return null;
}
