import { DomainError } from '@app/common';
import { DocumentParseError } from '@app/documents';

/** stdout carries results (JSON when asked); stderr carries errors and progress. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A user's mistake gets its code, message and line and exit code 1; anything else is a bug and shows its stack. */
export function reportFailure(error: unknown): number {
  if (error instanceof DomainError || error instanceof DocumentParseError) {
    const line = error instanceof DomainError ? error.details.line : error.line;
    const field = error instanceof DomainError ? error.details.field : undefined;
    const where = [line ? `第${line}行` : null, field ? `字段 ${field}` : null].filter(Boolean).join('，');
    process.stderr.write(`错误 [${error.code}]：${error.message}${where ? `（${where}）` : ''}\n`);
    return 1;
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
