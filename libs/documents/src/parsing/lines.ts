import { toHalfwidth } from '@app/common';
import { DocumentParseError } from './errors';

/** Far beyond any real document (a 2 MB PDF extraction has some 25 000 lines); bounds the work on junk input. */
export const MAX_DOCUMENT_LINES = 100_000;

/** One non-blank line of the document: halfwidth, trimmed, with its 1-based line number. */
export interface SourceLine {
  number: number;
  text: string;
  /** Leading white space before the text (an ideographic space counts as one). */
  indent: number;
  /** Whether one or more blank lines came before this line. */
  blankBefore: boolean;
  /** The halfwidth line before trimming: a table row's leading tab marks an empty first cell. */
  untrimmed: string;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/u;
// Zero-width characters, soft hyphen, BOM, and control characters other than tab.
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff\u0000-\u0008\u000b-\u001f\u007f]/gu;
const NBSP = /[\u00a0\u2002-\u200a\u202f\u205f]/gu;

export function toSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let blankBefore = false;
  const raws = text.split(LINE_BREAK);
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index]!;
    const folded = raw.length === 0 ? '' : toHalfwidth(raw.replace(INVISIBLE, '').replace(NBSP, ' '));
    const trimmed = folded.trim();
    if (trimmed.length === 0 || isPageNumber(trimmed)) {
      blankBefore = true;
      continue;
    }
    if (lines.length === MAX_DOCUMENT_LINES) throw tooManyLines();
    lines.push({ number: index + 1, text: trimmed, indent: leadingSpace(folded), blankBefore, untrimmed: folded });
    blankBefore = false;
  }
  return lines;
}

function tooManyLines(): DocumentParseError {
  return new DocumentParseError(
    'DOCUMENT_TOO_LARGE',
    `文件行数过多：非空行超过${MAX_DOCUMENT_LINES}行的上限，不像是一份政策文件，请只上传文件正文。`,
  );
}

/** Page numbers a PDF extraction leaves on lines of their own: `4`, `- 4 -`, `—4—`. */
function isPageNumber(text: string): boolean {
  return /^[-—–]{0,2} ?\d{1,4} ?[-—–]{0,2}$/u.test(text);
}

function leadingSpace(text: string): number {
  let count = 0;
  while (count < text.length && (text[count] === ' ' || text[count] === '\t')) count++;
  return count;
}
