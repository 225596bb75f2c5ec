import { isContextTitle } from './context-sections';
import type { DiagnosticLog } from './diagnostics';
import type { Layout } from './layout';
import type { SourceLine } from './lines';
import { clauseDrafts, DraftMeasure, DraftPlace, draftOf, headedDrafts, paragraphText } from './measure-drafts';
import { Paragraph, toParagraphs } from './paragraphs';
import { findResponsibility } from './responsibility';
import type { SectionBuild } from './section-tree';
import { headPhrase, LABEL_START } from './sentences';
import { tableDrafts } from './table-drafts';
import type { TableRow } from './task-table';
import { buildLinedText } from './text-join';

interface Walk {
  layout: Layout;
  log: DiagnosticLog;
  drafts: DraftMeasure[];
}

/** Walks the section tree and finds the measures: items, headed paragraphs, table rows, or whole sections. */
export function extractDrafts(root: SectionBuild, layout: Layout, log: DiagnosticLog): DraftMeasure[] {
  const walk: Walk = { layout, log, drafts: [] };
  visit(root, [], null, walk);
  return walk.drafts;
}

function visit(section: SectionBuild, titles: readonly string[], contextTitle: string | null, walk: Walk): void {
  const isRoot = section.kind === null;
  const ownContext = !isRoot && isContextTitle(section.node.title) ? section.node.title : null;
  const context = contextTitle ?? ownContext;
  const innerTitles = isRoot ? [...titles] : [...titles, section.node.title];
  const paragraphs = toParagraphs(textLines(section), walk.layout);
  const rows: TableRow[] = [];
  for (const entry of section.body) if (entry.kind === 'tableRow') rows.push(entry.row);
  const visitChildren = (): void => section.children.forEach((child) => visit(child, innerTitles, context, walk));
  if (context !== null) {
    reportStrayClauses(paragraphs, `该段属于“${context}”部分，不是具体措施`, walk.log);
    visitChildren();
    return;
  }
  walk.drafts.push(...tableDrafts(rows, { path: section.node.path, sectionTitles: innerTitles }, walk.log));
  const absorbed = absorbedPoints(section, walk.layout);
  if (absorbed !== null) {
    walk.drafts.push(
      draftOf({ path: section.node.path, sectionTitles: [...titles] }, section.node.title, absorbed, section.node.line),
    );
    return;
  }
  if (section.children.length > 0 || rows.length > 0) {
    reportStrayClauses(paragraphs, '该段不属于任何措施', walk.log);
    visitChildren();
    return;
  }
  walk.drafts.push(...leafDrafts(section, titles, innerTitles, paragraphs, walk));
}

/** A section with no subsections: its headed paragraphs, its clause-marked runs, or itself. */
function leafDrafts(
  section: SectionBuild,
  titles: readonly string[],
  innerTitles: readonly string[],
  paragraphs: readonly Paragraph[],
  walk: Walk,
): DraftMeasure[] {
  const isRoot = section.kind === null;
  const inner: DraftPlace = { path: section.node.path, sectionTitles: [...innerTitles] };
  const texts = paragraphs.map(paragraphText);
  const headed = headedParagraphs(texts, section.inline !== null);
  const opensWithOne = headed.length === 1 && headed[0] === 0 && !isRoot;
  if (headed.length > 0 && !opensWithOne) {
    reportStrayClauses(paragraphs.slice(0, headed[0]), '该段不属于任何措施', walk.log);
    return headedDrafts(inner, paragraphs, headed);
  }
  // `牵头单位:A` / `责任单位:B` paragraphs alone under a numbered item: the item's own units.
  if (!isRoot && texts.length > 0 && texts.every((text) => LABEL_START.test(text))) {
    const place: DraftPlace = { path: section.node.path, sectionTitles: [...titles] };
    return [draftOf(place, section.node.title, paragraphs, section.node.line)];
  }
  const clauses = texts.filter((text) => findResponsibility(text) !== null).length;
  if (clauses >= 2 || (isRoot && clauses === 1)) return clauseDrafts(inner, paragraphs);
  if (isRoot) return [];
  const place: DraftPlace = { path: section.node.path, sectionTitles: [...titles] };
  if (paragraphs.length > 0) return [draftOf(place, section.node.title, paragraphs, section.node.line)];
  if (section.kind === 'part' || section.kind === 'sub' || section.kind === 'chapter') {
    walk.log.add(
      'info',
      'EMPTY_SECTION',
      `“${section.node.title}”下没有正文，未作为措施。`,
      section.node.line,
      section.node.path,
    );
    return [];
  }
  const titleOnly = buildLinedText([[{ text: section.node.title, line: section.node.line }]]);
  return [{ ...place, title: section.node.title, line: section.node.line, body: titleOnly, cells: null }];
}

/** Indexes of paragraphs opening with a heading phrase; the heading's own line never counts. */
function headedParagraphs(texts: readonly string[], firstIsHeading: boolean): number[] {
  const indexes: number[] = [];
  texts.forEach((text, i) => {
    if (i === 0 && firstIsHeading) return;
    if (headPhrase(text) !== null) indexes.push(i);
  });
  return indexes;
}

function textLines(section: SectionBuild): SourceLine[] {
  return section.inline === null ? bodyLines(section) : [section.inline, ...bodyLines(section)];
}

function bodyLines(section: SectionBuild): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const entry of section.body) if (entry.kind === 'text') lines.push(entry.line);
  return lines;
}

function reportStrayClauses(paragraphs: readonly Paragraph[], why: string, log: DiagnosticLog): void {
  for (const paragraph of paragraphs) {
    const text = buildLinedText([paragraph.pieces]);
    const clause = findResponsibility(text.text);
    if (clause === null) continue;
    log.add(
      'warning',
      'UNPLACED_UNITS',
      `${why}，其中写明的责任单位“${clause.raw}”未导入。`,
      text.lineAt(clause.start),
    );
  }
}

/**
 * `1.完善应急预案体系` / `(1)…` `(2)…` `(3)…` / `(责任单位:…)`: an item whose points share one clause,
 * written on its own line after the last point, is one measure with its points as its text.
 */
function absorbedPoints(section: SectionBuild, layout: Layout): Paragraph[] | null {
  const points = section.children;
  if (section.kind === null || points.length < 2) return null;
  if (points.some((point) => point.children.length > 0 || (point.kind !== 'subitem' && point.kind !== 'circled')))
    return null;
  const clauseOnItsOwnLine = bodyLines(points[points.length - 1]!).some((line) =>
    /^[(〔【]?(?:责任单位|责任部门|牵头单位|牵头部门)/u.test(line.text),
  );
  if (!clauseOnItsOwnLine) return null;
  const earlier = points.slice(0, -1).flatMap((point) => textLines(point));
  if (earlier.some((line) => findResponsibility(line.text) !== null)) return null;
  const lines = [...textLines(section), ...points.flatMap((point) => [headingLine(point), ...bodyLines(point)])];
  return toParagraphs(lines, layout);
}

function headingLine(point: SectionBuild): SourceLine {
  const text = `${point.node.numbering}${point.inline?.text ?? point.node.title}`;
  return { number: point.node.line, text, indent: 0, blankBefore: false, untrimmed: text };
}
