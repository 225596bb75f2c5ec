import { toHalfwidth } from '@app/common';

/** The characters `toHalfwidth` folds. Only runs of them go through it: same result, far faster on long texts. */
const FULLWIDTH_RUN = /[\uFF01-\uFF5E\u3000]+/gu;
const CODE_UNITS = 0x10000;
/** Stands for any number, so that `建设50个` and `建设100个` share their bigrams. */
const NUMBER_MARK = 0x23;
const DECIMAL_POINT = 0x2e;
const NO_PREVIOUS = -1;

const enum CharClass {
  Unknown,
  Space,
  Digit,
  Word,
  Break,
}

/** Classes of UTF-16 code units, filled in as they are first met. */
const classes = new Uint8Array(CODE_UNITS);

/**
 * Calls `visit` with the key of each character bigram of the text, in order, repeats kept.
 * A key is the two UTF-16 code units side by side. White space is skipped because PDF
 * extraction breaks lines inside words; anything but letters and digits ends a run, so
 * bigrams never span punctuation; every number reads as one `#`; ASCII letters are lowercased.
 */
export function forEachBigram(text: string, visit: (key: number) => void): void {
  const folded = text.replace(FULLWIDTH_RUN, toHalfwidth);
  let previous = NO_PREVIOUS;
  let inNumber = false;
  for (let i = 0; i < folded.length; i++) {
    const unit = folded.charCodeAt(i);
    const kind = classOf(unit);
    if (kind === CharClass.Space) continue;
    if (inNumber && (kind === CharClass.Digit || isDecimalPoint(folded, i))) continue;
    inNumber = kind === CharClass.Digit;
    if (kind === CharClass.Break) {
      previous = NO_PREVIOUS;
      continue;
    }
    const current = kind === CharClass.Digit ? NUMBER_MARK : lowerAscii(unit);
    if (previous !== NO_PREVIOUS) visit(previous * CODE_UNITS + current);
    previous = current;
  }
}

export function bigramText(key: number): string {
  return String.fromCharCode(Math.floor(key / CODE_UNITS), key % CODE_UNITS);
}

/** The bigrams as strings: for reading and testing; the index works on keys. */
export function characterBigrams(text: string): string[] {
  const bigrams: string[] = [];
  forEachBigram(text, (key) => bigrams.push(bigramText(key)));
  return bigrams;
}

function classOf(unit: number): CharClass {
  if (classes[unit] === CharClass.Unknown) classes[unit] = classify(unit);
  return classes[unit];
}

function classify(unit: number): CharClass {
  // A surrogate is half of a character outside the BMP (rare CJK): keep it in the run.
  if (unit >= 0xd800 && unit <= 0xdfff) return CharClass.Word;
  const char = String.fromCharCode(unit);
  if (/\s/u.test(char)) return CharClass.Space;
  if (/\d/u.test(char)) return CharClass.Digit;
  return /[\p{L}\p{N}]/u.test(char) ? CharClass.Word : CharClass.Break;
}

/** A point between digits, as in 1.5; the white space skipped between them does not count. */
function isDecimalPoint(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== DECIMAL_POINT || at + 1 >= text.length) return false;
  return classOf(text.charCodeAt(at + 1)) === CharClass.Digit;
}

function lowerAscii(unit: number): number {
  return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
}
