import type { SourceLine } from './lines';

/** How the text was laid out: what a line break and a blank line mean in this document. */
export interface Layout {
  /** PDF extractions put a blank line after every line: then blank lines do not separate paragraphs. */
  blankLinesAreNoise: boolean;
  /** The width lines were hard-wrapped at, or null when each paragraph is one line. */
  wrapWidth: number | null;
  /** The smallest indentation of any line: only indentation beyond it marks a paragraph. */
  baseIndent: number;
}

const MAX_WRAP_WIDTH = 60;

export function analyseLayout(lines: readonly SourceLine[]): Layout {
  const baseIndent = lines.reduce((min, line) => Math.min(min, line.indent), Number.MAX_SAFE_INTEGER);
  if (lines.length < 2) return { blankLinesAreNoise: false, wrapWidth: null, baseIndent: lines.length === 0 ? 0 : baseIndent };
  const followedByBlank = lines.slice(1).filter((line) => line.blankBefore).length;
  const lengths = lines.map((line) => line.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  const upper = lengths[Math.floor(lengths.length * 0.75)]!;
  return {
    blankLinesAreNoise: followedByBlank / (lines.length - 1) > 0.6,
    wrapWidth: median >= 10 && upper <= MAX_WRAP_WIDTH ? upper : null,
    baseIndent,
  };
}

/** Whether a line fills the wrap width, so that the next line likely continues its sentence. */
export function fillsWidth(text: string, layout: Layout): boolean {
  return layout.wrapWidth !== null && text.length >= layout.wrapWidth * 0.85;
}
