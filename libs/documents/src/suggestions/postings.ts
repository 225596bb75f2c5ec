import type { TermBag } from './term-tally';

/** An inverted index in flat arrays: term t's postings are at offsets[t] .. offsets[t + 1]. */
export interface Postings {
  offsets: Int32Array;
  documents: Int32Array;
  weights: Float64Array;
}

/** Lays out each term's (document, weight) pairs in document order; `frequencies` counts each term's documents. */
export function buildPostings(bags: readonly TermBag[], frequencies: Int32Array): Postings {
  const offsets = new Int32Array(frequencies.length + 1);
  for (let term = 0; term < frequencies.length; term++) offsets[term + 1] = offsets[term] + frequencies[term];
  const next = offsets.slice(0, frequencies.length);
  const documents = new Int32Array(offsets[frequencies.length]);
  const weights = new Float64Array(documents.length);
  bags.forEach((bag, document) => {
    bag.ids.forEach((term, i) => {
      const at = next[term]++;
      documents[at] = document;
      weights[at] = bag.values[i];
    });
  });
  return { offsets, documents, weights };
}
