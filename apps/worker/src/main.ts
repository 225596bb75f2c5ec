import 'reflect-metadata';
import { exitOnUnsupportedNode } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // pino at LOG_LEVEL (WorkerModule), one JSON line per entry, as the API logs.
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  worker.get(Logger).log('worker started; stop with Ctrl-C or SIGTERM');
}

void bootstrap();
