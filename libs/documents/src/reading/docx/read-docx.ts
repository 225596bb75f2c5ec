import type { SourceDocument } from '../../parsing/source-document';
import { attr, DomNode, elements, firstElement, isElement, parseXml } from '../dom';
import { corruptDocument } from '../reader-errors';
import { TableGrid } from '../table-grid';
import { TextBuilder } from '../text-builder';
import { Numbering } from './numbering';
import { unzipDocx } from './unzip-docx';

interface Walk {
  numbering: Numbering;
  out: TextBuilder;
  paragraphs: number;
  tables: number;
}

/**
 * Reads a .docx: each paragraph a line, with the label Word's automatic numbering shows (`一、`, `（一）`),
 * each table row a line of tab-separated cells with merged cells spread over the rows and columns they cover.
 */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const parts = unzipDocx(bytes);
  // The XML parser forgives what Word never writes; a part cut short is a damaged file.
  if (!/<\/w:document>\s*$/u.test(parts.document)) throw corruptDocument('Word文件', '正文XML不完整');
  let root: DomNode;
  try {
    root = parseXml(parts.document);
  } catch {
    throw corruptDocument('Word文件', '正文XML无法解析');
  }
  const body = findBody(root);
  if (body === undefined) throw corruptDocument('Word文件', '正文XML中没有 w:body');
  const walk: Walk = {
    numbering: Numbering.parse(parts.numbering, parts.styles),
    out: new TextBuilder(),
    paragraphs: 0,
    tables: 0,
  };
  walkBlocks(body, walk);
  return walk.out.build('docx', true);
}

function findBody(root: DomNode): DomNode | undefined {
  const document = elements(root).find((node) => node.name === 'w:document');
  return document === undefined ? undefined : firstElement(document, 'w:body');
}

function walkBlocks(container: DomNode, walk: Walk): void {
  for (const node of elements(container)) {
    if (node.name === 'w:p') paragraph(node, walk);
    else if (node.name === 'w:tbl') table(node, walk);
    else if (node.name === 'w:sdt') walkBlocks(firstElement(node, 'w:sdtContent') ?? node, walk);
  }
}

function paragraph(node: DomNode, walk: Walk): void {
  const label = walk.numbering.label(firstElement(node, 'w:pPr')) ?? '';
  const lines = paragraphLines(node);
  if (lines.every((line) => line.trim() === '')) return;
  walk.paragraphs++;
  lines.forEach((line, index) => walk.out.paragraph(index === 0 ? label + line : line, { paragraph: walk.paragraphs }));
}

/** The text of a paragraph; a manual line break (w:br) starts a new line, as a person sees it. */
export function paragraphLines(node: DomNode): string[] {
  const lines: string[] = [''];
  collectRuns(node, lines);
  return lines;
}

function collectRuns(node: DomNode, lines: string[]): void {
  for (const child of node.children ?? []) {
    if (!isElement(child)) continue;
    switch (child.name) {
      case 'w:t':
        lines[lines.length - 1] += textOf(child);
        break;
      case 'w:tab':
        lines[lines.length - 1] += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (attr(child, 'w:type') !== 'page') lines.push('');
        break;
      case 'w:delText':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
        break;
      default:
        collectRuns(child, lines);
    }
  }
}

function textOf(node: DomNode): string {
  return (node.children ?? []).map((child) => child.data ?? '').join('');
}

function table(node: DomNode, walk: Walk): void {
  walk.tables++;
  const grid = new TableGrid();
  for (const row of elements(node, 'w:tr')) {
    grid.startRow();
    for (const cell of elements(row, 'w:tc')) {
      const properties = firstElement(cell, 'w:tcPr');
      const span = Number(attr(firstElement(properties ?? { type: 'root' }, 'w:gridSpan'), 'w:val') ?? 1);
      const merge = firstElement(properties ?? { type: 'root' }, 'w:vMerge');
      const continues = merge !== undefined && (attr(merge, 'w:val') ?? 'continue') === 'continue';
      grid.addCell(continues ? null : cellText(cell), span);
    }
  }
  grid.rows().forEach((cells, index) => walk.out.row(cells, { table: walk.tables, row: index + 1 }));
}

/** A cell's paragraphs (and any nested table) on one line, separated by spaces. */
function cellText(cell: DomNode): string {
  const pieces: string[] = [];
  const visit = (container: DomNode): void => {
    for (const node of elements(container)) {
      if (node.name === 'w:p') pieces.push(paragraphLines(node).join(' '));
      else if (node.name === 'w:tbl' || node.name === 'w:tr' || node.name === 'w:tc' || node.name === 'w:sdt')
        visit(node);
      else if (node.name === 'w:sdtContent') visit(node);
    }
  };
  visit(cell);
  return pieces.filter((piece) => piece.trim() !== '').join(' ');
}
