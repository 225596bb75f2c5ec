const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Folds fullwidth ASCII (１２３ＡＢＣ，：（）) to halfwidth and the ideographic space to a plain space. */
export function toHalfwidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) out += String.fromCodePoint(code - FULLWIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += char;
  }
  return out;
}

/** The comparable form of a name: halfwidth, no white space of any kind. */
export function normalizeName(name: string): string {
  return toHalfwidth(name).replace(/\s+/gu, '');
}
