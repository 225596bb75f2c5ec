/** Index of the first sentence end (`。` `!` `?`, or a `.` not inside a number) at or after from; -1 if none. */
export function sentenceEnd(text: string, from = 0, limit = text.length): number {
  const stop = Math.min(limit, text.length);
  for (let i = from; i < stop; i++) {
    const char = text[i]!;
    if (char === '。' || char === '!' || char === '?') return i;
    if (char === '.' && !(isDigit(text[i - 1]) && isDigit(text[i + 1]))) return i;
  }
  return -1;
}

/** Whether a line ends a sentence. Not `:` nor `.`: PDF text wraps after both mid-paragraph (`(责任单位:`). */
export function endsWithSentenceEnd(text: string): boolean {
  const last = text[text.length - 1];
  return last === '。' || last === '!' || last === '?';
}

const MIN_HEAD = 2;
const MAX_HEAD = 40;
const HEAD_BREAKERS = /[,;:]/u;
/** A line that opens with a label: `责任单位:`, `配合单位:`, `完成时限:` …. */
export const LABEL_START =
  /^(?:责任单位|责任部门|责任主体|牵头单位|牵头部门|配合单位|配合部门|参与单位|完成时限|完成时间|时间节点|完成期限)/u;

/**
 * The short heading phrase a plan's paragraph opens with (`推进物流通道建设。以打通……`):
 * a first sentence of a few words, with no comma, followed by more text. Null otherwise.
 */
export function headPhrase(paragraph: string): string | null {
  const end = sentenceEnd(paragraph, 0, MAX_HEAD + 1);
  if (end < MIN_HEAD) return null;
  const phrase = paragraph.slice(0, end).trim();
  if (phrase.length < MIN_HEAD || HEAD_BREAKERS.test(phrase) || LABEL_START.test(phrase)) return null;
  if (paragraph.length - end - 1 < 2) return null;
  return phrase;
}

const CLAUSE_START = /\((?:责任单位|责任部门|牵头单位|牵头部门)/u;

/** Splits a heading's text into its title and whether body text follows on the same line. */
export function splitHeadingText(rest: string): { title: string; hasBody: boolean } {
  const end = sentenceEnd(rest);
  const clause = rest.search(CLAUSE_START);
  const cut = [end, clause].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), rest.length);
  const title = trimEndChars(rest.slice(0, cut), ':').trim();
  const after = rest.slice(cut);
  const hasBody = (/^[。.!?]/u.test(after) ? after.slice(1) : after).trim().length > 0;
  return { title, hasBody };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Drops any of chars from the end of text (a loop, not a regex: `[:]+$` backtracks on long runs). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
