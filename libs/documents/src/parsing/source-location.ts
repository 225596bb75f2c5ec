import type { SourceLocation } from './parse-result.types';
import { describePlace, SourceDocument } from './source-document';

/** Finds the place in the original file of a line of the text the parser read. */
export function locator(source: SourceDocument): (line: number | null) => SourceLocation | null {
  return (line) => {
    if (line === null || line === 0) return null;
    const place = source.places?.[line - 1] ?? null;
    return {
      line,
      page: place?.page ?? null,
      paragraph: place?.paragraph ?? null,
      table: place?.table ?? null,
      row: place?.row ?? null,
      label: describePlace(place, line),
    };
  };
}
