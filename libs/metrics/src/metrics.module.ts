import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** One Metrics (one registry) per application; every library that records imports this module. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
