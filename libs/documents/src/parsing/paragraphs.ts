import { fillsWidth, Layout } from './layout';
import type { SourceLine } from './lines';
import { endsWithSentenceEnd, LABEL_START } from './sentences';
import type { LinePiece } from './text-join';

export interface Paragraph {
  pieces: LinePiece[];
  line: number;
}

const CLAUSE_LABEL = /^\((?:责任单位|责任部门|责任主体|牵头单位|牵头部门)/u;
const MAX_CLAUSE = 400;

/** Groups lines into paragraphs, rejoining sentences a PDF broke across lines and pages. */
export function toParagraphs(lines: readonly SourceLine[], layout: Layout): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previous: SourceLine | null = null;
  // The paragraph's text from its last `(` on, to tell when a `(责任单位:…)` broken across lines closes.
  let sinceParen: string | null = null;
  for (const line of lines) {
    if (current === null || previous === null || startsParagraph(line, previous, current, sinceParen, layout)) {
      current = { pieces: [], line: line.number };
      paragraphs.push(current);
      sinceParen = null;
    }
    current.pieces.push({ text: line.text, line: line.number });
    sinceParen = trackParen(sinceParen, line.text);
    previous = line;
  }
  return paragraphs;
}

function trackParen(sinceParen: string | null, text: string): string | null {
  const open = text.lastIndexOf('(');
  if (open !== -1) return text.slice(open);
  if (sinceParen === null || sinceParen.length > MAX_CLAUSE) return null;
  return sinceParen + text;
}

function startsParagraph(
  line: SourceLine,
  previous: SourceLine,
  current: Paragraph,
  sinceParen: string | null,
  layout: Layout,
): boolean {
  if (layout.linesAreParagraphs || line.indent >= layout.baseIndent + 2) return true;
  if (line.blankBefore && !layout.blankLinesAreNoise) return true;
  if (LABEL_START.test(line.text)) return true;
  if (endsWithSentenceEnd(previous.text) || endsWithClause(previous.text, sinceParen)) return true;
  return LABEL_START.test(current.pieces[0]?.text ?? '') && !continuesList(previous.text, layout);
}

/** A paragraph ends with its `(责任单位:…)`, even when the clause was broken across lines. */
function endsWithClause(previousText: string, sinceParen: string | null): boolean {
  return previousText.endsWith(')') && sinceParen !== null && CLAUSE_LABEL.test(sinceParen.replace(/\s/gu, ''));
}

/** A `责任单位:` line goes on only when it was cut mid-list. */
function continuesList(text: string, layout: Layout): boolean {
  const last = text[text.length - 1];
  return last === '、' || last === ',' || last === ';' || fillsWidth(text, layout);
}
