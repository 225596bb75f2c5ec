import type { SourceDocument, SourceFormat, SourcePlace } from '../parsing/source-document';

const BREAKS = /[\r\n\t\u2028\u2029\u000b\u000c]+/gu;

/** Collects the lines a reader found, each with the place it came from. */
export class TextBuilder {
  private readonly lines: string[] = [];
  private readonly places: (SourcePlace | null)[] = [];

  paragraph(text: string, place: SourcePlace | null): void {
    const line = oneLine(text);
    if (line.length === 0) return;
    this.lines.push(line);
    this.places.push(place);
  }

  /** A table row: its cells separated by tabs, as the parser reads task tables. */
  row(cells: readonly string[], place: SourcePlace): void {
    const clean = cells.map(oneLine);
    if (clean.every((cell) => cell.length === 0)) return;
    this.lines.push(clean.join('\t'));
    this.places.push(place);
  }

  /** Lines of a PDF page as they were laid out; each may carry leading spaces (a first-line indent). */
  layoutLine(text: string, place: SourcePlace): void {
    if (text.trim().length === 0) return;
    this.lines.push(text.replace(/[\r\n]+/gu, ' '));
    this.places.push(place);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  build(format: SourceFormat, linesAreParagraphs: boolean): SourceDocument {
    return { format, encoding: 'utf-8', text: this.lines.join('\n'), places: this.places, linesAreParagraphs };
  }
}

/** A cell or paragraph on one line: its own line breaks become spaces (the parser drops them between Chinese). */
export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(/ {2,}/gu, ' ').trim();
}
