import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentRevisionEntity } from './persistence/document-revision.entity';
import { DocumentEntity } from './persistence/document.entity';
import { MeasureAssignmentEntity, MeasureEntity, MeasureUnitEntity } from './persistence/measure.entity';
import { Module } from '@nestjs/common';
import { UnitsModule } from '@app/units';
import { DocumentImporter } from './import/document-importer.service';
import { DocumentLadderStore } from './ladder/document-ladder.store';
import { DocumentQueries } from './measures/document-queries.service';
import { MeasureAssignmentService } from './measures/measure-assignment.service';
import { MeasureSuggestionService } from './measures/measure-suggestion.service';

/** Documents and their measures: import, read, suggest and assign units. Needs PersistenceModule in the app. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      DocumentEntity,
      DocumentRevisionEntity,
      MeasureEntity,
      MeasureUnitEntity,
      MeasureAssignmentEntity,
    ]),
    UnitsModule,
  ],
  providers: [
    DocumentImporter,
    DocumentQueries,
    MeasureAssignmentService,
    MeasureSuggestionService,
    DocumentLadderStore,
  ],
  exports: [DocumentImporter, DocumentQueries, MeasureAssignmentService, MeasureSuggestionService, DocumentLadderStore],
})
export class DocumentsModule {}
