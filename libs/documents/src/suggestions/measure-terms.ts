import { forEachBigram } from './bigrams';
import type { TermDocument } from './tfidf-index';

/** A title bigram counts this many times a body bigram: titles name what the measure is about. */
export const TITLE_WEIGHT = 3;

export function measureTerms(title: string, text: string): TermDocument {
  return (visit) => {
    forEachBigram(title, (key) => visit(key, TITLE_WEIGHT));
    forEachBigram(text, (key) => visit(key, 1));
  };
}
