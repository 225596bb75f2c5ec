import type { SimilarMeasure, SuggestedRole, SuggestionEvidence, UnitSuggestion } from './suggestion.types';

/** A co-operating unit's vote counts half a lead's: the lead is who a supervisor must name first. */
export const ROLE_WEIGHTS: Readonly<Record<SuggestedRole, number>> = { lead: 1, co: 0.5 };

interface UnitTally {
  unitCode: string;
  role: SuggestedRole;
  votes: number;
  evidence: SuggestionEvidence[];
}

/**
 * Ranks the units of the neighbours (most similar first). Each neighbour votes for its units
 * with its similarity times the role weight, and the votes are averaged with the neighbours'
 * similarities as weights: a near-duplicate outweighs several loose matches, and no score
 * exceeds the best similarity.
 */
export function rankUnits(neighbours: readonly SimilarMeasure[]): UnitSuggestion[] {
  const totalSimilarity = neighbours.reduce((sum, neighbour) => sum + neighbour.similarity, 0);
  if (totalSimilarity === 0) return [];
  const tallies = new Map<string, UnitTally>();
  for (const neighbour of neighbours) {
    for (const [unitCode, role] of unitRoles(neighbour)) tally(tallies, unitCode, role, neighbour);
  }
  return [...tallies.values()]
    .map((entry) => toSuggestion(entry, totalSimilarity))
    .sort((a, b) => b.score - a.score || compareCodes(a.unitCode, b.unitCode));
}

/** The units a measure names with their roles; a unit named twice keeps its lead role. */
function unitRoles({ source }: SimilarMeasure): Map<string, SuggestedRole> {
  const roles = new Map<string, SuggestedRole>();
  if (source.leadUnitCode) roles.set(source.leadUnitCode, 'lead');
  for (const code of source.coUnitCodes) if (code && !roles.has(code)) roles.set(code, 'co');
  return roles;
}

function tally(
  tallies: Map<string, UnitTally>,
  unitCode: string,
  role: SuggestedRole,
  neighbour: SimilarMeasure,
): void {
  const { source, similarity } = neighbour;
  // Neighbours arrive most similar first, so the first one seen is the unit's best evidence.
  const entry = tallies.get(unitCode) ?? { unitCode, role, votes: 0, evidence: [] };
  entry.votes += similarity * similarity * ROLE_WEIGHTS[role];
  entry.evidence.push({
    measureId: source.measureId,
    documentLabel: source.documentLabel,
    path: source.path,
    title: source.title,
    similarity: round3(similarity),
  });
  tallies.set(unitCode, entry);
}

function toSuggestion(entry: UnitTally, totalSimilarity: number): UnitSuggestion {
  const score = round3(Math.min(1, entry.votes / totalSimilarity));
  return { unitCode: entry.unitCode, role: entry.role, score, evidence: entry.evidence };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Code-point order, not locale order: the same on every machine. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
