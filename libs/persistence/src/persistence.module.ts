import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { MetricsModule } from '@app/metrics';
import { dataSourceOptions } from './data-source';
import { PoolMetricsSource } from './pool-metrics.source';

/**
 * The one PostgreSQL connection of a process. Each library registers its own entities
 * (TypeOrmModule.forFeature in its module). Needs an AppConfig provider (see ConfigModule).
 */
@Module({})
export class PersistenceModule {
  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [PoolMetricsSource],
      imports: [
        MetricsModule,
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true }),
        }),
      ],
    };
  }
}
