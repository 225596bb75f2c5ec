import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';

const root = repositoryRoot();
const SOURCES = ['apps', 'libs', 'migrations', 'bench'];

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'console') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(root, 'dist', '.tsbuildinfo')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Tests that run the compiled programs (worker, CLI, demo, soak) build them first, unless the build is
 * newer than every source file: `npm test` has just built, and six suites rebuilding cost a minute of CI.
 */
export function buildCompiledApp(): void {
  if (builtAt() > Math.max(...SOURCES.map((folder) => newestSource(join(root, folder))))) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}
