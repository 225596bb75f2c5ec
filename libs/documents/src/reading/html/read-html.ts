import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { DocumentParseError } from '../../parsing/errors';
import type { SourceDocument } from '../../parsing/source-document';
import { attr, DomNode, isElement } from '../dom';
import { TableGrid } from '../table-grid';
import { TextBuilder } from '../text-builder';
import { findArticle } from './article';

/** Never read: page furniture and anything that is not text. */
const DROPPED =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, footer, aside, form, button, select, input, textarea';
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'address',
  'figure',
  'figcaption',
  'hr',
]);
const ACTIVE = 'script, iframe, object, embed, [onclick], [onload], [onerror], [onmouseover], a[href^="javascript:" i]';

interface Walk {
  out: TextBuilder;
  paragraphs: number;
  tables: number;
  line: string;
}

/**
 * Reads a government site's article page: finds the article body (not the navigation, the
 * breadcrumbs or the footer), its title, and its paragraphs and tables. Scripts are never run and
 * never read; a script inside the article body itself is refused.
 */
export function readHtml(html: string): SourceDocument {
  const $ = load(html);
  const article = findArticle($);
  if ($(article).is(ACTIVE) || $(article).find(ACTIVE).length > 0) throw scriptInArticle();
  $(DROPPED).remove();
  const walk: Walk = { out: new TextBuilder(), paragraphs: 0, tables: 0, line: '' };
  const title = pageTitle($, article);
  if (title !== null && !$(article).text().includes(title)) emit(walk, title);
  visit(article as unknown as DomNode, walk);
  flush(walk);
  return walk.out.build('html', true);
}

function pageTitle($: CheerioAPI, article: AnyNode): string | null {
  const heading = $('h1').first().text().trim() || $('.title, .article-title, #title').first().text().trim();
  if (heading.length >= 4) return heading;
  const title = $('title').text().split(/[-_|]/u)[0]?.trim() ?? '';
  return title.length >= 4 && !$(article).text().includes(title) ? title : null;
}

function visit(node: DomNode, walk: Walk): void {
  for (const child of node.children ?? []) {
    if (child.type === 'text') {
      walk.line += child.data ?? '';
      continue;
    }
    if (!isElement(child)) continue;
    const name = child.name ?? '';
    if (name === 'br') flush(walk);
    else if (name === 'table') table(child, walk);
    else if (BLOCKS.has(name)) {
      flush(walk);
      visit(child, walk);
      flush(walk);
    } else visit(child, walk);
  }
}

function flush(walk: Walk): void {
  if (walk.line.trim() === '') {
    walk.line = '';
    return;
  }
  emit(walk, walk.line);
  walk.line = '';
}

function emit(walk: Walk, text: string): void {
  walk.paragraphs++;
  walk.out.paragraph(text, { paragraph: walk.paragraphs });
}

function table(node: DomNode, walk: Walk): void {
  flush(walk);
  walk.tables++;
  const grid = new TableGrid();
  for (const row of rowsOf(node)) {
    grid.startRow();
    for (const cell of (row.children ?? []).filter((child) => child.name === 'td' || child.name === 'th')) {
      grid.addCell(cellText(cell), span(cell, 'colspan'), span(cell, 'rowspan'));
    }
  }
  grid.rows().forEach((cells, index) => walk.out.row(cells, { table: walk.tables, row: index + 1 }));
}

/** The rows of this table, not of tables nested in its cells. */
function rowsOf(node: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of node.children ?? []) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...rowsOf(child));
  }
  return rows;
}

function cellText(cell: DomNode): string {
  const inner: Walk = { out: new TextBuilder(), paragraphs: 0, tables: 0, line: '' };
  visit(cell, inner);
  flush(inner);
  return inner.out.build('html', true).text.replace(/\n/gu, ' ');
}

function span(cell: DomNode, name: string): number {
  const value = Number.parseInt(attr(cell, name) ?? '1', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : 1;
}

function scriptInArticle(): DocumentParseError {
  return new DocumentParseError(
    'SCRIPT_CONTENT',
    '网页正文中含有脚本（script、事件处理或javascript:链接），出于安全考虑不予读取：请在浏览器中将正文另存为.docx或纯文本（.txt）后上传。',
  );
}
