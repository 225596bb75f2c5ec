import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { dataSourceOptions } from './data-source';

/**
 * The one PostgreSQL connection of a process. Each library registers its own entities
 * (TypeOrmModule.forFeature in its module). Needs an AppConfig provider (see ConfigModule).
 */
@Module({})
export class PersistenceModule {
  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true }),
        }),
      ],
    };
  }
}
