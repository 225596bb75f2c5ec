import 'reflect-metadata';
import { AppConfig, exitOnUnsupportedNode } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  app.enableShutdownHooks();
  const { API_PORT } = app.get(AppConfig);
  await app.listen(API_PORT, '127.0.0.1');
  app.get(Logger).log(`API on http://127.0.0.1:${API_PORT} — OpenAPI docs at http://127.0.0.1:${API_PORT}/docs`);
}

void bootstrap();
