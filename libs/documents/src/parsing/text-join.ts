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

const WHITE_RUN = /[ \t]+/gu;

/**
 * Drops the white space PDF extraction leaves between Chinese characters (`实施 A级` → `实施A级`)
 * and keeps a single space only between two ASCII characters.
 */
export function removeStraySpaces(text: string): string {
  if (!text.includes(' ') && !text.includes('\t')) return text;
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
  // Parts joined once at the end: indexing a string while appending to it would copy it each time.
  const parts: string[] = [];
  let length = 0;
  let last = '';
  for (const paragraph of paragraphs) {
    if (paragraph.length === 0) continue;
    if (length > 0) {
      parts.push('\n');
      length++;
      last = '\n';
    }
    for (const piece of paragraph) {
      const clean = removeStraySpaces(piece.text);
      if (clean.length === 0) continue;
      if (isAsciiWord(last) && isAsciiWord(clean[0]!)) {
        parts.push(' ');
        length++;
      }
      starts.push(length);
      lines.push(piece.line);
      parts.push(clean);
      length += clean.length;
      last = clean[clean.length - 1]!;
    }
  }
  return new JoinedText(parts.join(''), starts, lines);
}

class JoinedText implements LinedText {
  constructor(
    readonly text: string,
    private readonly starts: readonly number[],
    private readonly lines: readonly number[],
  ) {}

  lineAt(offset: number): number {
    if (this.lines.length === 0) return 0;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return this.lines[low]!;
  }
}

function isAsciiWord(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9');
}

function isAscii(char: string): boolean {
  return char.charCodeAt(0) < 0x80;
}
