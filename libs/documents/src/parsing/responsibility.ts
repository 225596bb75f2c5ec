import { normalizeName, toHalfwidth } from '@app/common';
import { trimEndChars } from './sentences';

/** The responsible units a measure names, lead first, and where the clause sits in the text. */
export interface ResponsibilityClause {
  raw: string;
  names: string[];
  start: number;
  end: number;
}

type Role = 'responsible' | 'lead' | 'co' | 'stop';

const LABELS: readonly (readonly [string, Role])[] = [
  ['责任单位', 'responsible'],
  ['责任部门', 'responsible'],
  ['责任主体', 'responsible'],
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['配合单位', 'co'],
  ['配合部门', 'co'],
  ['参与单位', 'co'],
  ['协同单位', 'co'],
  ['协办单位', 'co'],
  ['完成时限', 'stop'],
  ['完成时间', 'stop'],
  ['时间节点', 'stop'],
  ['完成期限', 'stop'],
  ['时限要求', 'stop'],
];
const LABEL_PATTERN = new RegExp(LABELS.map(([label]) => label).join('|'), 'gu');
const PAREN_CLAUSE = /\((?:责任单位|责任部门|责任主体|牵头单位|牵头部门)/gu;
const LINE_CLAUSE = /(?:^|[\n。.;!?])(?:责任单位|责任部门|责任主体|牵头单位|牵头部门):/gu;
const MAX_CLAUSE = 400;
const SEPARATORS = /[、,;/\s]/u;
const ROLE_SUFFIXES: readonly (readonly [string, 'lead' | 'co'])[] = [
  ['牵头', 'lead'],
  ['配合', 'co'],
  ['参与', 'co'],
  ['协助', 'co'],
];

/** Finds `(责任单位:…)`, `(牵头单位:A;配合单位:B)` or a `责任单位:…` line in a measure's text. */
export function findResponsibility(text: string): ResponsibilityClause | null {
  return findParenthesised(text) ?? findLabelled(text);
}

/** Units from task-table cells: 牵头单位, 配合单位, or a single 责任单位 column. */
export function responsibilityFromCells(lead: string, co: string, responsible: string): ResponsibilityClause | null {
  const raw = lead !== '' ? (co !== '' ? `牵头单位:${lead};配合单位:${co}` : lead) : responsible;
  if (raw === '') return null;
  const leadNames = lead !== '' ? splitUnitNames(lead) : splitUnitNames(responsible);
  const names = orderNames(leadNames, lead !== '' ? splitUnitNames(co) : []);
  return { raw: normalizeSpaces(raw), names, start: 0, end: 0 };
}

export function splitUnitNames(text: string): string[] {
  return toHalfwidth(text)
    .split(SEPARATORS)
    .map((name) => normalizeName(trimEndChars(name, '。.:等')))
    .filter((name) => name.length > 0);
}

function findParenthesised(text: string): ResponsibilityClause | null {
  PAREN_CLAUSE.lastIndex = 0;
  const match = PAREN_CLAUSE.exec(text);
  if (match === null) return null;
  const start = match.index;
  const close = closingParen(text, start);
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
  // `牵头单位:A` and `配合单位:B` may sit on consecutive lines.
  while (end < text.length && /^\n(?:配合单位|配合部门|参与单位|协同单位|协办单位):/u.test(text.slice(end, end + 8))) {
    end = lineEnd(text, end + 1);
  }
  return fromLabelledText(text.slice(start, end).replace(/\n/gu, ';'), start, end);
}

function fromLabelledText(inner: string, start: number, end: number): ResponsibilityClause | null {
  const parts = labelledParts(inner);
  const stopAt = parts.find((part) => part.role === 'stop')?.labelAt ?? inner.length;
  const units = parts.filter((part) => part.role !== 'stop' && part.labelAt < stopAt);
  if (units.length === 0) return null;
  const onlyResponsible = units.length === 1 && units[0]!.role === 'responsible';
  const rawText = onlyResponsible ? units[0]!.value : inner.slice(units[0]!.labelAt, stopAt);
  const leadNames = units.filter((part) => part.role !== 'co').flatMap((part) => splitUnitNames(part.value));
  const coNames = units.filter((part) => part.role === 'co').flatMap((part) => splitUnitNames(part.value));
  return { raw: normalizeSpaces(trimEndChars(rawText, ';,。. ')), names: orderNames(leadNames, coNames), start, end };
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

/** Lead first: a name marked `牵头` leads; names marked `配合`/`参与` follow; duplicates go. */
function orderNames(leadNames: readonly string[], coNames: readonly string[]): string[] {
  const marked = [...leadNames, ...coNames].map(stripRoleSuffix);
  const leads = marked.filter((entry) => entry.role === 'lead');
  const others = marked.filter((entry) => entry.role !== 'lead');
  const names = [...leads, ...others].map((entry) => entry.name).filter((name) => name.length > 0);
  return [...new Set(names)];
}

function stripRoleSuffix(name: string): { name: string; role: 'lead' | 'co' | null } {
  for (const [suffix, role] of ROLE_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return { name: name.slice(0, -suffix.length), role };
  }
  return { name, role: null };
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  const stop = Math.min(text.length, open + MAX_CLAUSE);
  for (let i = open; i < stop; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return i;
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
