import { normalizeName, toHalfwidth } from '@app/common';
import { trimEndChars } from './sentences';

export type ListRole = 'responsible' | 'lead' | 'co';

/** Names in the order a measure gives them: leads first, then the rest. */
export interface UnitList {
  names: string[];
  /** How many of `names`, from the start, lead (`A、B牵头`: 2). */
  leadCount: number;
  /** Divisions of the lead unit named after it (`省交通运输厅综合规划处、财务处`). */
  divisions: string[];
  /** Whether any name carried a role word (牵头, 负责, 配合 …). */
  marked: boolean;
}

const OPEN = '(〈《〔【[';
const CLOSE = ')〉》〕】]';
const SEPARATORS = new Set(['、', ',', ';', '/', ' ', '\t', '\n']);
/** Role words a name may end with; longest first. */
const ROLE_SUFFIXES: readonly (readonly [string, ListRole])[] = [
  ['按职责分工负责', 'responsible'],
  ['按职责负责', 'responsible'],
  ['分别负责', 'responsible'],
  ['共同负责', 'responsible'],
  ['负责', 'responsible'],
  ['牵头', 'lead'],
  ['配合', 'co'],
  ['参与', 'co'],
  ['协助', 'co'],
  ['协同', 'co'],
  ['协办', 'co'],
];
const BODY_SUFFIX = /(?:厅|局|委|办|院|中心)$/u;
const DIVISION = /^(.{3,}?(?:厅|局|委|办|院|中心))([^省市区县]{2,10}[处科股])$/u;
const DIVISION_ONLY = /^[^省市区县]{2,10}[处科股]$/u;
/** `各市` before `县(区)人民政府`: one group written with a 、 inside (`各市、县(区)人民政府`). */
const LEVEL_HEAD = /^各[省市县区州]{1,2}$/u;
const LEVEL_TAIL = /^[市县区州乡镇]/u;
const RUN_TOGETHER_END = new Set(['局', '厅', '委', '办', '院', '府', '会']);
const MIN_RUN_TOGETHER = 4;

/** Reads lists such as `A、B牵头,C按职责分工负责` into names with their roles. */
export function parseUnitList(parts: readonly { role: ListRole; text: string }[]): UnitList {
  const entries: { name: string; role: ListRole }[] = [];
  let marked = false;
  for (const part of parts) {
    let pending: string[] = [];
    for (const token of joinLevelLists(tokenize(toHalfwidth(part.text)))) {
      const { name, role } = stripRole(token);
      pending.push(...splitRunTogether(name));
      if (role === null) continue;
      marked = true;
      entries.push(...pending.map((pendingName) => ({ name: pendingName, role })));
      pending = [];
    }
    entries.push(...pending.map((name) => ({ name, role: part.role })));
  }
  return ordered(
    entries.filter((entry) => entry.name.length > 0),
    marked,
  );
}

function ordered(entries: readonly { name: string; role: ListRole }[], marked: boolean): UnitList {
  const leads = entries.filter((entry) => entry.role === 'lead').map((entry) => entry.name);
  const others = entries.filter((entry) => entry.role !== 'lead').map((entry) => entry.name);
  const names = [...new Set([...leads, ...others])];
  const leadCount = Math.min(names.length, leads.length > 0 ? new Set(leads).size : 1);
  const divided = leadCount === 1 ? splitDivisions(names) : null;
  if (divided !== null) return { ...divided, leadCount: 1, marked };
  return { names, leadCount: names.length === 0 ? 0 : leadCount, divisions: [], marked };
}

/** `省交通运输厅综合规划处、财务处`: the body leads; its divisions are not co-responsible units. */
function splitDivisions(names: readonly string[]): { names: string[]; divisions: string[] } | null {
  const match = DIVISION.exec(names[0] ?? '');
  if (match === null) return null;
  const divisions = [match[2]!];
  let next = 1;
  while (next < names.length && DIVISION_ONLY.test(names[next]!) && !BODY_SUFFIX.test(names[next]!)) {
    divisions.push(names[next]!);
    next++;
  }
  return { names: [match[1]!, ...names.slice(next)], divisions };
}

function stripRole(token: string): { name: string; role: ListRole | null } {
  const bare = token.startsWith('由') ? token.slice(1) : token;
  for (const [suffix, role] of ROLE_SUFFIXES) {
    if (!bare.endsWith(suffix)) continue;
    // `按职责分工负责` alone is no role but the placeholder itself.
    if (bare.length === suffix.length) break;
    return { name: clean(bare.slice(0, -suffix.length)), role };
  }
  return { name: clean(bare), role: null };
}

function clean(name: string): string {
  return normalizeName(trimEndChars(name, '。.:等'));
}

/** Splits on 、 , ; / white space and 及, never inside brackets: `各县(市、区)` stays whole. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (OPEN.includes(char)) depth++;
    if (CLOSE.includes(char)) depth = Math.max(0, depth - 1);
    const conjunction = depth === 0 && char === '及' && current.length >= 2;
    if (depth === 0 && (SEPARATORS.has(char) || conjunction)) {
      tokens.push(conjunction && current.endsWith('以') ? current.slice(0, -1) : current);
      current = '';
      if (conjunction && text[i + 1] === '其') i++;
      continue;
    }
    current += char;
  }
  tokens.push(current);
  return tokens.map((token) => token.trim()).filter((token) => token.length > 0);
}

function joinLevelLists(tokens: readonly string[]): string[] {
  const joined: string[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && LEVEL_HEAD.test(previous) && LEVEL_TAIL.test(token)) {
      joined[joined.length - 1] = `${previous}、${token}`;
      continue;
    }
    joined.push(token);
  }
  return joined;
}

/** `市行政审批局市司法局` (a table cell that lost its line break): two units. */
function splitRunTogether(name: string): string[] {
  for (let i = MIN_RUN_TOGETHER - 1; i < name.length - 3; i++) {
    if (!RUN_TOGETHER_END.has(name[i]!) || !'省市区县'.includes(name[i + 1]!)) continue;
    const rest = name.slice(i + 1);
    if (rest.startsWith('市场') || rest.startsWith('区域') || !BODY_SUFFIX.test(rest)) continue;
    return [name.slice(0, i + 1), ...splitRunTogether(rest)];
  }
  return [name];
}
