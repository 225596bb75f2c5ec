import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchResult, result } from './bench-result';
import { consoleFolder } from '../apps/api/src/http/console-static';

/**
 * The JavaScript the login page loads before it can be used: the entry script and the modules index.html
 * preloads (every other page is a lazy chunk), gzipped as a server would send it.
 */
export async function consoleBundleBenchmarks(): Promise<BenchResult[]> {
  const folder = consoleFolder();
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const gzipped = scripts.reduce(
    (total, path) => total + gzipSync(readFileSync(join(folder, path)), { level: 9 }).length,
    0,
  );
  return [
    result('console.login_js_gzip_bytes', `login page JavaScript, gzipped (${scripts.length} files)`, gzipped, 'bytes'),
  ];
}
