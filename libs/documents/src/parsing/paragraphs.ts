import { fillsWidth, Layout } from './layout';
import type { SourceLine } from './lines';
import { endsWithSentenceEnd } from './sentences';
import type { LinePiece } from './text-join';

export interface Paragraph {
  pieces: LinePiece[];
  line: number;
}

export const LABEL_START = /^(?:责任单位|责任部门|责任主体|牵头单位|牵头部门|配合单位|配合部门|参与单位|完成时限|完成时间|时间节点|完成期限)/u;
const CLAUSE_LABEL = /^\((?:责任单位|责任部门|责任主体|牵头单位|牵头部门)/u;
const TAIL = 240;

/** Groups lines into paragraphs, rejoining sentences a PDF broke across lines and pages. */
export function toParagraphs(lines: readonly SourceLine[], layout: Layout): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previous: SourceLine | null = null;
  let tail = '';
  for (const line of lines) {
    if (current === null || previous === null || startsParagraph(line, previous, current, tail, layout)) {
      current = { pieces: [], line: line.number };
      paragraphs.push(current);
      tail = '';
    }
    current.pieces.push({ text: line.text, line: line.number });
    tail = (tail + line.text.replace(/\s/gu, '')).slice(-TAIL);
    previous = line;
  }
  return paragraphs;
}

function startsParagraph(line: SourceLine, previous: SourceLine, current: Paragraph, tail: string, layout: Layout): boolean {
  if (line.indent >= layout.baseIndent + 2) return true;
  if (line.blankBefore && !layout.blankLinesAreNoise) return true;
  if (LABEL_START.test(line.text)) return true;
  if (endsWithSentenceEnd(previous.text) || endsWithClause(tail)) return true;
  return LABEL_START.test(current.pieces[0]?.text ?? '') && !continuesList(previous.text, layout);
}

/** A paragraph ends with its `(责任单位:…)`, even when the clause was broken across lines. */
function endsWithClause(tail: string): boolean {
  if (!tail.endsWith(')')) return false;
  const open = tail.lastIndexOf('(');
  return open !== -1 && CLAUSE_LABEL.test(tail.slice(open));
}

/** A `责任单位:` line goes on only when it was cut mid-list. */
function continuesList(text: string, layout: Layout): boolean {
  const last = text[text.length - 1];
  return last === '、' || last === ',' || last === ';' || fillsWidth(text, layout);
}
