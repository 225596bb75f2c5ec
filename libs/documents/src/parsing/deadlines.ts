/** Deadlines as documents write them: `2022年底前`, `到2025年`, `2023年6月底前`, `完成时限：2022年12月`. */

export interface DeadlineMatch {
  date: string;
  text: string;
}

interface DateExpression {
  year: number;
  month: number | null;
  day: number | null;
  start: number;
  end: number;
  marked: boolean;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const PREFIXES = ['截止到', '截至', '截止', '到', '至', '于', '在'];
const STRONG_PREFIXES = new Set(['截止到', '截至', '截止', '到', '至']);
const YEAR_END_WORDS = ['年底', '年末', '底', '末'];
const BEFORE_WORDS = ['以前', '之前', '前', '内'];
const HALVES: readonly (readonly [string, number])[] = [
  ['上半年', 6],
  ['下半年', 12],
];
const QUARTERS: readonly (readonly [string, number])[] = [
  ['第一季度', 3],
  ['第二季度', 6],
  ['第三季度', 9],
  ['第四季度', 12],
  ['一季度', 3],
  ['二季度', 6],
  ['三季度', 9],
  ['四季度', 12],
];
const COMPLETION_LABEL = /(?:完成时限|完成时间|时间节点|完成期限|时限要求):?/u;
const MAX_TERM = 40;

/** The `完成时限：…` of a measure, as written; null when it has none. */
export function findCompletionTerm(text: string): string | null {
  const match = COMPLETION_LABEL.exec(text);
  if (match === null) return null;
  const from = match.index + match[0].length;
  let end = from;
  while (end < text.length && end - from < MAX_TERM && !')\n;。'.includes(text[end]!)) end++;
  const term = text.slice(from, end).trim();
  return term.length === 0 ? null : term;
}

const ONGOING = /长期|持续|常态|久久为功/u;
const RECURRING = /每(?:年|半年|季度?|月|周|旬)|按(?:年|季度?|月)|逐年/u;

/** A term that is no date but a rhythm or no end: `长期坚持`, `持续推进` (ongoing), `每季度` (recurring). */
export function termKind(term: string): 'ongoing' | 'recurring' | null {
  if (RECURRING.test(term)) return 'recurring';
  return ONGOING.test(term) ? 'ongoing' : null;
}

/** The latest date a completion column names; any date counts there. */
export function deadlineFromTerm(term: string): DeadlineMatch | null {
  const compact = term.replace(/\s+/gu, '');
  return latest(scanDates(compact).map((found) => ({ found, text: term })));
}

/** The latest deadline a measure's text sets: only dates marked as deadlines (`到`, `前`, `底`) count. */
export function deadlineFromText(text: string): DeadlineMatch | null {
  const marked = scanDates(text).filter((found) => found.marked);
  return latest(marked.map((found) => ({ found, text: text.slice(found.start, found.end) })));
}

function latest(candidates: readonly { found: DateExpression; text: string }[]): DeadlineMatch | null {
  let best: DeadlineMatch | null = null;
  for (const { found, text } of candidates) {
    const date = toIsoDate(found);
    if (date !== null && (best === null || date > best.date)) best = { date, text };
  }
  return best;
}

function scanDates(text: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (let at = text.indexOf('年'); at !== -1; at = text.indexOf('年', at + 1)) {
    const year = yearBefore(text, at);
    if (year !== null) found.push(readDate(text, at, year));
  }
  return found;
}

function yearBefore(text: string, at: number): number | null {
  if (at < 4 || isDigit(text[at - 5])) return null;
  const digits = text.slice(at - 4, at);
  if (![...digits].every(isDigit)) return null;
  const year = Number(digits);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

function readDate(text: string, at: number, year: number): DateExpression {
  const prefix =
    PREFIXES.find((word) => at - 4 - word.length >= 0 && text.startsWith(word, at - 4 - word.length)) ?? null;
  const start = at - 4 - (prefix?.length ?? 0);
  let end = at + 1;
  let month: number | null = null;
  let day: number | null = null;
  const monthMatch = /^(\d{1,2})月(?:(\d{1,2})[日号])?/u.exec(text.slice(end, end + 6));
  const period =
    HALVES.find(([word]) => text.startsWith(word, end)) ?? QUARTERS.find(([word]) => text.startsWith(word, end));
  if (monthMatch !== null) {
    month = Number(monthMatch[1]);
    day = monthMatch[2] === undefined ? null : Number(monthMatch[2]);
    end += monthMatch[0].length;
  } else if (period !== undefined) {
    month = period[1];
    end += period[0].length;
  }
  const yearEnd = YEAR_END_WORDS.find((word) => text.startsWith(word, end));
  end += yearEnd?.length ?? 0;
  const before = BEFORE_WORDS.find((word) => text.startsWith(word, end));
  end += before?.length ?? 0;
  const marked = before !== undefined || yearEnd !== undefined || (prefix !== null && STRONG_PREFIXES.has(prefix));
  return { year, month, day, start: prefix !== null && STRONG_PREFIXES.has(prefix) ? start : at - 4, end, marked };
}

function toIsoDate({ year, month, day }: DateExpression): string | null {
  if (month === null) return `${year}-12-31`;
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day !== null && (day < 1 || day > lastDay)) return null;
  return `${year}-${pad(month)}-${pad(day ?? lastDay)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
