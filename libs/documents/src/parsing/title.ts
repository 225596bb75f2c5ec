import type { SourceLine } from './lines';

const WRAPPER_STARTS = ['关于印发', '关于转发'];
const WRAPPER_END = '的通知';
const MAX_TITLE = 100;
const QUOTES = /^[《«<]|[》»>]$/gu;
const TITLE_SUFFIX = /(?:方案|规划|意见|办法|措施|计划|纲要|要点|细则|决定|清单|分工|分工表|通知)$/u;
// A title may end with its period: `……行动计划(2022—2025年)`.
const TRAILING_PERIOD = /\(\d{4}[^()]{0,12}\)$/u;
const NOT_TITLE = /[,:;。]|^\d|^附件|号$|文件$/u;

/**
 * The document's own title: the X of `关于印发X的通知` (even when that wrapper title is broken
 * across lines), else the X of `《X》已经……同意`, else a line that reads like a title.
 */
export function findTitle(header: readonly SourceLine[]): string | null {
  return fromWrapper(header) ?? fromQuoted(header) ?? fromTitleLine(header);
}

function fromWrapper(header: readonly SourceLine[]): string | null {
  const joined = header.map((line) => line.text).join('');
  for (const start of WRAPPER_STARTS) {
    const at = joined.indexOf(start);
    if (at === -1) continue;
    const from = at + start.length;
    const end = joined.indexOf(WRAPPER_END, from);
    if (end === -1 || end - from > MAX_TITLE) continue;
    const title = unquote(joined.slice(from, end));
    if (title.length > 0) return title;
  }
  return null;
}

function fromQuoted(header: readonly SourceLine[]): string | null {
  for (const line of header) {
    const match = /[《«]([^》»]{2,100})[》»](?:已经|已|经|印发)/u.exec(line.text);
    if (match !== null) return match[1]!;
  }
  return null;
}

function fromTitleLine(header: readonly SourceLine[]): string | null {
  for (let i = 0; i < header.length; i++) {
    const text = header[i]!.text;
    if (looksLikeTitle(text)) return unquote(text);
    // A title wrapped over two lines: the first half is itself long.
    const joined = text + (header[i + 1]?.text ?? '');
    if (text.length >= 6 && !NOT_TITLE.test(text) && looksLikeTitle(joined)) return unquote(joined);
  }
  return null;
}

function looksLikeTitle(text: string): boolean {
  const bare = text.replace(TRAILING_PERIOD, '');
  return bare.length >= 4 && text.length <= MAX_TITLE && TITLE_SUFFIX.test(bare) && !NOT_TITLE.test(text);
}

function unquote(text: string): string {
  return text.replace(QUOTES, '').trim();
}
