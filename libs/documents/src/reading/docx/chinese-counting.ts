const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 14 → 十四, 23 → 二十三, 105 → 一百零五: how Word's chineseCounting numbers lists. */
export function chineseCounting(value: number): string {
  if (value <= 0 || value >= 1000) return String(value);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  let text = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && units > 0) text += '零';
  if (units > 0) text += DIGITS[units];
  return text;
}
