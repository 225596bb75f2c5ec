import 'reflect-metadata';
import { exitOnUnsupportedNode, loadConfig } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

type NestLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** LOG_LEVEL (pino's names) as the Nest levels to print. */
function nestLogLevels(level: string): NestLevel[] {
  const order: NestLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const upTo = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5, silent: -1 }[level] ?? 3;
  return order.slice(0, upTo + 1);
}

async function bootstrap(): Promise<void> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, {
    logger: nestLogLevels(loadConfig().LOG_LEVEL),
  });
  worker.enableShutdownHooks();
  new Logger('Worker').log('worker started; stop with Ctrl-C or SIGTERM');
}

void bootstrap();
