/**
 * Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return, NUL included;
 * U+FFFE and U+FFFF; unpaired surrogates). Text holding one cannot go into a Word or Excel file, and
 * NUL cannot go into PostgreSQL text.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** The first forbidden character as U+XXXX, or null when the text is safe. */
export function forbiddenCharacter(text: string): string | null {
  const found = FORBIDDEN.exec(text);
  if (!found) return null;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function withoutForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, '');
}

/** The same value with every string in it made XML-safe (arrays and plain objects walked; dates and numbers kept). */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return withoutForbiddenCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => xmlSafe(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlSafe(item)])) as T;
  return value;
}
