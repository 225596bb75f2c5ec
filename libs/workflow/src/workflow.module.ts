import { Module } from '@nestjs/common';
import { AttachmentService } from './attachments/attachment.service';
import { AttachmentStore } from './attachments/attachment-store';
import { ChainVerifier } from './audit/chain-verifier.service';
import { LaunchService } from './launch/launch.service';
import { ProgressReportService } from './progress/progress-report.service';
import { SubtaskService } from './tasks/subtask.service';
import { TaskActionService } from './tasks/task-action.service';
import { TaskColours } from './tasks/task-colours.service';
import { TaskQueries } from './tasks/task-queries.service';
import { UnitTransferService } from './tasks/unit-transfer.service';

const SERVICES = [
  LaunchService,
  TaskActionService,
  SubtaskService,
  TaskQueries,
  TaskColours,
  ChainVerifier,
  ProgressReportService,
  UnitTransferService,
  AttachmentStore,
  AttachmentService,
];

/** Launch, the task life, and its audit trail. Needs PersistenceModule and SchedulingModule in the app. */
@Module({ providers: SERVICES, exports: SERVICES })
export class WorkflowModule {}
