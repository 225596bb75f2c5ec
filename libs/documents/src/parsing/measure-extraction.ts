import { isContextTitle } from './context-sections';
import type { DiagnosticLog } from './diagnostics';
import type { Layout } from './layout';
import type { SourceLine } from './lines';
import { clauseDrafts, DraftMeasure, DraftPlace, draftOf, headedDrafts, paragraphText } from './measure-drafts';
import { Paragraph, toParagraphs } from './paragraphs';
import { findResponsibility } from './responsibility';
import type { SectionBuild } from './section-tree';
import { headPhrase } from './sentences';
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
  const lines = section.inline === null ? [] : [section.inline];
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
