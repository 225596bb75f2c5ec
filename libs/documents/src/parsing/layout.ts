import type { SourceLine } from './lines';

/** How the text was laid out: what a line break and a blank line mean in this document. */
export interface Layout {
  /** PDF extractions put a blank line after every line: then blank lines do not separate paragraphs. */
  blankLinesAreNoise: boolean;
  /** The width lines were hard-wrapped at, or null when each paragraph is one line. */
  wrapWidth: number | null;
  /** The smallest indentation of any line: only indentation beyond it marks a paragraph. */
  baseIndent: number;
  /** Each line is a whole paragraph (read from Word or HTML): never join lines. */
  linesAreParagraphs: boolean;
}

const MAX_WRAP_WIDTH = 60;

export function analyseLayout(lines: readonly SourceLine[], linesAreParagraphs = false): Layout {
  let baseIndent = lines.length === 0 ? 0 : Number.MAX_SAFE_INTEGER;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.indent < baseIndent) baseIndent = lines[i]!.indent;
    if (i > 0 && lines[i]!.blankBefore) followedByBlank++;
  }
  if (lines.length < 2 || linesAreParagraphs)
    return { blankLinesAreNoise: false, wrapWidth: null, baseIndent, linesAreParagraphs };
  const median = lengthAtShare(lines, 0.5);
  const upper = lengthAtShare(lines, 0.75);
  return {
    blankLinesAreNoise: followedByBlank / (lines.length - 1) > 0.6,
    wrapWidth: median >= 10 && upper <= MAX_WRAP_WIDTH ? upper : null,
    baseIndent,
    linesAreParagraphs,
  };
}

/** Whether a line fills the wrap width, so that the next line likely continues its sentence. */
export function fillsWidth(text: string, layout: Layout): boolean {
  return layout.wrapWidth !== null && text.length >= layout.wrapWidth * 0.85;
}

/** The line length below which the given share of lines fall (counted, not sorted: documents can have a million lines). */
function lengthAtShare(lines: readonly SourceLine[], share: number): number {
  const counts = new Uint32Array(MAX_WRAP_WIDTH + 2);
  for (let i = 0; i < lines.length; i++) {
    const length = lines[i]!.text.length;
    counts[length > MAX_WRAP_WIDTH ? MAX_WRAP_WIDTH + 1 : length]!++;
  }
  const wanted = Math.floor(lines.length * share);
  let seen = 0;
  for (let length = 0; length < counts.length; length++) {
    seen += counts[length]!;
    if (seen > wanted) return length;
  }
  return MAX_WRAP_WIDTH + 1;
}
