import { measureTerms } from './measure-terms';
import { TfIdfIndex } from './tfidf-index';
import { rankUnits } from './unit-ranking';
import type {
  SimilarMeasure,
  SuggestionQuery,
  SuggestionSourceMeasure,
  SuggestOptions,
  UnitSuggestion,
} from './suggestion.types';

export const DEFAULT_SIMILAR_LIMIT = 10;
export const DEFAULT_NEIGHBOURS = 5;
export const DEFAULT_SUGGESTION_LIMIT = 5;
export const DEFAULT_MIN_SIMILARITY = 0.15;

/** Finds the measures most like a query and, from their units, suggests units for it. */
export class MeasureSimilarityIndex {
  private readonly sources: readonly SuggestionSourceMeasure[];
  private readonly index: TfIdfIndex;

  constructor(sources: readonly SuggestionSourceMeasure[]) {
    this.sources = [...sources];
    this.index = new TfIdfIndex(this.sources.map((source) => measureTerms(source.title, source.text)));
  }

  get size(): number {
    return this.sources.length;
  }

  similar(query: SuggestionQuery, limit = DEFAULT_SIMILAR_LIMIT): SimilarMeasure[] {
    return this.index
      .search(measureTerms(query.title, query.text), limit)
      .map(({ index, similarity }) => ({ source: this.sources[index], similarity }));
  }

  suggestUnits(query: SuggestionQuery, options: SuggestOptions = {}): UnitSuggestion[] {
    const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
    const neighbours = this.similar(query, options.neighbours ?? DEFAULT_NEIGHBOURS).filter(
      (neighbour) => neighbour.similarity >= minSimilarity,
    );
    return rankUnits(neighbours).slice(0, options.limit ?? DEFAULT_SUGGESTION_LIMIT);
  }
}
