import { trimEndChars } from './sentences';
import { isDigit, quantityAt, startsNumber } from './target-quantity';

/** Where the phrase around a number begins: after the last delimiter, at most a few dozen characters back. */
export function segmentStart(text: string, numberStart: number): number {
  const bound = Math.max(0, numberStart - MAX_PREFIX);
  for (let i = numberStart - 1; i >= bound; i--) {
    if (isDelimiter(text, i)) return i + 1;
  }
  return bound;
}

/** What a number counts when it comes after the unit: `50个|省级旅游度假区`. */
export function readSubject(text: string, from: number): { subject: string; end: number } {
  let start = from;
  if (text[start] === '的') start++;
  let end = start;
  const limit = Math.min(text.length, start + MAX_SUBJECT);
  while (end < limit) {
    // Stop where the next quantity begins (`1个国家级和|11个省级…`), not at any digit (`国家5A级`).
    if (startsNumber(text, end) && quantityAt(text, end) !== null) break;
    if (text[end] === '、' && text.slice(start, end).endsWith('化')) {
      // `建成200个市场化、规模化、标准化社区养老示范机构`: a list of qualities, not of things.
      end++;
      continue;
    }
    if (isDelimiter(text, end)) break;
    end++;
  }
  const subject = trimEndChars(text.slice(start, end), '和及与等的、 ');
  return { subject, end: start + subject.length };
}

/** What a number counts when it comes before it: `新建|森林康养基地|50个`, `比例|不低于|10%`. */
export function subjectFromPrefix(prefix: string, comparatorWord: string): string {
  let subject = prefix.endsWith(comparatorWord) ? prefix.slice(0, prefix.length - comparatorWord.length) : prefix;
  subject = trimEndChars(subject, '的为达至到 ').replace(LEADING_TIME, '');
  for (let stripped = stripLeadingVerb(subject); stripped !== subject; stripped = stripLeadingVerb(subject)) {
    subject = stripped;
  }
  return unquote(subject.trim());
}

function unquote(text: string): string {
  const quoted = text.length > 2 && '“"'.includes(text[0]!) && '”"'.includes(text[text.length - 1]!);
  return quoted ? text.slice(1, -1) : text;
}

const MAX_PREFIX = 40;
// `到2025年建成|体育公园`, `2022年底前建成|…`, `每年培训|…`: when, not what.
const LEADING_TIME = /^(?:(?:到|至|截至)?\d{4}年(?:年底前|底前|年底|底|末|前)?|每年)/u;
const MAX_SUBJECT = 30;
const DELIMITERS = new Set([',', ';', ':', '。', '!', '?', '(', ')', '\n', '、']);
const LEADING_VERBS = [
  '新创建',
  '力争',
  '争取',
  '创建',
  '新建',
  '建设',
  '建成',
  '打造',
  '培育',
  '实现',
  '确保',
  '推动',
  '推进',
  '落实',
  '新增',
  '引进',
  '开辟',
  '形成',
  '完成',
  '举办',
  '累计',
  '设立',
  '认定',
  '遴选',
  '扶持',
  '支持',
  '共',
  '培训',
  '开展',
];

function stripLeadingVerb(text: string): string {
  const verb = LEADING_VERBS.find((word) => text.startsWith(word) && text.length > word.length);
  return verb === undefined ? text : text.slice(verb.length);
}

function isDelimiter(text: string, at: number): boolean {
  const char = text[at]!;
  if (char === '.') return !(isDigit(text[at - 1]) && isDigit(text[at + 1]));
  return DELIMITERS.has(char);
}
