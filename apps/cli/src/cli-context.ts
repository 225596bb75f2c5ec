import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module';
import { StderrLogger } from './stderr-logger';

/** Runs `work` with the services of CliModule, then closes every connection so the process can exit. */
export async function withServices<T>(work: (get: <S>(type: Type<S>) => S) => Promise<T>): Promise<T> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(CliModule, {
    logger: new StderrLogger(),
  });
  try {
    return await work((type) => context.get(type));
  } finally {
    await context.close();
  }
}
