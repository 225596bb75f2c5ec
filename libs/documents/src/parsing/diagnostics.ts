import type { Diagnostic, DiagnosticLevel, SourceLocation } from './parse-result.types';

/** Collects diagnostics while parsing; hands them back ordered by line, each with its place in the file. */
export class DiagnosticLog {
  private readonly entries: Omit<Diagnostic, 'location'>[] = [];

  add(
    level: DiagnosticLevel,
    code: string,
    message: string,
    line: number | null,
    measurePath: string | null = null,
  ): void {
    this.entries.push({ level, line, code, message, measurePath });
  }

  list(locate: (line: number | null) => SourceLocation | null): Diagnostic[] {
    // Array.prototype.sort is stable: entries on the same line keep the order they were found in.
    return [...this.entries]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .map((entry) => ({ ...entry, location: locate(entry.line) }));
  }
}
