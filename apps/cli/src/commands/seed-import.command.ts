import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { printLine } from '../output';
import { importCommand } from './documents.commands';
import { describeDatabase, loadUnitsCommand, migrateCommand } from './setup.commands';

/** The main job so far: schema, unit directory, both seed documents, and what came of them. */
export async function seedImportCommand(): Promise<void> {
  printLine(`数据库：${describeDatabase()}`);
  await migrateCommand();
  await loadUnitsCommand({});
  const seeds = join(repositoryRoot(), 'seeds');
  const documents = readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(seeds, name));
  await importCommand(documents, {});
}
