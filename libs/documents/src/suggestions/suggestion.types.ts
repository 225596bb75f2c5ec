/** The suggestion engine's vocabulary. Pure data types: no framework, no database. */

/** A measure that names its units, drawn from any imported document. */
export interface SuggestionSourceMeasure {
  measureId: string;
  /** The document's number, e.g. 晋政办发〔2022〕45号. */
  documentLabel: string;
  path: string;
  title: string;
  text: string;
  leadUnitCode: string;
  coUnitCodes: string[];
}

/** A measure that still needs units. */
export interface SuggestionQuery {
  title: string;
  text: string;
}

export type SuggestedRole = 'lead' | 'co';

export interface SuggestionEvidence {
  measureId: string;
  documentLabel: string;
  path: string;
  title: string;
  /** Cosine similarity to the query, 0..1, rounded to 3 decimals. */
  similarity: number;
}

export interface UnitSuggestion {
  unitCode: string;
  /** `lead` when the unit led its best evidence. */
  role: SuggestedRole;
  /** 0..1, rounded to 3 decimals. */
  score: number;
  /** The measures the suggestion came from, most similar first. */
  evidence: SuggestionEvidence[];
}

export interface SimilarMeasure {
  source: SuggestionSourceMeasure;
  /** Cosine similarity, 0..1. */
  similarity: number;
}

export interface SuggestOptions {
  /** How many nearest measures vote. */
  neighbours?: number;
  /** How many suggestions to return. */
  limit?: number;
  /** Neighbours less similar than this do not vote. */
  minSimilarity?: number;
}
