/** The formats a document can arrive in. */
export const SOURCE_FORMATS = ['txt', 'docx', 'doc', 'pdf', 'html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Where a line of the text came from in the original file: what a person looks for to find the place. */
export interface SourcePlace {
  /** 1-based Word or HTML paragraph (body paragraphs outside tables). */
  paragraph?: number;
  /** 1-based table and row (the header row is row 1). */
  table?: number;
  row?: number;
  /** 1-based PDF page. */
  page?: number;
}

/**
 * A document read from its file: the text the parser reads (one paragraph or table row per line,
 * table cells separated by tabs) and, line by line, the place each line came from.
 */
export interface SourceDocument {
  format: SourceFormat;
  /** `utf-8` or `gbk` for text; for other formats the encoding of the text they held (`utf-8`). */
  encoding: string;
  text: string;
  /** Indexed by line number - 1; null where the line is its own place (plain text). */
  places: readonly (SourcePlace | null)[] | null;
  /** Each line is a whole paragraph (Word, HTML): no line was wrapped. */
  linesAreParagraphs: boolean;
}

/** `第12行`, `第3段`, `表1第4行`, `第2页`: the place as a person would name it. */
export function describePlace(place: SourcePlace | null, line: number | null): string {
  if (place?.table !== undefined) return `表${place.table}第${place.row ?? 1}行`;
  if (place?.page !== undefined) return `第${place.page}页`;
  if (place?.paragraph !== undefined) return `第${place.paragraph}段`;
  return line === null ? '' : `第${line}行`;
}
