import type { Diagnostic, DiagnosticLevel } from './parse-result.types';

/** Collects diagnostics while parsing; hands them back ordered by line. */
export class DiagnosticLog {
  private readonly entries: Diagnostic[] = [];

  add(
    level: DiagnosticLevel,
    code: string,
    message: string,
    line: number | null,
    measurePath: string | null = null,
  ): void {
    this.entries.push({ level, line, code, message, measurePath });
  }

  list(): Diagnostic[] {
    // Array.prototype.sort is stable: entries on the same line keep the order they were found in.
    return [...this.entries].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}
