export const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses numerals up to 99 as headings write them: 一, 十, 十四, 二十三. Null for anything else. */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0 || text.length > 3) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  const tensText = text.slice(0, ten);
  const unitsText = text.slice(ten + 1);
  const tens = tensText === '' ? 1 : DIGITS[tensText];
  const units = unitsText === '' ? 0 : DIGITS[unitsText];
  if (tens === undefined || units === undefined || tens === 0) return null;
  return tens * 10 + units;
}

/** Reads digit-by-digit numerals such as 二〇二二 (a year) into 2022. Null when any character is not a digit. */
export function parseChineseDigits(text: string): number | null {
  let value = 0;
  for (const char of text) {
    const digit = DIGITS[char];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return text.length === 0 ? null : value;
}

/** Replaces Chinese numerals in dates (二〇二二年六月二日) with digits (2022年6月2日). */
export function chineseDateToDigits(text: string): string {
  return text.replace(
    /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?/gu,
    (all, y: string, m: string, d?: string) => {
      const year = parseChineseDigits(y);
      const month = parseChineseNumber(m);
      const day = d === undefined ? null : parseChineseNumber(d);
      if (year === null || month === null || (d !== undefined && day === null)) return all;
      return `${year}年${month}月${day === null ? '' : `${day}日`}`;
    },
  );
}

const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

export function isChineseNumeral(char: string | undefined): boolean {
  return char !== undefined && (char in DIGITS || char in MULTIPLIERS);
}

/** Reads counts as text writes them: 两, 十二, 一百二十, 三万五千, 十万. Null when it is not one numeral. */
export function parseChineseCount(numeral: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of numeral) {
    if (char in DIGITS) {
      if (digit !== null) return null;
      digit = DIGITS[char]!;
      continue;
    }
    const multiplier = MULTIPLIERS[char];
    if (multiplier === undefined) return null;
    if (multiplier >= 10_000) {
      total += (section + (digit ?? 0)) * multiplier;
      section = 0;
    } else section += (digit ?? 1) * multiplier;
    digit = null;
  }
  return numeral.length === 0 ? null : total + section + (digit ?? 0);
}
