import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { ConfigModule } from '@app/common';
import { DocumentsModule } from '@app/documents';
import { PersistenceModule } from '@app/persistence';
import { UnitsModule } from '@app/units';

/** What the database-backed commands need: no HTTP, no queues. */
@Module({ imports: [ConfigModule, PersistenceModule.forRoot(), UnitsModule, DocumentsModule, AccessModule] })
export class CliModule {}
