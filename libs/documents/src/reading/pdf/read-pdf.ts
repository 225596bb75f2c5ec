import { DocumentParseError } from '../../parsing/errors';
import type { SourceDocument } from '../../parsing/source-document';
import { TextBuilder } from '../text-builder';
import { extractPdfItems, PdfItem } from './pdf-worker';

interface Line {
  y: number;
  items: PdfItem[];
}

/** A gap this many characters wide between two runs on a line separates table columns. */
const COLUMN_GAP = 2.5;
const INDENT = 1.5;
const MIN_TEXT_PER_PAGE = 10;

/**
 * Reads a text PDF: its runs put back into lines, page by page, as a PDF extraction gives them
 * (the parser rejoins sentences broken across lines and pages); a first-line indent is kept as
 * leading spaces and a wide gap between runs (a table's columns) as a tab.
 */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const pages = await extractPdfItems(bytes);
  return layoutPdf(pages);
}

export function layoutPdf(pages: readonly (readonly PdfItem[])[]): SourceDocument {
  assertTextLayer(pages);
  const out = new TextBuilder();
  pages.forEach((items, index) => {
    const lines = toLines(items);
    const charWidth = typicalCharWidth(items);
    const margin = Math.min(...lines.map((line) => Math.min(...line.items.map((item) => item.x))));
    for (const line of lines) out.layoutLine(lineText(line, margin, charWidth), { page: index + 1 });
  });
  return out.build('pdf', false);
}

function assertTextLayer(pages: readonly (readonly PdfItem[])[]): void {
  const characters = pages.reduce(
    (sum, items) => sum + items.reduce((count, item) => count + item.text.replace(/\s/gu, '').length, 0),
    0,
  );
  if (characters >= Math.max(20, pages.length * MIN_TEXT_PER_PAGE)) return;
  throw new DocumentParseError(
    'SCANNED_PDF',
    'PDF中没有可读取的文字（可能是扫描件或图片）：请上传带文字层的PDF、Word文件或纯文本，或先做文字识别（OCR）。',
  );
}

/** Runs with (nearly) the same baseline form a line; lines from the top of the page down. */
function toLines(items: readonly PdfItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const tolerance = Math.max(1, (item.height || 10) * 0.5);
    if (line !== undefined && Math.abs(line.y - item.y) <= tolerance) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * A line's text from its glyphs in order across the page. pdf.js gives runs per font, and a run may
 * hold a space where another font's glyph (a Chinese quotation mark) sits: so runs are cut into
 * glyphs, placed by x, and the spaces are left to the gaps between glyphs.
 */
function lineText(line: Line, margin: number, charWidth: number): string {
  const glyphs = line.items
    .flatMap((item) => {
      const chars = [...item.text];
      const width = item.width / Math.max(1, chars.length);
      return chars.map((char, index) => ({ char, x: item.x + index * width, width }));
    })
    .filter((glyph) => glyph.char.trim() !== '')
    .sort((a, b) => a.x - b.x);
  let text = glyphs.length > 0 && glyphs[0]!.x - margin >= INDENT * charWidth ? '  ' : '';
  let end = glyphs[0]?.x ?? 0;
  for (const glyph of glyphs) {
    const gap = glyph.x - end;
    if (text.trim().length > 0) text += gap >= COLUMN_GAP * charWidth ? '\t' : gap > charWidth * 0.3 ? ' ' : '';
    text += glyph.char;
    end = Math.max(end, glyph.x + glyph.width);
  }
  return text;
}

/** The width of one character of body text: the median over runs of width per character. */
function typicalCharWidth(items: readonly PdfItem[]): number {
  const widths = items
    .filter((item) => item.text.trim().length > 0 && item.width > 0)
    .map((item) => item.width / item.text.length)
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 10;
}
