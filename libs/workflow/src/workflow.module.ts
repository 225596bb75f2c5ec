import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentEntity } from './attachments/attachment.entity';
import { TaskEventEntity } from './persistence/task-event.entity';
import { TaskEntity } from './persistence/task.entity';
import { WorkflowEntity } from './persistence/workflow.entity';
import { ProgressReportEntity } from './progress/progress-report.entity';
import { Module } from '@nestjs/common';
import { AttachmentService } from './attachments/attachment.service';
import { AttachmentStore } from './attachments/attachment-store';
import { ChainVerifier } from './audit/chain-verifier.service';
import { LaunchService } from './launch/launch.service';
import { RevisionImpact } from './launch/revision-impact.service';
import { ProgressReportService } from './progress/progress-report.service';
import { SubtaskService } from './tasks/subtask.service';
import { TaskActionService } from './tasks/task-action.service';
import { TaskColours } from './tasks/task-colours.service';
import { BulkAcknowledgeService } from './tasks/bulk-acknowledge.service';
import { InstructionService } from './tasks/instruction.service';
import { TaskBoard } from './tasks/task-board.service';
import { TaskQueries } from './tasks/task-queries.service';
import { UnitTransferService } from './tasks/unit-transfer.service';

const SERVICES = [
  LaunchService,
  RevisionImpact,
  TaskActionService,
  SubtaskService,
  TaskQueries,
  TaskBoard,
  BulkAcknowledgeService,
  InstructionService,
  TaskColours,
  ChainVerifier,
  ProgressReportService,
  UnitTransferService,
  AttachmentStore,
  AttachmentService,
];

/** Launch, the task life, and its audit trail. Needs PersistenceModule and SchedulingModule in the app. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WorkflowEntity, TaskEntity, TaskEventEntity, ProgressReportEntity, AttachmentEntity]),
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class WorkflowModule {}
