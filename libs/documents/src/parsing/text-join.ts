/** A piece of text and the line it came from. */
export interface LinePiece {
  text: string;
  line: number;
}

/** Text joined from lines, remembering which line each character came from. */
export interface LinedText {
  text: string;
  /** The source line of the character at offset (clamped to the text). */
  lineAt(offset: number): number;
}

const ASCII_WORD = /[A-Za-z0-9]/u;
const WHITE_RUN = /[ \t]+/gu;

/**
 * Drops the white space PDF extraction leaves between Chinese characters (`实施 A级` → `实施A级`)
 * and keeps a single space only between two ASCII characters.
 */
export function removeStraySpaces(text: string): string {
  return text.replace(WHITE_RUN, (run: string, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    if (before === undefined || after === undefined) return '';
    return isAscii(before) && isAscii(after) ? ' ' : '';
  });
}

/** Joins wrapped lines of one paragraph into one string; paragraphs are separated by `\n`. */
export function buildLinedText(paragraphs: readonly (readonly LinePiece[])[]): LinedText {
  const starts: number[] = [];
  const lines: number[] = [];
  let text = '';
  for (const paragraph of paragraphs) {
    if (paragraph.length === 0) continue;
    if (text.length > 0) text += '\n';
    for (const piece of paragraph) {
      const clean = removeStraySpaces(piece.text);
      if (clean.length === 0) continue;
      if (needsSpace(text, clean)) text += ' ';
      starts.push(text.length);
      lines.push(piece.line);
      text += clean;
    }
  }
  return { text, lineAt: (offset) => lineAtOffset(starts, lines, offset) };
}

export function joinPieces(pieces: readonly LinePiece[]): string {
  return buildLinedText([pieces]).text;
}

function needsSpace(text: string, next: string): boolean {
  const last = text[text.length - 1];
  return last !== undefined && ASCII_WORD.test(last) && ASCII_WORD.test(next[0] ?? '');
}

function lineAtOffset(starts: readonly number[], lines: readonly number[], offset: number): number {
  if (lines.length === 0) return 0;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return lines[low]!;
}

function isAscii(char: string): boolean {
  return char.charCodeAt(0) < 0x80;
}
