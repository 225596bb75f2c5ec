import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitEntity, UnitNameRuleEntity } from './persistence/unit.entity';
import { Module } from '@nestjs/common';
import { UnitDirectoryStore } from './persistence/unit-directory.store';

/** The unit directory as stored in PostgreSQL. Needs PersistenceModule in the app. */
@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, UnitNameRuleEntity])],
  providers: [UnitDirectoryStore],
  exports: [UnitDirectoryStore],
})
export class UnitsModule {}
