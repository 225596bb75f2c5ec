import { buildPostings, type Postings } from './postings';
import { type TermBag, TermTally } from './term-tally';

/** A document as the weighted occurrences of its term keys: it calls `visit` once per occurrence (weight > 0). */
export type TermDocument = (visit: (key: number, weight: number) => void) => void;

/** The term id of a query term the corpus does not have. */
const UNSEEN = -1;

export interface ScoredDocument {
  index: number;
  similarity: number;
}

/**
 * Cosine similarity between TF-IDF vectors (sublinear tf, smoothed idf), answered through an
 * inverted index so that a query only touches the documents it shares a term with.
 */
export class TfIdfIndex {
  private readonly termIds = new Map<number, number>();
  private readonly idf: Float64Array;
  private readonly postings: Postings;
  readonly size: number;

  constructor(documents: readonly TermDocument[]) {
    this.size = documents.length;
    const tally = new TermTally();
    const bags = documents.map((document) => {
      document((key, weight) => tally.add(this.termIdOf(key), weight));
      return tally.take();
    });
    const frequencies = documentFrequencies(bags, this.termIds.size);
    this.idf = Float64Array.from(frequencies, (frequency) => smoothIdf(this.size, frequency));
    for (const bag of bags) toUnitVector(bag, (term) => this.idf[term]);
    this.postings = buildPostings(bags, frequencies);
  }

  /** Documents sharing a term with the query, most similar first; ties keep the documents' order. */
  search(query: TermDocument, limit: number): ScoredDocument[] {
    const { offsets, documents, weights } = this.postings;
    const scores = new Float64Array(this.size);
    const { ids, values } = this.queryVector(query);
    ids.forEach((term, i) => {
      for (let at = offsets[term]; at < offsets[term + 1]; at++) scores[documents[at]] += values[i] * weights[at];
    });
    return bestScores(scores, limit).map((index) => ({ index, similarity: Math.min(1, scores[index]) }));
  }

  private termIdOf(key: number): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(key, id);
    }
    return id;
  }

  /** The query's unit vector over known terms. Unknown terms cannot match, but they still dilute it. */
  private queryVector(query: TermDocument): TermBag {
    const counts = new Map<number, number>();
    query((key, weight) => counts.set(key, (counts.get(key) ?? 0) + weight));
    const bag: TermBag = {
      ids: Int32Array.from(counts.keys(), (key) => this.termIds.get(key) ?? UNSEEN),
      values: Float64Array.from(counts.values()),
    };
    const unseenIdf = smoothIdf(this.size, 0);
    toUnitVector(bag, (term) => (term === UNSEEN ? unseenIdf : this.idf[term]));
    return withoutUnseen(bag);
  }
}

/** The indexes of the `limit` highest positive scores, best first, lower index first on ties. */
function bestScores(scores: Float64Array, limit: number): number[] {
  const best: number[] = [];
  if (limit < 1) return best;
  scores.forEach((score, index) => {
    if (score <= 0 || (best.length >= limit && score <= scores[best[best.length - 1]])) return;
    let at = best.length;
    while (at > 0 && scores[best[at - 1]] < score) at--;
    best.splice(at, 0, index);
    if (best.length > limit) best.pop();
  });
  return best;
}

function withoutUnseen(bag: TermBag): TermBag {
  const kept = [...bag.ids.keys()].filter((i) => bag.ids[i] !== UNSEEN);
  return { ids: Int32Array.from(kept, (i) => bag.ids[i]), values: Float64Array.from(kept, (i) => bag.values[i]) };
}

function documentFrequencies(bags: readonly TermBag[], termCount: number): Int32Array {
  const frequencies = new Int32Array(termCount);
  for (const bag of bags) for (const term of bag.ids) frequencies[term]++;
  return frequencies;
}

/** Turns a bag's counts into a unit-length TF-IDF vector, in place. */
function toUnitVector(bag: TermBag, idfOf: (term: number) => number): void {
  let squaredNorm = 0;
  bag.ids.forEach((term, i) => {
    bag.values[i] = (1 + Math.log(bag.values[i])) * idfOf(term);
    squaredNorm += bag.values[i] * bag.values[i];
  });
  const norm = Math.sqrt(squaredNorm);
  if (norm > 0) bag.values.forEach((value, i) => (bag.values[i] = value / norm));
}

/** ln((1 + N) / (1 + df)) + 1: never zero, so a corpus of one document still matches itself. */
function smoothIdf(documentCount: number, documentFrequency: number): number {
  return Math.log((1 + documentCount) / (1 + documentFrequency)) + 1;
}
