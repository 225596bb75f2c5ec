import type { Paragraph } from './paragraphs';
import { findResponsibility } from './responsibility';
import { headPhrase, LABEL_START, sentenceEnd } from './sentences';
import { buildLinedText, LinedText } from './text-join';

/** A measure found in the text, before its units, deadline and targets are read. */
export interface DraftMeasure {
  path: string;
  sectionTitles: string[];
  title: string;
  line: number;
  body: LinedText;
  /** Set for a task-table row: the units and deadline come from its cells. */
  cells: TaskCells | null;
}

export interface TaskCells {
  /** Whether the table has a 牵头单位 column: then an empty lead cell is a lead left out. */
  hasLeadColumn: boolean;
  lead: string;
  co: string;
  responsible: string;
  completion: string;
}

export interface DraftPlace {
  path: string;
  sectionTitles: string[];
}

const MAX_TITLE = 40;
/** A bracket that opens a responsibility clause, not one inside a name such as `区(县)`. */
const CLAUSE_OPEN = /[(〔【](?:责任|牵头|配合|主办|主责)/u;

export function paragraphText(paragraph: Paragraph): string {
  return buildLinedText([paragraph.pieces]).text;
}

export function draftOf(
  place: DraftPlace,
  title: string,
  paragraphs: readonly Paragraph[],
  line: number,
): DraftMeasure {
  const body = buildLinedText(paragraphs.map((paragraph) => paragraph.pieces));
  return { ...place, title: title === '' ? shortTitle(body.text) : title, line, body, cells: null };
}

/** Measures that are a plan's headed paragraphs: each runs until the next headed paragraph. */
export function headedDrafts(
  place: DraftPlace,
  paragraphs: readonly Paragraph[],
  headed: readonly number[],
): DraftMeasure[] {
  return headed.map((start, n) => {
    const end = headed[n + 1] ?? paragraphs.length;
    const group = paragraphs.slice(start, end);
    const title = headPhrase(paragraphText(paragraphs[start]!)) ?? '';
    return draftOf({ ...place, path: `${place.path}#${n + 1}` }, title, group, paragraphs[start]!.line);
  });
}

/** Measures marked only by their clauses: each run of paragraphs ending with a `(责任单位:…)` is one. */
export function clauseDrafts(place: DraftPlace, paragraphs: readonly Paragraph[]): DraftMeasure[] {
  const groups: Paragraph[][] = [];
  let current: Paragraph[] = [];
  paragraphs.forEach((paragraph, i) => {
    current.push(paragraph);
    const next = paragraphs[i + 1];
    const closes = findResponsibility(paragraphText(paragraph)) !== null;
    if (closes && (next === undefined || !LABEL_START.test(next.pieces[0]?.text ?? ''))) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0 && groups.length > 0) groups[groups.length - 1]!.push(...current);
  return groups.map((group, n) => {
    const text = paragraphText(group[0]!);
    return draftOf(
      { ...place, path: `${place.path}#${n + 1}` },
      headPhrase(text) ?? shortTitle(text),
      group,
      group[0]!.line,
    );
  });
}

/** A title for text that has no heading: its first phrase or sentence, kept short. */
export function shortTitle(text: string): string {
  const phrase = headPhrase(text);
  if (phrase !== null) return phrase;
  const cuts = [sentenceEnd(text, 0, MAX_TITLE + 1), text.indexOf(','), text.search(CLAUSE_OPEN)].filter(
    (i) => i > 0 && i <= MAX_TITLE,
  );
  return cuts.length === 0 ? text.slice(0, MAX_TITLE) : text.slice(0, Math.min(...cuts));
}
