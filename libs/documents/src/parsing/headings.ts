import { parseChineseNumber } from './chinese-numerals';

/** The numbering styles of headings, outermost first. */
export type NumberingKind = 'chapter' | 'part' | 'sub' | 'item' | 'subitem' | 'circled';

const RANK: Readonly<Record<NumberingKind, number>> = { chapter: 0, part: 1, sub: 2, item: 3, subitem: 4, circled: 5 };

export interface HeadingMatch {
  kind: NumberingKind;
  rank: number;
  number: number;
  /** The numbering as it appears in paths: `二`, `(一)`, `1`, `(1)`, `①`. */
  numbering: string;
  /** The rest of the line after the numbering. */
  rest: string;
}

const CHAPTER = /^第([一二三四五六七八九十]{1,3})(?:章|部分)\s?(.*)$/u;
const PART = /^([一二三四五六七八九十]{1,3})[、.]\s?(.*)$/u;
const SUB = /^\(([一二三四五六七八九十]{1,3})\)\s?(.*)$/u;
const ITEM = /^(\d{1,2})(?:\.(?!\d)|、)\s?(.*)$/u;
const SUBITEM = /^\((\d{1,2})\)\s?(.*)$/u;
const CIRCLED = /^([\u2460-\u2473])\s?(.*)$/u;

/** Recognises a heading at the start of a (halfwidth, trimmed) line. */
export function matchHeading(text: string): HeadingMatch | null {
  return (
    matchChinese(text, CHAPTER, 'chapter', (n) => `第${n}`) ??
    matchChinese(text, PART, 'part', (n) => n) ??
    matchChinese(text, SUB, 'sub', (n) => `(${n})`) ??
    matchArabic(text, ITEM, 'item', (n) => `${n}`) ??
    matchArabic(text, SUBITEM, 'subitem', (n) => `(${n})`) ??
    matchCircled(text)
  );
}

function matchChinese(
  text: string,
  pattern: RegExp,
  kind: NumberingKind,
  show: (n: string) => string,
): HeadingMatch | null {
  const match = pattern.exec(text);
  if (match === null) return null;
  const number = parseChineseNumber(match[1]!);
  if (number === null || number === 0) return null;
  return { kind, rank: RANK[kind], number, numbering: show(match[1]!), rest: match[2]!.trim() };
}

function matchArabic(
  text: string,
  pattern: RegExp,
  kind: NumberingKind,
  show: (n: number) => string,
): HeadingMatch | null {
  const match = pattern.exec(text);
  if (match === null) return null;
  const number = Number(match[1]);
  if (number === 0) return null;
  return { kind, rank: RANK[kind], number, numbering: show(number), rest: match[2]!.trim() };
}

function matchCircled(text: string): HeadingMatch | null {
  const match = CIRCLED.exec(text);
  if (match === null) return null;
  const number = match[1]!.charCodeAt(0) - 0x2460 + 1;
  return { kind: 'circled', rank: RANK.circled, number, numbering: match[1]!, rest: match[2]!.trim() };
}

/** `目录` or `目 录` on a line of its own. */
export function isTocTitle(text: string): boolean {
  return text.length <= 8 && text.startsWith('目') && text.replace(/\s/gu, '') === '目录';
}

const LEADER = new Set([' ', '\t', '.', '…', '·', '-', '—', '_']);

/**
 * A table-of-contents entry: text, then a leader (spaces or dots), then a page number.
 * `strict` asks for a leader of at least two characters, as outside a 目录 block.
 */
export function isTocEntry(text: string, strict: boolean): boolean {
  let end = text.length;
  while (end > 0 && isDigit(text[end - 1]!)) end--;
  const digits = text.length - end;
  if (digits === 0 || digits > 3) return false;
  let start = end;
  while (start > 0 && LEADER.has(text[start - 1]!)) start--;
  const leader = end - start;
  if (start === 0 || leader < (strict ? 2 : 1)) return false;
  return !isDigit(text[start - 1]!);
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
