import 'reflect-metadata';
import { exitOnUnsupportedNode, repositoryRoot } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from './http/openapi-document';

/** `npm run openapi`: writes dist/openapi.json without a database or Redis; the console's API types come from it. */
async function main(): Promise<void> {
  const document = await createOpenApiDocument();
  const target = join(repositoryRoot(), 'dist', 'openapi.json');
  mkdirSync(join(repositoryRoot(), 'dist'), { recursive: true });
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document: ${target} (${Object.keys(document.paths).length} paths)`);
}

void main();
