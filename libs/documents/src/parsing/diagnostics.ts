import type { Diagnostic, DiagnosticLevel } from './parse-result.types';

/** Collects diagnostics while parsing; hands them back ordered by line. */
export class DiagnosticLog {
  private readonly entries: Diagnostic[] = [];

  add(level: DiagnosticLevel, code: string, message: string, line: number | null, measurePath: string | null = null): void {
    this.entries.push({ level, line, code, message, measurePath });
  }

  list(): Diagnostic[] {
    return this.entries
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => (a.entry.line ?? 0) - (b.entry.line ?? 0) || a.index - b.index)
      .map(({ entry }) => entry);
  }
}
