import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root folder (the one holding package.json and seeds/), found by walking up from this
 * file, so it works from the sources under jest and from the compiled files under dist/.
 */
export function repositoryRoot(start: string = __dirname): string {
  let folder = start;
  while (!(existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'seeds')))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No folder above ${start} holds package.json and seeds/`);
    folder = parent;
  }
  return folder;
}
