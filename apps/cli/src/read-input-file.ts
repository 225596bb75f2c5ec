import { readFileSync, statSync } from 'node:fs';
import { DomainError } from '@app/common';

/** The bytes of a file named on the command line, or a clear error naming it. */
export function readInputFile(path: string): Buffer {
  try {
    if (statSync(path).isDirectory())
      throw new DomainError('invalid', 'NOT_A_FILE', `${path} 是目录，不是文件`, { field: 'FILE' });
    return readFileSync(path);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'invalid',
      'FILE_UNREADABLE',
      `无法读取文件 ${path}：${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { field: 'FILE' },
    );
  }
}
