import type { LoggerService } from '@nestjs/common';

/** The CLI keeps stdout for results (JSON when asked): warnings and errors go to stderr. */
export class StderrLogger implements LoggerService {
  log(): void {}

  warn(message: unknown, context?: string): void {
    process.stderr.write(`警告${context ? ` [${context}]` : ''}：${String(message)}\n`);
  }

  error(message: unknown, trace?: string, context?: string): void {
    process.stderr.write(`错误${context ? ` [${context}]` : ''}：${String(message)}${trace ? `\n${trace}` : ''}\n`);
  }
}
