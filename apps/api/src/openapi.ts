import 'reflect-metadata';
import { exitOnUnsupportedNode } from '@app/common';

exitOnUnsupportedNode();

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { openApiDocument } from './configure-app';

/** Writes the OpenAPI document to dist/openapi.json (or the path given) without a database: preview mode builds no provider. */
async function writeOpenApi(target: string): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { preview: true, logger: false });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(openApiDocument(app), null, 2));
  await app.close();
}

void writeOpenApi(resolve(process.argv[2] ?? 'dist/openapi.json'));
