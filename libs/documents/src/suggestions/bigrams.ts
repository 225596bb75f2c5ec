import { toHalfwidth } from '@app/common';

/** The characters `toHalfwidth` folds. Only runs of them go through it: same result, far faster on long texts. */
const FULLWIDTH_RUN = /[\uFF01-\uFF5E\u3000]+/gu;
const WHITE_SPACE = /\s+/gu;
/** Stands for any number, so that `建设50个` and `建设100个` share their bigrams. */
const NUMBER = /\d+(?:\.\d+)?/gu;
const NUMBER_MARK = '#';
/** Anything but letters, digits and the number mark ends a run: bigrams never span punctuation. */
const RUN_BREAK = /[^\p{L}\p{N}#]+/u;
const CODE_UNITS = 0x10000;

/**
 * The text's character bigrams as numbers (two UTF-16 code units side by side), in order,
 * repeats kept. White space is dropped before pairing because PDF extraction breaks lines
 * inside words. A character outside the BMP pairs as its two code units: rare, and consistent.
 */
export function bigramKeys(text: string): number[] {
  const keys: number[] = [];
  for (const run of normalise(text).split(RUN_BREAK)) {
    for (let i = 0; i + 1 < run.length; i++) keys.push(run.charCodeAt(i) * CODE_UNITS + run.charCodeAt(i + 1));
  }
  return keys;
}

export function bigramText(key: number): string {
  return String.fromCharCode(Math.floor(key / CODE_UNITS), key % CODE_UNITS);
}

/** The bigrams as strings: for reading and testing; the index works on keys. */
export function characterBigrams(text: string): string[] {
  return bigramKeys(text).map(bigramText);
}

function normalise(text: string): string {
  return text
    .replace(FULLWIDTH_RUN, toHalfwidth)
    .replace(WHITE_SPACE, '')
    .replace(NUMBER, NUMBER_MARK)
    .toLowerCase();
}
