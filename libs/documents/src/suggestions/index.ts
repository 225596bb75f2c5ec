export * from './suggestion.types';
export { TITLE_WEIGHT } from './measure-terms';
export { ROLE_WEIGHTS } from './unit-ranking';
export {
  DEFAULT_MIN_SIMILARITY,
  DEFAULT_NEIGHBOURS,
  DEFAULT_SIMILAR_LIMIT,
  DEFAULT_SUGGESTION_LIMIT,
  MeasureSimilarityIndex,
} from './measure-similarity-index';
