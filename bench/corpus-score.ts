import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { parseDocument, readDocument, type ParsedMeasure, type SourceFormat } from '@app/documents';
import { loadSeedUnitDirectory } from '@app/units';

/** What a person found reading a corpus document (test/corpus/expected/ID.json). */
export interface CorpusExpectation {
  file: string;
  format: SourceFormat;
  measureCount: number;
  measures: ExpectedMeasure[];
}

interface ExpectedMeasure {
  /** 0-based position among the measures. */
  index: number;
  title?: string;
  lead: string | null;
  co: string[];
  leadGroup?: string[];
  divisions?: string[];
  deadline?: string | null;
}

export interface DocumentScore {
  id: string;
  format: SourceFormat;
  checks: number;
  passed: number;
  /** passed / checks, 0–1. */
  score: number;
  failures: string[];
  readAndParseMs: number;
}

export const CORPUS_DIR = join(repositoryRoot(), 'test', 'corpus');
const AS_OF = '2024-01-01';

/** Reads and parses every corpus document and compares it with what a person found in it. */
export async function scoreCorpus(): Promise<DocumentScore[]> {
  const resolver = loadSeedUnitDirectory();
  const scores: DocumentScore[] = [];
  for (const name of readdirSync(join(CORPUS_DIR, 'expected')).sort()) {
    const id = name.replace(/\.json$/u, '');
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected', name), 'utf8')) as CorpusExpectation;
    const started = performance.now();
    const bytes = readFileSync(join(CORPUS_DIR, 'documents', expected.file));
    const result = parseDocument(await readDocument(bytes, expected.file), { resolver, asOf: AS_OF });
    const readAndParseMs = performance.now() - started;
    const checks: [string, unknown, unknown][] = [
      ['format', result.format, expected.format],
      ['measure count', result.measures.length, expected.measureCount],
      ...expected.measures.flatMap((measure) => measureChecks(measure, result.measures[measure.index])),
    ];
    const failures = checks
      .filter(([, actual, wanted]) => JSON.stringify(actual) !== JSON.stringify(wanted))
      .map(([what, actual, wanted]) => `${what}: found ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    const passed = checks.length - failures.length;
    scores.push({
      id,
      format: expected.format,
      checks: checks.length,
      passed,
      score: passed / checks.length,
      failures,
      readAndParseMs,
    });
  }
  return scores;
}

function measureChecks(expected: ExpectedMeasure, actual: ParsedMeasure | undefined): [string, unknown, unknown][] {
  const at = `measure ${expected.index + 1}`;
  const checks: [string, unknown, unknown][] = [
    [`${at} lead`, actual?.units.lead ?? null, expected.lead],
    [`${at} co`, actual?.units.co ?? null, expected.co],
  ];
  if (expected.title !== undefined)
    checks.push([`${at} title`, actual?.title.slice(0, expected.title.length) ?? null, expected.title]);
  if (expected.leadGroup !== undefined)
    checks.push([`${at} lead group`, actual?.units.leadGroup ?? null, expected.leadGroup]);
  if (expected.divisions !== undefined)
    checks.push([`${at} divisions`, actual?.units.divisions ?? null, expected.divisions]);
  if (expected.deadline !== undefined)
    checks.push([`${at} deadline`, actual?.deadline.date ?? null, expected.deadline]);
  return checks;
}
