import { Module } from '@nestjs/common';
import { UnitDirectoryStore } from './persistence/unit-directory.store';

/** The unit directory as stored in PostgreSQL. Needs PersistenceModule in the app. */
@Module({
  providers: [UnitDirectoryStore],
  exports: [UnitDirectoryStore],
})
export class UnitsModule {}
