import { toHalfwidth } from '@app/common';
import { trimEndChars } from './sentences';
import { parseUnitList, UnitList } from './unit-list';

/** The responsible units a measure names, lead first, and where the clause sits in the text. */
export interface ResponsibilityClause extends UnitList {
  raw: string;
  start: number;
  end: number;
}

type Role = 'responsible' | 'lead' | 'co' | 'stop';

/** Labels as documents write them; longest first where one is the start of another. */
const LABELS: readonly (readonly [string, Role])[] = [
  ['牵头责任单位', 'lead'],
  ['责任单位', 'responsible'],
  ['责任部门', 'responsible'],
  ['责任主体', 'responsible'],
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['主办单位', 'lead'],
  ['主办部门', 'lead'],
  ['主责单位', 'lead'],
  ['主责部门', 'lead'],
  ['配合单位', 'co'],
  ['配合部门', 'co'],
  ['参与单位', 'co'],
  ['协同单位', 'co'],
  ['协同部门', 'co'],
  ['协办单位', 'co'],
  ['协办部门', 'co'],
  ['完成时限', 'stop'],
  ['完成时间', 'stop'],
  ['时间节点', 'stop'],
  ['完成期限', 'stop'],
  ['时限要求', 'stop'],
];
const LABEL_NAMES = LABELS.map(([label]) => label).join('|');
const LABEL_PATTERN = new RegExp(LABEL_NAMES, 'gu');
const FIRST_LABELS = '责任单位|责任部门|责任主体|牵头责任单位|牵头单位|牵头部门|主办单位|主办部门|主责单位|主责部门';
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '〔': '〕', '【': '】', '[': ']' };
const PAREN_CLAUSE = new RegExp(`[(〔【[](?:${FIRST_LABELS})`, 'gu');
const LINE_CLAUSE = new RegExp(`(?:^|[\\n。.;!?])(?:${FIRST_LABELS}):`, 'gu');
const FOLLOWING_LINE = new RegExp(`^\\n(?:${LABEL_NAMES}):`, 'u');
/** A closing `(A牵头,B、C配合)` or `(A、B负责)`: units marked by what they do, without a label. */
const ROLE_WORD = /(?:牵头|负责|配合|参与|协助|协同|协办)/u;
const MAX_CLAUSE = 400;
const MAX_UNLABELLED = 200;

/**
 * Finds the units a measure's text names: `(责任单位:…)`, `〔责任单位:…〕`, `(牵头单位:A;配合单位:B)`,
 * `(A牵头,B、C配合)`, `(A、B负责)`, or `责任单位:…` / `牵头部门:A 协办部门:B` lines.
 */
export function findResponsibility(text: string): ResponsibilityClause | null {
  return findParenthesised(text) ?? findLabelled(text) ?? findUnlabelled(text);
}

/** Units from task-table cells: 牵头单位, 配合单位, or a single 责任单位 column (first named leads). */
export function responsibilityFromCells(lead: string, co: string, responsible: string): ResponsibilityClause | null {
  if (lead === '' && co === '' && responsible === '') return null;
  if (lead === '') {
    const only = responsible !== '' ? responsible : co;
    return { raw: normalizeSpaces(only), start: 0, end: 0, ...parseUnitList([{ role: 'responsible', text: only }]) };
  }
  const raw = co !== '' ? `牵头单位:${lead};配合单位:${co}` : lead;
  const parts = [
    { role: 'lead' as const, text: lead },
    { role: 'co' as const, text: co },
  ];
  return { raw: normalizeSpaces(raw), start: 0, end: 0, ...parseUnitList(parts) };
}

export function splitUnitNames(text: string): string[] {
  return parseUnitList([{ role: 'responsible', text: toHalfwidth(text) }]).names;
}

function findParenthesised(text: string): ResponsibilityClause | null {
  PAREN_CLAUSE.lastIndex = 0;
  const match = PAREN_CLAUSE.exec(text);
  if (match === null) return null;
  const start = match.index;
  const close = closingBracket(text, start);
  const end = close === -1 ? lineEnd(text, start) : close + 1;
  const inner = text.slice(start + 1, close === -1 ? end : close);
  return fromLabelledText(inner, start, end);
}

