import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../time/clock';
import { AppConfig, loadConfig } from './app-config';

/** Provides the validated AppConfig and the Clock to every module of a process. */
@Global()
@Module({
  providers: [
    { provide: AppConfig, useFactory: () => loadConfig() },
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [AppConfig, Clock],
})
export class ConfigModule {}
