import type { ClassifiedLine } from './classify';
import type { DiagnosticLog } from './diagnostics';
import type { HeadingMatch, NumberingKind } from './headings';
import { fillsWidth, Layout } from './layout';
import type { SourceLine } from './lines';
import type { SectionNode } from './parse-result.types';
import { findResponsibility } from './responsibility';
import { sentenceEnd, splitHeadingText } from './sentences';
import type { TableRow } from './task-table';
import { removeStraySpaces } from './text-join';

export type BodyLine = { kind: 'text'; line: SourceLine } | { kind: 'tableRow'; line: SourceLine; row: TableRow };

/** A section while the tree is built: its node plus the lines under its heading. */
export interface SectionBuild {
  node: SectionNode;
  kind: NumberingKind | null;
  rank: number;
  number: number;
  /** The heading's own text when it carries body text (`1.实施…计划.推进…`); null for a title-only heading. */
  inline: SourceLine | null;
  body: BodyLine[];
  children: SectionBuild[];
  /** The last number used by each numbering style among the children; null until a child is added. */
  lastChildNumber: Map<NumberingKind, number> | null;
}

const ROOT_RANK = -1;
const MAX_NUMBER_GAP = 3;
const CHINESE_KINDS: ReadonlySet<NumberingKind> = new Set(['chapter', 'part', 'sub']);

/** Builds the section tree; the root holds the lines before the first heading. */
export function buildSectionTree(lines: readonly ClassifiedLine[], layout: Layout, log: DiagnosticLog): SectionBuild {
  const root = newSection(null, { kind: 'part', rank: ROOT_RANK, number: 0, numbering: '', rest: '' }, null);
  const stack: SectionBuild[] = [root];
  for (const entry of lines) {
    const top = stack[stack.length - 1]!;
    if (entry.kind !== 'heading') {
      top.body.push(entry);
      continue;
    }
    const depth = parentDepth(stack, entry.heading.rank);
    if (depth === 0 && restartsAfterNotice(root, entry.heading, log, entry.line.number)) stack.length = 1;
    const parent = stack[depth]!;
    if (!fitsSequence(parent, entry.heading)) {
      log.add(
        'info',
        'HEADING_OUT_OF_SEQUENCE',
        `“${entry.line.text.slice(0, 20)}”的编号与上文不连续，按正文处理。`,
        entry.line.number,
      );
      top.body.push({ kind: 'text', line: entry.line });
      continue;
    }
    stack.length = depth + 1;
    const section = newSection(parent, entry.heading, entry.line);
    parent.children.push(section);
    parent.lastChildNumber ??= new Map();
    parent.lastChildNumber.set(entry.heading.kind, entry.heading.number);
    stack.push(section);
  }
  mergeWrappedTitles(root, layout);
  return root;
}

/**
 * `一、各责任单位要高度重视…` `二、…` then the plan's own `一、`: the numbered points of the covering
 * notice come first. When the numbering starts again and nothing before named a unit, that was the notice.
 */
function restartsAfterNotice(root: SectionBuild, heading: HeadingMatch, log: DiagnosticLog, line: number): boolean {
  if (heading.number !== 1 || root.lastChildNumber?.get(heading.kind) === undefined) return false;
  if (root.children.some(namesUnits)) return false;
  log.add(
    'info',
    'NOTICE_SKIPPED',
    `编号从“${heading.numbering}”重新开始：此前的${root.children.length}条是印发通知的要求，不作为措施。`,
    line,
  );
  root.children.length = 0;
  root.node.children.length = 0;
  root.lastChildNumber = null;
  return true;
}

function namesUnits(section: SectionBuild): boolean {
  const texts = [section.inline?.text ?? section.node.title, ...section.body.map((entry) => entry.line.text)];
  return texts.some((text) => findResponsibility(text) !== null) || section.children.some(namesUnits);
}

function parentDepth(stack: readonly SectionBuild[], rank: number): number {
  let depth = stack.length - 1;
  while (depth > 0 && stack[depth]!.rank >= rank) depth--;
  return depth;
}

/** Guards against a wrapped line that happens to start with `3.`: numbers must follow on. */
function fitsSequence(parent: SectionBuild, heading: HeadingMatch): boolean {
  if (heading.number === 1) return true;
  const previous = parent.lastChildNumber?.get(heading.kind);
  if (previous === undefined) return CHINESE_KINDS.has(heading.kind);
  return heading.number > previous && heading.number - previous <= MAX_NUMBER_GAP;
}

function newSection(parent: SectionBuild | null, heading: HeadingMatch, line: SourceLine | null): SectionBuild {
  const rest = removeStraySpaces(heading.rest);
  const { title, hasBody } = splitHeadingText(rest);
  const path =
    parent === null || parent.node.path === '' ? heading.numbering : `${parent.node.path}.${heading.numbering}`;
  const node: SectionNode = {
    path,
    numbering: heading.numbering,
    title,
    level: parent === null ? 0 : parent.node.level + 1,
    line: line?.number ?? 0,
    children: [],
  };
  parent?.node.children.push(node);
  const inline = line !== null && hasBody ? { ...line, text: rest } : null;
  return {
    node,
    kind: parent === null ? null : heading.kind,
    rank: heading.rank,
    number: heading.number,
    inline,
    body: [],
    children: [],
    lastChildNumber: null,
  };
}

/**
 * In a hard-wrapped document a long heading can run onto the next line
 * (`1.实施A级旅游景区倍增计` / `划.推进…`): join them when the heading fills the line.
 */
function mergeWrappedTitles(section: SectionBuild, layout: Layout): void {
  section.children.forEach((child) => mergeWrappedTitles(child, layout));
  const next = section.body[0];
  if (section.node.line === 0 || section.inline !== null || next?.kind !== 'text') return;
  const headingText = section.node.numbering + section.node.title;
  if (!fillsWidth(headingText, layout) || next.line.indent >= layout.baseIndent + 2) return;
  const end = sentenceEnd(next.line.text, 0, 21);
  if (end <= 0 || next.line.text.slice(0, end).includes(',')) return;
  const text = section.node.title + next.line.text;
  const { title } = splitHeadingText(text);
  section.node.title = title;
  section.inline = { ...next.line, number: section.node.line, text };
  section.body.shift();
}
