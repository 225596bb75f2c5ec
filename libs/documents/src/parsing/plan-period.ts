import { parseChineseNumber } from './chinese-numerals';

export interface PlanPeriod {
  startYear: number;
  endYear: number;
  /** The words the period was read from, e.g. `2021-2025年` or `十四五`. */
  text: string;
}

const EXPLICIT = /(\d{4})年?(?:-|—{1,2}|–|~|至|到)(\d{4})年/u;
const FIVE_YEAR_PLAN = /十([一二三四五六七八九])五/u;
const MAX_SPAN = 20;

/** A period stated outright: `规划期为2021-2025年`, `（2023—2025年）`. */
export function explicitPeriod(text: string): PlanPeriod | null {
  const match = EXPLICIT.exec(text.replace(/\s/gu, ''));
  if (match === null) return null;
  const startYear = Number(match[1]);
  const endYear = Number(match[2]);
  if (startYear < 1949 || endYear > 2100 || endYear < startYear || endYear - startYear > MAX_SPAN) return null;
  return { startYear, endYear, text: match[0] };
}

/** The period of a five-year plan named in a title: 十三五 = 2016–2020, 十四五 = 2021–2025. */
export function fiveYearPlanPeriod(title: string): PlanPeriod | null {
  const match = FIVE_YEAR_PLAN.exec(title);
  if (match === null) return null;
  const ordinal = parseChineseNumber(`十${match[1]}`);
  if (ordinal === null) return null;
  // The third plan began in 1966 (after the 1963–65 adjustment); every later one follows on.
  const startYear = 1966 + 5 * (ordinal - 3);
  return { startYear, endYear: startYear + 4, text: match[0] };
}