function findLabelled(text: string): ResponsibilityClause | null {
  LINE_CLAUSE.lastIndex = 0;
  const match = LINE_CLAUSE.exec(text);
  if (match === null) return null;
  const start = match.index + (/[\n。.;!?]/u.test(match[0][0]!) ? 1 : 0);
  let end = lineEnd(text, start);
  // `牵头单位:A` and `配合单位:B` (or `责任单位:B`) may sit on consecutive lines.
  while (end < text.length && FOLLOWING_LINE.test(text.slice(end, end + 8))) end = lineEnd(text, end + 1);
  return fromLabelledText(text.slice(start, end).replace(/\n/gu, ';'), start, end);
}

/** The last bracketed group of the text, when it only names units by their roles. */
function findUnlabelled(text: string): ResponsibilityClause | null {
  const trimmed = trimEndChars(text, '。.; \n');
  const close = trimmed.length - 1;
  const closer = trimmed[close];
  if (closer !== ')' && closer !== '〕' && closer !== '】') return null;
  const open = openingBracket(trimmed, close);
  if (open === -1 || close - open > MAX_UNLABELLED) return null;
  const inner = trimmed.slice(open + 1, close);
  if (!ROLE_WORD.test(inner) || /[。:]/u.test(inner)) return null;
  const list = parseUnitList([{ role: 'responsible', text: inner }]);
  if (list.names.length === 0 || !list.marked) return null;
  return { raw: normalizeSpaces(inner), start: open, end: close + 1, ...list };
}

function fromLabelledText(inner: string, start: number, end: number): ResponsibilityClause | null {
  const parts = labelledParts(inner);
  const stopAt = parts.find((part) => part.role === 'stop')?.labelAt ?? inner.length;
  const units = parts.filter((part) => part.role !== 'stop' && part.labelAt < stopAt);
  if (units.length === 0) return null;
  const hasLead = units.some((part) => part.role === 'lead');
  // After a 牵头单位, a 责任单位 names the units that work with it.
  const roles = units.map((part) => ({
    role: part.role === 'stop' || (hasLead && part.role === 'responsible') ? ('co' as const) : part.role,
    text: part.value,
  }));
  const onlyResponsible = units.length === 1 && units[0]!.role === 'responsible';
  const rawText = onlyResponsible ? units[0]!.value : inner.slice(units[0]!.labelAt, stopAt);
  const raw = normalizeSpaces(trimEndChars(cutAtSentence(rawText), ';,。. '));
  return { raw, start, end, ...parseUnitList(roles.map((role) => ({ ...role, text: cutAtSentence(role.text) }))) };
}

interface LabelledPart {
  role: Role;
  labelAt: number;
  value: string;
}

function labelledParts(inner: string): LabelledPart[] {
  const found: { role: Role; labelAt: number; valueAt: number }[] = [];
  LABEL_PATTERN.lastIndex = 0;
  for (let match = LABEL_PATTERN.exec(inner); match !== null; match = LABEL_PATTERN.exec(inner)) {
    const role = LABELS.find(([label]) => label === match![0])![1];
    const afterLabel = match.index + match[0].length;
    found.push({ role, labelAt: match.index, valueAt: inner[afterLabel] === ':' ? afterLabel + 1 : afterLabel });
  }
  return found.map((part, i) => ({
    role: part.role,
    labelAt: part.labelAt,
    value: inner.slice(part.valueAt, found[i + 1]?.labelAt ?? inner.length),
  }));
}

/** `省大数据中心按职责分工负责。具体任务均涉及…,下同。`: the units end with the first sentence. */
function cutAtSentence(text: string): string {
  const end = text.indexOf('。');
  return end === -1 ? text : text.slice(0, end);
}

function closingBracket(text: string, open: number): number {
  const opener = text[open]!;
  const closer = CLOSERS[opener] ?? ')';
  let depth = 0;
  const stop = Math.min(text.length, open + MAX_CLAUSE);
  for (let i = open; i < stop; i++) {
    if (text[i] === opener) depth++;
    if (text[i] === closer && --depth === 0) return i;
    if (text[i] === '\n') return -1;
  }
  return -1;
}

function openingBracket(text: string, close: number): number {
  const closer = text[close]!;
  const opener = Object.keys(CLOSERS).find((key) => CLOSERS[key] === closer) ?? '(';
  let depth = 0;
  const stop = Math.max(0, close - MAX_UNLABELLED - 1);
  for (let i = close; i >= stop; i--) {
    if (text[i] === closer) depth++;
    if (text[i] === opener && --depth === 0) return i;
    if (text[i] === '\n') return -1;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const limit = Math.min(text.length, from + MAX_CLAUSE);
  return newline === -1 || newline > limit ? limit : newline;
}

function normalizeSpaces(text: string): string {
  return text.replace(/\s+/gu, '');
}
