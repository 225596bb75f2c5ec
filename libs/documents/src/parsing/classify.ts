import type { DiagnosticLog } from './diagnostics';
import { HeadingMatch, isTocEntry, isTocTitle, matchHeading } from './headings';
import type { SourceLine } from './lines';
import { isRuleRow, matchTableHeader, splitCells, TableHeader, TableRow } from './task-table';

export type ClassifiedLine =
  | { kind: 'text'; line: SourceLine }
  | { kind: 'heading'; line: SourceLine; heading: HeadingMatch }
  | { kind: 'tableRow'; line: SourceLine; row: TableRow };

const PUBLICATION_NOTE = /^\(此件[^)]{0,10}\)$/u;
const DATE_ONLY = /^\d{4}年\d{1,2}月\d{1,2}日$/u;
const ISSUER_LIKE = /^[\u4e00-\u9fa5()]{2,30}$/u;

interface State {
  out: ClassifiedLine[];
  inToc: boolean;
  tocLines: number;
  tocStart: number | null;
  inDistribution: boolean;
  table: TableHeader | null;
  seenHeading: boolean;
}

/**
 * Sorts the lines into headings, table rows and text, dropping what is never content:
 * the table of contents, page furniture, and the 抄送/印发 block at the end.
 */
export function classifyLines(lines: readonly SourceLine[], log: DiagnosticLog): ClassifiedLine[] {
  const state: State = {
    out: [],
    inToc: false,
    tocLines: 0,
    tocStart: null,
    inDistribution: false,
    table: null,
    seenHeading: false,
  };
  for (const line of lines) classifyLine(line, state);
  if (state.tocLines > 0) {
    log.add('info', 'TOC_SKIPPED', `已跳过目录（${state.tocLines}行）：目录中的标题不作为措施。`, state.tocStart);
  }
  return state.out;
}

function classifyLine(line: SourceLine, state: State): void {
  if (isBoilerplate(line, state)) return;
  if (isToc(line, state)) return;
  if (isTableLine(line, state)) return;
  const heading = matchHeading(line.text);
  if (heading !== null && isTocEntry(line.text, true)) {
    countToc(line, state);
    return;
  }
  if (heading !== null) {
    state.seenHeading = true;
    state.out.push({ kind: 'heading', line, heading });
    return;
  }
  if (state.seenHeading && DATE_ONLY.test(line.text)) {
    dropSignature(state);
    return;
  }
  state.out.push({ kind: 'text', line });
}

function isBoilerplate(line: SourceLine, state: State): boolean {
  const text = line.text;
  if (state.inDistribution) {
    if (text.endsWith('印发')) state.inDistribution = false;
    return true;
  }
  if (text.startsWith('抄送') || (text.startsWith('主送:') && state.seenHeading)) {
    state.inDistribution = !text.endsWith('印发');
    return true;
  }
  if (PUBLICATION_NOTE.test(text)) return true;
  return text.endsWith('印发') && /\d{4}年\d{1,2}月\d{1,2}日印发$/u.test(text);
}

function isToc(line: SourceLine, state: State): boolean {
  if (isTocTitle(line.text)) {
    state.inToc = true;
    state.tocStart = state.tocStart ?? line.number;
    return true;
  }
  if (!state.inToc) return false;
  if (isTocEntry(line.text, false)) {
    countToc(line, state);
    return true;
  }
  state.inToc = false;
  return false;
}

function countToc(line: SourceLine, state: State): void {
  state.tocLines++;
  state.tocStart = state.tocStart ?? line.number;
}

function isTableLine(line: SourceLine, state: State): boolean {
  const header = matchTableHeader(line.text);
  if (header !== null) {
    state.table = header;
    return true;
  }
  if (state.table === null) return false;
  const split = splitCells(trimSpaces(line.untrimmed));
  if (split === null || split.delimiter !== state.table.delimiter) {
    state.table = null;
    return false;
  }
  if (isRuleRow(split.cells)) return true;
  const filled = split.cells.filter((cell) => cell.length > 0);
  if (filled.length === 0) return true;
  if (filled.length === 1) {
    // A category row spanning the table (`一、重点领域`): read it as an ordinary line.
    pushCategory(line, filled[0]!, state);
    return true;
  }
  state.out.push({ kind: 'tableRow', line, row: { header: state.table, cells: split.cells, line: line.number } });
  return true;
}

function pushCategory(line: SourceLine, text: string, state: State): void {
  const asLine = { ...line, text };
  const heading = matchHeading(text);
  if (heading !== null) {
    state.seenHeading = true;
    state.out.push({ kind: 'heading', line: asLine, heading });
    return;
  }
  state.out.push({ kind: 'text', line: asLine });
}

/** A date on a line of its own inside the body closes it: the issuer line just above goes too. */
function dropSignature(state: State): void {
  const previous = state.out[state.out.length - 1];
  if (previous?.kind === 'text' && ISSUER_LIKE.test(previous.line.text)) state.out.pop();
}

/** Trims spaces but keeps tabs, which delimit (possibly empty) cells. */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}
